//! Checks the signer against the vectors in `tests/data/bce_auth_v1.json`, which
//! Baidu's official Python SDK computed (see `tests/data/README.md`). Each step has its
//! own test, so a failure points at one step of the algorithm.

use bcc_image::sign::{self, SigningInput};
use serde_json::Value;

struct Vector {
    name: String,
    access_key_id: String,
    secret_access_key: String,
    method: String,
    path: String,
    query: Vec<(String, Option<String>)>,
    headers: Vec<(String, String)>,
    timestamp: u64,
    expiration_seconds: u32,
    signed_headers: Vec<String>,
    expected: Value,
}

fn load_vectors() -> Vec<Vector> {
    let text = include_str!("data/bce_auth_v1.json");
    let document: Value = serde_json::from_str(text).expect("the vector file is JSON");
    let text_of = |value: &Value| value.as_str().expect("a string field").to_string();

    document["vectors"]
        .as_array()
        .expect("a vectors array")
        .iter()
        .map(|vector| Vector {
            name: text_of(&vector["name"]),
            access_key_id: text_of(&vector["access_key_id"]),
            secret_access_key: text_of(&vector["secret_access_key"]),
            method: text_of(&vector["method"]),
            path: text_of(&vector["path"]),
            query: vector["query"]
                .as_array()
                .unwrap()
                .iter()
                .map(|pair| (text_of(&pair[0]), pair[1].as_str().map(str::to_string)))
                .collect(),
            headers: vector["headers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|pair| (text_of(&pair[0]), text_of(&pair[1])))
                .collect(),
            timestamp: vector["timestamp"].as_u64().unwrap(),
            expiration_seconds: vector["expiration_seconds"].as_u64().unwrap() as u32,
            signed_headers: vector["signed_headers"]
                .as_array()
                .map(|names| names.iter().map(text_of).collect())
                .unwrap_or_default(),
            expected: vector["expected"].clone(),
        })
        .collect()
}

fn sign_vector(vector: &Vector) -> sign::Signature {
    let input = SigningInput {
        method: &vector.method,
        path: &vector.path,
        query: &vector.query,
        headers: &vector.headers,
        timestamp: vector.timestamp,
        expiration_seconds: vector.expiration_seconds,
        signed_headers: &vector.signed_headers,
    };
    sign::sign(&vector.access_key_id, &vector.secret_access_key, &input)
}

#[test]
fn vector_file_has_all_cases() {
    let vectors = load_vectors();
    assert_eq!(vectors.len(), 75);
    assert!(vectors.iter().any(|vector| vector.name.starts_with("Baidu documentation example")));
}

#[test]
fn vectors_canonical_time() {
    for vector in load_vectors() {
        assert_eq!(sign_vector(&vector).canonical_time, vector.expected["canonical_time"], "{}", vector.name);
    }
}

#[test]
fn vectors_canonical_request() {
    for vector in load_vectors() {
        assert_eq!(sign_vector(&vector).canonical_request, vector.expected["canonical_request"], "{}", vector.name);
    }
}

#[test]
fn vectors_signing_key() {
    for vector in load_vectors() {
        assert_eq!(sign_vector(&vector).signing_key, vector.expected["signing_key"], "{}", vector.name);
    }
}

#[test]
fn vectors_authorization() {
    for vector in load_vectors() {
        assert_eq!(sign_vector(&vector).authorization, vector.expected["authorization"], "{}", vector.name);
    }
}

#[test]
fn baidu_documentation_example_signature() {
    let vectors = load_vectors();
    let example = vectors
        .iter()
        .find(|vector| vector.name.starts_with("Baidu documentation example"))
        .unwrap();
    let authorization = sign_vector(example).authorization;
    let signature = authorization.rsplit('/').next().unwrap();
    assert!(signature.starts_with("d74a0436"), "{authorization}");
}
