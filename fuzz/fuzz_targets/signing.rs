//! Canonicalization and signing of arbitrary text must not panic, and encoding
//! must round-trip.

#![no_main]

use bcc_image::sign::{self, parse_header_lines, parse_wire_query, percent_decode, uri_encode, SigningInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };

    // Encoding keeps only unreserved bytes and always decodes back.
    let encoded = uri_encode(text);
    assert!(encoded.bytes().all(|byte| byte.is_ascii_alphanumeric() || b"-._~%".contains(&byte)));
    assert_eq!(percent_decode(&encoded).as_deref(), Some(text));

    // Split the input into a path, a wire query and header lines.
    let mut parts = text.splitn(3, '\u{1}');
    let path = parts.next().unwrap_or_default();
    let query = parse_wire_query(parts.next().unwrap_or_default()).unwrap_or_default();
    let headers = parse_header_lines(parts.next().unwrap_or_default()).unwrap_or_default();
    let signed: Vec<String> = headers.iter().take(2).map(|(name, _)| name.clone()).collect();

    let input = SigningInput {
        method: "PUT",
        path,
        query: &query,
        headers: &headers,
        timestamp: u64::from(data.len() as u32) * 1_000_003,
        expiration_seconds: 1800,
        signed_headers: &signed,
    };
    let signature = sign::sign("ak", "sk", &input);

    assert_eq!(signature.signing_key.len(), 64);
    assert!(signature.authorization.starts_with("bce-auth-v1/ak/"));
    assert_eq!(sign::parse_timestamp(&signature.canonical_time), Some(input.timestamp));
});
