//! Renames against the emulator over real sockets: success, each error code, and
//! clientToken idempotence.

mod common;

use bcc_image::{Client, Credentials, ErrorKind};
use common::{client_for, config_for, start_emulator, IMAGE_ID};

#[test]
fn rename_success_updates_image() {
    let emulator = start_emulator();
    let output = client_for(&emulator).rename_image(IMAGE_ID, "newName", None).unwrap();

    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
    assert_eq!(output.request_id.as_ref().map(String::len), Some(36));
    let token = uuid::Uuid::parse_str(&output.client_token).expect("a generated token is a UUID");
    assert_eq!(token.get_version_num(), 4);
}

#[test]
fn rename_returns_given_token() {
    let emulator = start_emulator();
    let output = client_for(&emulator).rename_image(IMAGE_ID, "newName", Some("my-token-1")).unwrap();
    assert_eq!(output.client_token, "my-token-1");
}

#[test]
fn rename_with_chinese_name() {
    let emulator = start_emulator();
    client_for(&emulator).rename_image(IMAGE_ID, "a测试/镜像.v1", None).unwrap();
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("a测试/镜像.v1"));
}

#[test]
fn unknown_image_no_such_object() {
    let emulator = start_emulator();
    let error = client_for(&emulator).rename_image("m-00000000", "newName", None).unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Service);
    assert_eq!(error.http_status(), Some(404));
    assert_eq!(error.code(), Some("NoSuchObject"));
    assert_eq!(error.request_id().map(str::len), Some(36));
    assert_eq!(error.attempts(), 1);
    assert!(error.to_string().contains("NoSuchObject"), "{error}");
}

#[test]
fn server_rejects_invalid_name() {
    let emulator = start_emulator();
    let mut config = config_for(&emulator);
    config.validate_names = false;
    let error = Client::new(config).unwrap().rename_image(IMAGE_ID, "new name", None).unwrap_err();

    assert_eq!(error.http_status(), Some(400));
    assert_eq!(error.code(), Some("Image.ImageNameInvalid"));
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("oldName"));
}

#[test]
fn local_validation_sends_nothing() {
    let emulator = start_emulator();
    let error = client_for(&emulator).rename_image(IMAGE_ID, "new name", None).unwrap_err();

    assert_eq!(error.kind(), ErrorKind::InvalidArgument);
    assert_eq!(error.attempts(), 0);
    assert_eq!(emulator.requests_received(), 0);
}

#[test]
fn same_token_applied_once() {
    let emulator = start_emulator();
    let client = client_for(&emulator);

    let first = client.rename_image(IMAGE_ID, "nameA", Some("token-a")).unwrap();
    client.rename_image(IMAGE_ID, "nameB", Some("token-b")).unwrap();
    let repeat = client.rename_image(IMAGE_ID, "nameA", Some("token-a")).unwrap();

    // The server treats the repeat as the first request: it returns success and changes nothing.
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("nameB"));
    assert_eq!(emulator.renames_applied(IMAGE_ID), 2);
    assert_eq!(first.client_token, repeat.client_token);
}

#[test]
fn same_token_other_body_mismatch() {
    let emulator = start_emulator();
    let client = client_for(&emulator);
    client.rename_image(IMAGE_ID, "nameA", Some("token-a")).unwrap();
    let error = client.rename_image(IMAGE_ID, "nameC", Some("token-a")).unwrap_err();

    assert_eq!(error.http_status(), Some(403));
    assert_eq!(error.code(), Some("IdempotentParameterMismatch"));
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("nameA"));
}

#[test]
fn wrong_secret_signature_mismatch() {
    let emulator = start_emulator();
    let mut config = config_for(&emulator);
    config.credentials = Credentials::new(common::ACCESS_KEY_ID, "wrong-secret").unwrap();
    config.retry.max_attempts = 3;
    let error = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap_err();

    assert_eq!(error.http_status(), Some(400));
    assert_eq!(error.code(), Some("SignatureDoesNotMatch"));
    assert_eq!(error.attempts(), 1, "a signature mismatch is not retried");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("oldName"));
}

#[test]
fn unknown_access_key_rejected() {
    let emulator = start_emulator();
    let mut config = config_for(&emulator);
    config.credentials = Credentials::new("unknown-key", "secret").unwrap();
    let error = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap_err();

    assert_eq!(error.http_status(), Some(403));
    assert_eq!(error.code(), Some("InvalidAccessKeyId"));
}

#[test]
fn expired_signature_request_expired() {
    let emulator = start_emulator();
    // The emulator's clock runs an hour ahead, so a 1800 s signature is expired.
    emulator.set_clock_offset(3600);
    let mut config = config_for(&emulator);
    config.retry.max_attempts = 2;
    config.retry.base_delay = std::time::Duration::from_millis(1);
    let error = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap_err();

    assert_eq!(error.http_status(), Some(400));
    assert_eq!(error.code(), Some("RequestExpired"));
    assert_eq!(error.attempts(), 2, "RequestExpired is retried with a fresh signature");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("oldName"));
}

#[test]
fn security_token_is_signed() {
    let emulator = start_emulator();
    let mut config = config_for(&emulator);
    config.credentials = config.credentials.clone().with_security_token("sts-session-token").unwrap();
    Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap();
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
}

#[test]
fn renames_share_one_connection() {
    let emulator = start_emulator();
    let client = client_for(&emulator);
    for index in 0..20 {
        client.rename_image(IMAGE_ID, &format!("name{index}"), None).unwrap();
    }
    assert_eq!(emulator.renames_applied(IMAGE_ID), 20);
    assert_eq!(emulator.connections_accepted(), 1);
}
