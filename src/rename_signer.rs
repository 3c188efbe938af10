//! The bce-auth-v1 signature of a rename request, built without the general
//! signer's sorting and intermediate strings.
//!
//! A rename always signs the same header names with values that need no
//! trimming, so the canonical request can be written in its final order in one
//! pass. `sign::sign` on the same input gives the same Authorization value, and
//! the tests below check that on hosts, tokens and times that need encoding.

use std::fmt::Write;

use crate::credentials::Credentials;
use crate::sign::{hmac_sha256_hex_bytes, push_canonical_uri, uri_encode_into};

/// `application/json;charset=utf-8` percent-encoded, as its canonical header
/// line carries it.
const CONTENT_TYPE_JSON_ENCODED: &str = "application%2Fjson%3Bcharset%3Dutf-8";

/// The parts of one rename attempt that the signature covers.
pub(crate) struct RenameSigningParts<'a> {
    pub path: &'a str,
    pub client_token: &'a str,
    pub host: &'a str,
    pub content_length: &'a str,
    /// The `x-bce-date` value, `YYYY-MM-DDThh:mm:ssZ`.
    pub date: &'a str,
}

/// Returns the Authorization value of a rename that sends `host`,
/// `content-type: application/json;charset=utf-8`, `content-length`,
/// `x-bce-date` and, for STS credentials, `x-bce-security-token`, and lists them
/// all as signed headers.
///
/// `host` and the security token must contain no whitespace at either end,
/// because the general signer trims values and this one does not. An endpoint
/// host and a validated token never do.
pub(crate) fn rename_authorization(credentials: &Credentials, parts: &RenameSigningParts<'_>, expiration_seconds: u32) -> String {
    let security_token = credentials.security_token().map(|token| token.expose());

    // The Authorization value starts with the string that the signing key signs.
    let mut authorization = String::with_capacity(160 + credentials.access_key_id().len());
    authorization.push_str("bce-auth-v1/");
    authorization.push_str(credentials.access_key_id());
    authorization.push('/');
    authorization.push_str(parts.date);
    authorization.push('/');
    write!(authorization, "{expiration_seconds}").expect("writing to a String cannot fail");
    let signing_key = credentials.secret_key_mac().signing_key_hex(&authorization);

    let canonical_request = canonical_request(parts, security_token);
    let signature = hmac_sha256_hex_bytes(&signing_key, canonical_request.as_bytes());

    authorization.push_str(match security_token {
        Some(_) => "/content-length;content-type;host;x-bce-date;x-bce-security-token/",
        None => "/content-length;content-type;host;x-bce-date/",
    });
    authorization.push_str(std::str::from_utf8(&signature).expect("hex digits are ASCII"));
    authorization
}

/// Writes the canonical request. The header lines are already in byte order:
/// `content-length` < `content-type` < `host` < `x-bce-date` <
/// `x-bce-security-token`.
fn canonical_request(parts: &RenameSigningParts<'_>, security_token: Option<&str>) -> String {
    let mut out = String::with_capacity(
        192 + parts.path.len() + parts.client_token.len() + parts.host.len() + security_token.map_or(0, str::len),
    );
    out.push_str("PUT\n");
    push_canonical_uri(&mut out, parts.path);
    out.push_str("\nclientToken=");
    uri_encode_into(&mut out, parts.client_token, false);
    out.push_str("\ncontent-length:");
    out.push_str(parts.content_length);
    out.push_str("\ncontent-type:");
    out.push_str(CONTENT_TYPE_JSON_ENCODED);
    out.push_str("\nhost:");
    uri_encode_into(&mut out, parts.host, false);
    out.push_str("\nx-bce-date:");
    uri_encode_into(&mut out, parts.date, false);
    if let Some(token) = security_token {
        out.push_str("\nx-bce-security-token:");
        uri_encode_into(&mut out, token, false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::CONTENT_TYPE_JSON;
    use crate::sign::{format_timestamp, sign, uri_encode, SigningInput};

    /// Signs the same rename with the general signer.
    fn general_authorization(credentials: &Credentials, parts: &RenameSigningParts<'_>, timestamp: u64) -> String {
        let mut headers = vec![
            ("host", parts.host),
            ("content-type", CONTENT_TYPE_JSON),
            ("content-length", parts.content_length),
            ("x-bce-date", parts.date),
        ];
        if let Some(token) = credentials.security_token() {
            headers.push(("x-bce-security-token", token.expose()));
        }
        let names: Vec<&str> = headers.iter().map(|(name, _)| *name).collect();
        let query = [("clientToken", Some(parts.client_token))];
        let input = SigningInput {
            method: "PUT",
            path: parts.path,
            query: &query,
            headers: &headers,
            timestamp,
            expiration_seconds: 1800,
            signed_headers: &names,
        };
        sign(credentials.access_key_id(), credentials.secret_access_key().expose(), &input).authorization
    }

    #[test]
    fn content_type_encoding_matches() {
        assert_eq!(uri_encode(CONTENT_TYPE_JSON), CONTENT_TYPE_JSON_ENCODED);
    }

    #[test]
    fn matches_general_signer() {
        let long_term = Credentials::new("ak-1", "sk/+=1").unwrap();
        let sts = Credentials::new("ak-2", "sk").unwrap().with_security_token("tok+/=en~").unwrap();
        let hosts = ["bcc.bj.baidubce.com", "127.0.0.1:8080", "[::1]:9000"];
        let tokens = ["1849ef6b-f73c-4f5d-b88b-259ca47af849", "a b+c/~!*", "测"];
        let times = [0, 1_439_266_649, 4_102_444_799];

        for credentials in [&long_term, &sts] {
            for host in hosts {
                for token in tokens {
                    for timestamp in times {
                        let date = format_timestamp(timestamp);
                        let parts = RenameSigningParts {
                            path: "/v2/image/rename",
                            client_token: token,
                            host,
                            content_length: "41",
                            date: &date,
                        };
                        let expected = general_authorization(credentials, &parts, timestamp);
                        assert_eq!(rename_authorization(credentials, &parts, 1800), expected, "{host} {token} {timestamp}");
                    }
                }
            }
        }
    }
}
