//! bce-auth-v1 verification, as Baidu's servers do it.
//!
//! The steps, each with its own error: parse the Authorization header
//! (`InvalidHTTPAuthHeader`), look up the access key (`InvalidAccessKeyId`), check
//! the time window (`RequestExpired`), rebuild the canonical request with the
//! signer of `bcc_image` and compare signatures in constant time
//! (`SignatureDoesNotMatch`).

use std::collections::HashMap;

use bcc_image::sign::{
    canonical_request, format_timestamp, hmac_sha256_hex, normalize_signed_headers, parse_timestamp, SigningInput,
};
use hyper::header::AUTHORIZATION;
use hyper::{HeaderMap, Method};
use subtle::ConstantTimeEq;

use crate::response::ApiError;
use crate::target::RequestTarget;

/// How far a signature timestamp may lie ahead of the server clock, in seconds.
pub const MAX_CLOCK_SKEW_SECONDS: i64 = 15 * 60;

const SCHEME: &str = "bce-auth-v1";
const SECURITY_TOKEN_HEADER: &str = "x-bce-security-token";
const EXPECTED_FORM: &str = "bce-auth-v1/{accessKeyId}/{timestamp}/{expirationSeconds}/{signedHeaders}/{signature}";

/// The fields of a `bce-auth-v1` Authorization value.
struct Authorization<'a> {
    access_key_id: &'a str,
    /// The timestamp exactly as sent, because the signing key is derived from the
    /// text, not from a reformatted time.
    timestamp_text: &'a str,
    timestamp: i64,
    expiration_text: &'a str,
    expiration_seconds: u32,
    signed_headers: Vec<String>,
    signature: &'a str,
}

/// Verifies the signature of a request and returns the caller's access key id.
///
/// `credentials` maps access key ids to secret keys, and `now` is the server time in
/// Unix seconds.
pub fn verify(
    method: &Method,
    target: &RequestTarget,
    headers: &HeaderMap,
    credentials: &HashMap<String, String>,
    now: i64,
) -> Result<String, ApiError> {
    // A missing header is reported like a malformed one, because both mean "no
    // usable bce-auth-v1 value" and the client must fix the request the same way.
    // Baidu documents no separate code for the missing case.
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Err(invalid_header(format!("the Authorization header is missing; send {EXPECTED_FORM}")));
    };
    let Ok(value) = value.to_str() else {
        return Err(invalid_header("the Authorization header is not visible ASCII".to_string()));
    };
    let authorization = parse_authorization(value)?;

    let Some(secret_access_key) = credentials.get(authorization.access_key_id) else {
        return Err(ApiError::forbidden(
            "InvalidAccessKeyId",
            format!("access key id {:?} is not known to this server", authorization.access_key_id),
        ));
    };

    check_time_window(&authorization, now)?;

    let header_pairs = header_pairs(headers);
    check_signed_headers_present(&authorization.signed_headers, &header_pairs)?;

    let input = SigningInput {
        method: method.as_str(),
        path: &target.path,
        query: &target.query,
        headers: &header_pairs,
        timestamp: authorization.timestamp as u64,
        expiration_seconds: authorization.expiration_seconds,
        signed_headers: &authorization.signed_headers,
    };
    let canonical = canonical_request(&input, &authorization.signed_headers);

    let auth_string_prefix = format!(
        "{SCHEME}/{}/{}/{}",
        authorization.access_key_id, authorization.timestamp_text, authorization.expiration_text
    );
    let signing_key = hmac_sha256_hex(secret_access_key.as_bytes(), auth_string_prefix.as_bytes());
    let expected = hmac_sha256_hex(signing_key.as_bytes(), canonical.as_bytes());

    let matches: bool = expected.as_bytes().ct_eq(authorization.signature.as_bytes()).into();
    if !matches {
        log::debug!("signature mismatch for access key {}; canonical request: {canonical:?}", authorization.access_key_id);
        return Err(ApiError::bad_request(
            "SignatureDoesNotMatch",
            "the request signature does not match the signature computed by the server; \
             check the secret access key and that every signed header is sent with the signed value",
        ));
    }

    Ok(authorization.access_key_id.to_string())
}

fn parse_authorization(value: &str) -> Result<Authorization<'_>, ApiError> {
    let fields: Vec<&str> = value.trim().split('/').collect();
    if fields.first() != Some(&SCHEME) {
        return Err(invalid_header(format!("the Authorization scheme is not {SCHEME}; send {EXPECTED_FORM}")));
    }
    let [_, access_key_id, timestamp_text, expiration_text, signed_headers, signature] = fields[..] else {
        return Err(invalid_header(format!(
            "the Authorization value has {} '/'-separated fields, but {EXPECTED_FORM} has 6",
            fields.len()
        )));
    };

    if access_key_id.is_empty() {
        return Err(invalid_header("the access key id in the Authorization value is empty".to_string()));
    }

    let Some(timestamp) = parse_timestamp(timestamp_text) else {
        return Err(invalid_header(format!(
            "invalid timestamp {timestamp_text:?} in the Authorization value; expected UTC as YYYY-MM-DDThh:mm:ssZ"
        )));
    };

    let expiration_seconds = if expiration_text.is_empty() || !expiration_text.bytes().all(|b| b.is_ascii_digit()) {
        None
    } else {
        expiration_text.parse::<u32>().ok()
    };
    let Some(expiration_seconds) = expiration_seconds else {
        return Err(invalid_header(format!(
            "invalid expiration {expiration_text:?} in the Authorization value; expected whole seconds, such as 1800"
        )));
    };

    if signature.is_empty() {
        return Err(invalid_header("the signature in the Authorization value is empty".to_string()));
    }

    let signed_headers: Vec<&str> = signed_headers.split(';').collect();
    Ok(Authorization {
        access_key_id,
        timestamp_text,
        timestamp: timestamp as i64,
        expiration_text,
        expiration_seconds,
        signed_headers: normalize_signed_headers(&signed_headers),
        signature,
    })
}

fn check_time_window(authorization: &Authorization<'_>, now: i64) -> Result<(), ApiError> {
    let expires_at = authorization.timestamp + i64::from(authorization.expiration_seconds);
    if now > expires_at {
        return Err(ApiError::bad_request(
            "RequestExpired",
            format!(
                "the signature expired at {}, and the server time is {}; sign the request again",
                format_time(expires_at),
                format_time(now)
            ),
        ));
    }

    if authorization.timestamp > now + MAX_CLOCK_SKEW_SECONDS {
        return Err(ApiError::bad_request(
            "RequestExpired",
            format!(
                "the signature timestamp {} is more than 15 minutes ahead of the server time {}; check the client clock",
                authorization.timestamp_text,
                format_time(now)
            ),
        ));
    }
    Ok(())
}

/// Fails when a header named in `signedHeaders` is absent, or when a security token
/// is sent but left out of an explicit `signedHeaders` list. An empty list signs
/// the default set, which contains every `x-bce-` header.
fn check_signed_headers_present(signed_headers: &[String], header_pairs: &[(String, String)]) -> Result<(), ApiError> {
    let is_sent = |name: &str| header_pairs.iter().any(|(sent, _)| sent == name);

    if let Some(missing) = signed_headers.iter().find(|name| !is_sent(name)) {
        return Err(ApiError::bad_request(
            "SignatureDoesNotMatch",
            format!("header {missing:?} is listed in signedHeaders but missing from the request"),
        ));
    }

    let token_unsigned = !signed_headers.is_empty() && !signed_headers.iter().any(|name| name == SECURITY_TOKEN_HEADER);
    if is_sent(SECURITY_TOKEN_HEADER) && token_unsigned {
        return Err(ApiError::bad_request(
            "SignatureDoesNotMatch",
            format!("header {SECURITY_TOKEN_HEADER:?} is sent but not listed in signedHeaders; it must be signed"),
        ));
    }
    Ok(())
}

/// Returns the request headers as (lowercase name, value) pairs. A value that is not
/// UTF-8 is left out, so it can never match a signature.
fn header_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .filter_map(|(name, value)| {
            let value = std::str::from_utf8(value.as_bytes()).ok()?;
            Some((name.as_str().to_string(), value.to_string()))
        })
        .collect()
}

fn format_time(unix_seconds: i64) -> String {
    format_timestamp(unix_seconds.max(0) as u64)
}

fn invalid_header(message: String) -> ApiError {
    ApiError::bad_request("InvalidHTTPAuthHeader", message)
}
