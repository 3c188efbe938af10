//! Signature verification over real sockets: each bce-auth-v1 failure gets its code.

mod common;

use bcc_image::sign::now_unix_seconds;
use common::{assert_bce_error, send, start_emulator, Call, IMAGE_ID, OLD_NAME};

#[test]
fn signed_get_accepted() {
    let emulator = start_emulator();
    let answer = send(&emulator, &Call::get_image(IMAGE_ID));
    assert_eq!(answer.status, 200, "body: {}", answer.body);
    assert_eq!(answer.json()["image"]["name"], OLD_NAME);
}

#[test]
fn default_signed_set_accepted() {
    let emulator = start_emulator();
    let mut call = Call::rename(IMAGE_ID, "newName", None);
    call.signed_headers.clear();
    let answer = send(&emulator, &call);
    assert_eq!(answer.status, 200, "body: {}", answer.body);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
}

#[test]
fn wrong_secret_rejected() {
    let emulator = start_emulator();
    let mut call = Call::rename(IMAGE_ID, "newName", None);
    call.secret_key = "not-the-secret".to_string();
    let answer = send(&emulator, &call);
    assert_bce_error(&answer, 400, "SignatureDoesNotMatch");
    assert_eq!(emulator.renames_applied(IMAGE_ID), 0);
}

#[test]
fn unknown_access_key_rejected() {
    let emulator = start_emulator();
    let mut call = Call::get_image(IMAGE_ID);
    call.access_key = "AKUNKNOWN".to_string();
    assert_bce_error(&send(&emulator, &call), 403, "InvalidAccessKeyId");
}

#[test]
fn expired_signature_rejected() {
    let emulator = start_emulator();
    let mut call = Call::get_image(IMAGE_ID);
    call.timestamp = now_unix_seconds() - 1801;
    assert_bce_error(&send(&emulator, &call), 400, "RequestExpired");
}

#[test]
fn clock_offset_expires_signature() {
    let emulator = start_emulator();
    emulator.set_clock_offset(3600);
    assert_bce_error(&send(&emulator, &Call::get_image(IMAGE_ID)), 400, "RequestExpired");

    emulator.set_clock_offset(0);
    assert_eq!(send(&emulator, &Call::get_image(IMAGE_ID)).status, 200);
}

#[test]
fn future_timestamp_rejected() {
    let emulator = start_emulator();
    let mut call = Call::get_image(IMAGE_ID);
    call.timestamp = now_unix_seconds() + 16 * 60;
    assert_bce_error(&send(&emulator, &call), 400, "RequestExpired");
}

#[test]
fn small_clock_skew_accepted() {
    let emulator = start_emulator();
    let mut call = Call::get_image(IMAGE_ID);
    call.timestamp = now_unix_seconds() + 14 * 60;
    assert_eq!(send(&emulator, &call).status, 200);
}

#[test]
fn malformed_authorization_rejected() {
    let emulator = start_emulator();
    let values = [
        "Bearer abc",
        "bce-auth-v1/AK/2024-01-01T00:00:00Z/1800/host",
        "bce-auth-v1/AK/yesterday/1800/host/abc",
        "bce-auth-v1/AK/2024-01-01T00:00:00Z/soon/host/abc",
        "bce-auth-v1//2024-01-01T00:00:00Z/1800/host/abc",
    ];
    for value in values {
        let mut call = Call::get_image(IMAGE_ID);
        call.authorization = Some(value.to_string());
        let answer = send(&emulator, &call);
        assert_eq!(answer.status, 400, "status for {value:?}");
        assert_eq!(answer.code().as_deref(), Some("InvalidHTTPAuthHeader"), "code for {value:?}");
    }
}

#[test]
fn unsigned_get_rejected() {
    let emulator = start_emulator();
    let mut call = Call::get_image(IMAGE_ID);
    call.authorization = Some(String::new());
    assert_bce_error(&send(&emulator, &call), 400, "InvalidHTTPAuthHeader");
}

#[test]
fn listed_header_missing_rejected() {
    let emulator = start_emulator();
    let mut call = Call::get_image(IMAGE_ID);
    call.headers.push(("x-bce-client".to_string(), "test".to_string()));
    call.signed_headers.push("x-bce-client".to_string());
    call.unsent_headers.push("x-bce-client".to_string());
    let answer = send(&emulator, &call);
    assert_bce_error(&answer, 400, "SignatureDoesNotMatch");
    assert!(answer.body.contains("x-bce-client"), "message names the header: {}", answer.body);
}

#[test]
fn tampered_body_length_rejected() {
    let emulator = start_emulator();
    let mut call = Call::rename(IMAGE_ID, "newName", None);
    let signed_body = call.body.clone();
    call.body = br#"{"name":"otherName","imageId":"m-1849ef6b"}"#.to_vec();
    call.headers.retain(|(name, _)| name != "content-length");
    call.headers.push(("content-length".to_string(), call.body.len().to_string()));
    call.signing_overrides.push(("content-length".to_string(), signed_body.len().to_string()));
    assert_bce_error(&send(&emulator, &call), 400, "SignatureDoesNotMatch");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some(OLD_NAME));
}

#[test]
fn tampered_content_type_rejected() {
    let emulator = start_emulator();
    let mut call = Call::rename(IMAGE_ID, "newName", None);
    call.signing_overrides.push(("content-type".to_string(), "text/plain".to_string()));
    assert_bce_error(&send(&emulator, &call), 400, "SignatureDoesNotMatch");
}

#[test]
fn tampered_query_rejected() {
    let emulator = start_emulator();
    let mut call = Call::rename(IMAGE_ID, "newName", Some("token-sent"));
    call.signed_query = Some(vec![("clientToken".to_string(), "token-signed".to_string())]);
    assert_bce_error(&send(&emulator, &call), 400, "SignatureDoesNotMatch");
    assert_eq!(emulator.renames_applied(IMAGE_ID), 0);
}

#[test]
fn encoded_query_and_path_accepted() {
    let emulator = start_emulator();
    let mut call = Call::get_image("m-测试 +*~");
    call.query.push(("note".to_string(), "a b+c/测".to_string()));
    call.query.push(("Empty".to_string(), String::new()));
    let answer = send(&emulator, &call);
    // The signature passes, so the unknown image is what fails.
    assert_bce_error(&answer, 404, "NoSuchObject");
}

#[test]
fn unsigned_security_token_rejected() {
    let emulator = start_emulator();
    let mut call = Call::get_image(IMAGE_ID);
    call.headers.push(("x-bce-security-token".to_string(), "session-token".to_string()));
    assert_bce_error(&send(&emulator, &call), 400, "SignatureDoesNotMatch");
}

#[test]
fn signed_security_token_accepted() {
    let emulator = start_emulator();
    let mut call = Call::get_image(IMAGE_ID);
    call.headers.push(("x-bce-security-token".to_string(), "session-token".to_string()));
    call.signed_headers.push("x-bce-security-token".to_string());
    assert_eq!(send(&emulator, &call).status, 200);
}
