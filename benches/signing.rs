//! Signing cost of the rename request against its two HMAC-SHA256 steps alone.
//!
//! `scripts/bench.sh` divides `rename_signed_headers` by `two_hmacs` for the
//! Rust signing target. Both run in the same process and criterion run, on the
//! same key, timestamp and canonical request.

use std::hint::black_box;
use std::time::Duration;

use bcc_image::request::RenameRequest;
use bcc_image::sign::{self, SigningInput};
use bcc_image::Credentials;
use criterion::{criterion_group, criterion_main, Criterion};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

const ACCESS_KEY_ID: &str = "aa5ac6b4a1f94b3a9f1b7b6b1c0e2d3f";
const SECRET_ACCESS_KEY: &str = "a6b3fa0d4bcf4b2e9e4a1c8d7f6e5b4a";
/// 2015-08-11T04:17:29Z, the time of Baidu's signing example.
const TIMESTAMP: u64 = 1_439_266_649;

fn rename_request() -> RenameRequest {
    RenameRequest::new(
        "http://127.0.0.1:8080",
        "127.0.0.1:8080",
        2,
        "m-1849ef6b",
        "newName",
        "1849ef6b-f73c-4f5d-b88b-259ca47af849",
    )
}

/// HMAC-SHA256(key, message) as raw bytes, with nothing around it.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// The lower bound of any bce-auth-v1 signer: the signing key, its hex form,
/// and the signature over an already built canonical request.
fn bench_two_hmacs(c: &mut Criterion) {
    let request = rename_request();
    let credentials = Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY).unwrap();
    let headers = request.signed_headers(&credentials, TIMESTAMP, 1800);
    let header_refs: Vec<(&str, &str)> = headers.pairs().take(4).collect();
    let names: Vec<&str> = header_refs.iter().map(|(name, _)| *name).collect();
    let input = SigningInput {
        method: "PUT",
        path: &request.path,
        query: &[("clientToken", Some(request.client_token.as_str()))],
        headers: &header_refs,
        timestamp: TIMESTAMP,
        expiration_seconds: 1800,
        signed_headers: &names,
    };
    let signature = sign::sign(ACCESS_KEY_ID, SECRET_ACCESS_KEY, &input);
    let auth_string_prefix = format!("bce-auth-v1/{ACCESS_KEY_ID}/{}/1800", signature.canonical_time);
    let canonical_request = signature.canonical_request;

    c.bench_function("two_hmacs", |b| {
        b.iter(|| {
            let signing_key = hmac_sha256(black_box(SECRET_ACCESS_KEY.as_bytes()), black_box(auth_string_prefix.as_bytes()));
            let mut signing_key_hex = [0u8; 64];
            hex::encode_to_slice(signing_key, &mut signing_key_hex).expect("64 bytes hold 32 in hex");
            hmac_sha256(&signing_key_hex, black_box(canonical_request.as_bytes()))
        })
    });
}

/// What the client runs on every attempt: the rename's headers and their
/// Authorization value.
fn bench_rename_signed_headers(c: &mut Criterion) {
    let request = rename_request();
    let credentials = Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY).unwrap();
    c.bench_function("rename_signed_headers", |b| {
        b.iter(|| black_box(&request).signed_headers(black_box(&credentials), black_box(TIMESTAMP), 1800))
    });
}

/// The general signer on the same request, as `bcc_image.sign_request` and
/// `bcc_sign_request` call it.
fn bench_generic_sign(c: &mut Criterion) {
    let request = rename_request();
    let headers = [
        ("host", "127.0.0.1:8080"),
        ("content-type", bcc_image::request::CONTENT_TYPE_JSON),
        ("content-length", "41"),
        ("x-bce-date", "2015-08-11T04:17:29Z"),
    ];
    let names = ["host", "content-type", "content-length", "x-bce-date"];
    let query = [("clientToken", Some(request.client_token.as_str()))];
    c.bench_function("generic_sign", |b| {
        b.iter(|| {
            let input = SigningInput {
                method: "PUT",
                path: &request.path,
                query: &query,
                headers: &headers,
                timestamp: TIMESTAMP,
                expiration_seconds: 1800,
                signed_headers: &names,
            };
            sign::sign(ACCESS_KEY_ID, SECRET_ACCESS_KEY, black_box(&input)).authorization
        })
    });
}

fn configured() -> Criterion {
    // Short runs keep scripts/bench.sh to a few minutes. Each benchmark is
    // under 10 µs, so 2 s still gives about a million iterations.
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
}

criterion_group! {
    name = signing;
    config = configured();
    targets = bench_two_hmacs, bench_rename_signed_headers, bench_generic_sign
}
criterion_main!(signing);
