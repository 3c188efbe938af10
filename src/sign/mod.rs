//! bce-auth-v1 request signing, with no I/O.
//!
//! The steps follow Baidu's signing documentation:
//! 1. `authStringPrefix` = `bce-auth-v1/{accessKeyId}/{timestamp}/{expirationSeconds}`.
//! 2. `signingKey` = hex(HMAC-SHA256(secretAccessKey, authStringPrefix)).
//! 3. `canonicalRequest` = method, canonical URI, canonical query string and
//!    canonical headers, joined by `\n`.
//! 4. `signature` = hex(HMAC-SHA256(signingKey as ASCII text, canonicalRequest)).
//! 5. `Authorization` = `{authStringPrefix}/{signedHeaders}/{signature}`.
//!
//! Time is a parameter, so tests and callers can pin it.

mod canonical;
mod encode;
mod time;
mod wire;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

pub use canonical::{
    is_default_signed_header, normalize_signed_headers, trim_http_whitespace, push_canonical_headers, push_canonical_query,
    push_canonical_uri,
};
pub use encode::{percent_decode, uri_encode, uri_encode_into};
pub use time::{format_timestamp, now_unix_seconds, parse_timestamp, push_timestamp};
pub use wire::{parse_header_lines, parse_signed_header_list, parse_wire_query};

/// Signature lifetime that every official SDK uses when the caller sets none.
pub const DEFAULT_EXPIRATION_SECONDS: u32 = 1800;

/// The inputs of one signature, apart from the credentials.
///
/// Strings are decoded text: the signer does the percent-encoding.
#[derive(Debug, Clone, Copy)]
pub struct SigningInput<'a, Name: AsRef<str>, Value: AsRef<str>> {
    /// HTTP method in uppercase, such as `PUT`.
    pub method: &'a str,
    /// Decoded request path, such as `/v2/image/rename`.
    pub path: &'a str,
    /// Decoded query parameters. `None` is a parameter sent without a value.
    pub query: &'a [(Name, Option<Value>)],
    /// Request headers as sent, in any case.
    pub headers: &'a [(Name, Value)],
    /// Signing time in Unix seconds.
    pub timestamp: u64,
    /// How long the signature stays valid after `timestamp`, in seconds.
    pub expiration_seconds: u32,
    /// Names of the headers to sign, listed in the Authorization value. An empty
    /// slice signs the default set and leaves the list empty.
    pub signed_headers: &'a [Name],
}

/// Every value derived while signing, so tests and callers can check each step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// `timestamp` as `YYYY-MM-DDThh:mm:ssZ`, the value to send as `x-bce-date`.
    pub canonical_time: String,
    /// Lowercase hex of the first HMAC: the key of the second.
    pub signing_key: String,
    /// The text that the second HMAC signs.
    pub canonical_request: String,
    /// The complete `Authorization` header value.
    pub authorization: String,
}

/// Signs one request and returns every derived value.
///
/// ```
/// use bcc_image::sign::{sign, SigningInput};
///
/// let headers = [("Host", "bcc.bj.baidubce.com"), ("x-bce-date", "2015-08-11T04:17:29Z")];
/// let input = SigningInput {
///     method: "PUT",
///     path: "/v2/image/rename",
///     query: &[("clientToken", Some("1849ef6b-f73c-4f5d-b88b-259ca47af849"))],
///     headers: &headers,
///     timestamp: 1_439_266_649,
///     expiration_seconds: 1800,
///     signed_headers: &["host", "x-bce-date"],
/// };
/// let signature = sign("my-access-key-id", "my-secret-access-key", &input);
///
/// assert_eq!(signature.canonical_time, "2015-08-11T04:17:29Z");
/// assert!(signature.authorization.starts_with("bce-auth-v1/my-access-key-id/2015-08-11T04:17:29Z/1800/host;x-bce-date/"));
/// ```
pub fn sign<Name, Value>(access_key_id: &str, secret_access_key: &str, input: &SigningInput<'_, Name, Value>) -> Signature
where
    Name: AsRef<str>,
    Value: AsRef<str>,
{
    let canonical_time = format_timestamp(input.timestamp);
    // The Authorization value starts with authStringPrefix, so it is built in place
    // and the signing key signs that first part.
    let mut authorization = String::with_capacity(160 + access_key_id.len());
    authorization.push_str("bce-auth-v1/");
    authorization.push_str(access_key_id);
    authorization.push('/');
    authorization.push_str(&canonical_time);
    authorization.push('/');
    authorization.push_str(&input.expiration_seconds.to_string());
    let signing_key = hmac_sha256_hex_bytes(secret_access_key.as_bytes(), authorization.as_bytes());

    let signed_headers = normalize_signed_headers(input.signed_headers);
    let canonical_request = canonical_request(input, &signed_headers);
    let signature = hmac_sha256_hex_bytes(&signing_key, canonical_request.as_bytes());

    authorization.push('/');
    for (index, name) in signed_headers.iter().enumerate() {
        if index > 0 {
            authorization.push(';');
        }
        authorization.push_str(name);
    }
    authorization.push('/');
    authorization.push_str(std::str::from_utf8(&signature).expect("hex digits are ASCII"));
    Signature {
        canonical_time,
        signing_key: std::str::from_utf8(&signing_key).expect("hex digits are ASCII").to_string(),
        canonical_request,
        authorization,
    }
}

/// Builds the canonical request for `input`, signing `signed_headers` (normalized,
/// or empty for the default set).
pub fn canonical_request<Name, Value>(input: &SigningInput<'_, Name, Value>, signed_headers: &[String]) -> String
where
    Name: AsRef<str>,
    Value: AsRef<str>,
{
    let mut out = String::with_capacity(256);
    out.push_str(input.method);
    out.push('\n');
    push_canonical_uri(&mut out, input.path);
    out.push('\n');
    push_canonical_query(&mut out, input.query);
    out.push('\n');
    push_canonical_headers(&mut out, input.headers, signed_headers);
    out
}

/// Returns the lowercase hex of HMAC-SHA256(`key`, `message`).
pub fn hmac_sha256_hex(key: &[u8], message: &[u8]) -> String {
    let hex = hmac_sha256_hex_bytes(key, message);
    std::str::from_utf8(&hex).expect("hex digits are ASCII").to_string()
}

/// HMAC-SHA256 keyed with a secret access key, before any message.
///
/// Keying HMAC-SHA256 hashes two 64-byte blocks, 2 of the 11 SHA-256 blocks of a
/// rename signature, so a cloned keyed state skips that work on each signature.
#[derive(Clone)]
pub struct SecretKeyMac(Hmac<Sha256>);

impl SecretKeyMac {
    /// Keys HMAC-SHA256 with `secret_access_key`.
    pub fn new(secret_access_key: &str) -> Self {
        SecretKeyMac(Hmac::<Sha256>::new_from_slice(secret_access_key.as_bytes()).expect("HMAC takes a key of any length"))
    }

    /// Returns the signing key of `auth_string_prefix` in lowercase hex:
    /// hex(HMAC-SHA256(secretAccessKey, authStringPrefix)).
    pub fn signing_key_hex(&self, auth_string_prefix: &str) -> [u8; 64] {
        let mut mac = self.0.clone();
        mac.update(auth_string_prefix.as_bytes());
        let mut hex = [0u8; 64];
        hex::encode_to_slice(mac.finalize().into_bytes(), &mut hex).expect("64 hex digits hold 32 bytes");
        hex
    }
}

impl std::fmt::Debug for SecretKeyMac {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKeyMac(<redacted>)")
    }
}

/// Two keyed states are equal when their keys are, so [`crate::Credentials`]
/// compares its secret access keys and treats the states derived from them as equal.
impl PartialEq for SecretKeyMac {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl Eq for SecretKeyMac {}

/// Returns the lowercase hex of HMAC-SHA256(`key`, `message`) as ASCII bytes.
///
/// The signing key is only ever used as the next key, so keeping it on the stack
/// saves the allocation and the per-character collect of `hex::encode`.
pub fn hmac_sha256_hex_bytes(key: &[u8], message: &[u8]) -> [u8; 64] {
    // HMAC accepts keys of any length, so this constructor cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    let mut hex = [0u8; 64];
    hex::encode_to_slice(mac.finalize().into_bytes(), &mut hex).expect("64 hex digits hold 32 bytes");
    hex
}
