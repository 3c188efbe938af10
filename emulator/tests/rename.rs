//! The rename and get API over real sockets: success, errors and idempotence.

mod common;

use common::{agent, assert_bce_error, send, start_emulator, Call, IMAGE_ID, OLD_NAME, OTHER_IMAGE_ID};

#[test]
fn rename_then_get_shows_name() {
    let emulator = start_emulator();
    let answer = send(&emulator, &Call::rename(IMAGE_ID, "newName", Some("1849ef6b-f73c-4f5d-b88b-259ca47af849")));
    assert_eq!(answer.status, 200, "body: {}", answer.body);
    assert_eq!(answer.body, "");
    assert!(answer.request_id.is_some(), "x-bce-request-id header is missing");

    let answer = send(&emulator, &Call::get_image(IMAGE_ID));
    assert_eq!(answer.status, 200, "body: {}", answer.body);
    assert_eq!(answer.json()["image"]["id"], IMAGE_ID);
    assert_eq!(answer.json()["image"]["name"], "newName");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
}

#[test]
fn rename_accepts_chinese_name() {
    let emulator = start_emulator();
    let answer = send(&emulator, &Call::rename(IMAGE_ID, "a测试-_/.9", None));
    assert_eq!(answer.status, 200, "body: {}", answer.body);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("a测试-_/.9"));
}

#[test]
fn request_ids_are_fresh() {
    let emulator = start_emulator();
    let first = send(&emulator, &Call::get_image(IMAGE_ID)).request_id;
    let second = send(&emulator, &Call::get_image(IMAGE_ID)).request_id;
    assert!(first.is_some(), "first request id is missing");
    assert_ne!(first, second);
}

#[test]
fn unknown_image_rejected() {
    let emulator = start_emulator();
    assert_bce_error(&send(&emulator, &Call::rename("m-missing", "newName", None)), 404, "NoSuchObject");
    assert_bce_error(&send(&emulator, &Call::get_image("m-missing")), 404, "NoSuchObject");
}

#[test]
fn bad_json_rejected() {
    let emulator = start_emulator();
    let answer = send(&emulator, &Call::put_rename_body(b"{\"name\":".to_vec(), None));
    assert_bce_error(&answer, 400, "MalformedJSON");
}

#[test]
fn missing_field_rejected() {
    let emulator = start_emulator();
    let answer = send(&emulator, &Call::put_rename_body(br#"{"name":"newName"}"#.to_vec(), None));
    assert_bce_error(&answer, 400, "BadRequest");
}

#[test]
fn wrong_field_type_rejected() {
    let emulator = start_emulator();
    let answer = send(&emulator, &Call::put_rename_body(br#"{"name":42,"imageId":"m-1849ef6b"}"#.to_vec(), None));
    assert_bce_error(&answer, 400, "BadRequest");
}

#[test]
fn invalid_name_rejected() {
    let emulator = start_emulator();
    for name in ["", "9starts-with-digit", "has space", &format!("a{}", "测".repeat(65))] {
        let answer = send(&emulator, &Call::rename(IMAGE_ID, name, None));
        assert_eq!(answer.status, 400, "status for {name:?}");
        assert_eq!(answer.code().as_deref(), Some("Image.ImageNameInvalid"), "code for {name:?}");
    }
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some(OLD_NAME));
}

#[test]
fn long_client_token_rejected() {
    let emulator = start_emulator();
    let token = "t".repeat(65);
    assert_bce_error(&send(&emulator, &Call::rename(IMAGE_ID, "newName", Some(&token))), 400, "BadRequest");
}

#[test]
fn non_ascii_client_token_rejected() {
    let emulator = start_emulator();
    assert_bce_error(&send(&emulator, &Call::rename(IMAGE_ID, "newName", Some("令牌"))), 400, "BadRequest");
}

#[test]
fn same_token_applied_once() {
    let emulator = start_emulator();
    let call = Call::rename(IMAGE_ID, "newName", Some("token-1"));
    let first = send(&emulator, &call);
    let second = send(&emulator, &Call::rename(IMAGE_ID, "newName", Some("token-1")));
    assert_eq!(first.status, 200, "first body: {}", first.body);
    assert_eq!(second.status, first.status);
    assert_eq!(second.body, first.body);
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
}

#[test]
fn replay_after_later_rename_changes_nothing() {
    let emulator = start_emulator();
    send(&emulator, &Call::rename(IMAGE_ID, "first", Some("token-1")));
    send(&emulator, &Call::rename(IMAGE_ID, "second", Some("token-2")));
    let replay = send(&emulator, &Call::rename(IMAGE_ID, "first", Some("token-1")));
    assert_eq!(replay.status, 200);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("second"));
    assert_eq!(emulator.renames_applied(IMAGE_ID), 2);
}

#[test]
fn same_token_other_body_rejected() {
    let emulator = start_emulator();
    send(&emulator, &Call::rename(IMAGE_ID, "newName", Some("token-1")));
    let answer = send(&emulator, &Call::rename(IMAGE_ID, "otherName", Some("token-1")));
    assert_bce_error(&answer, 403, "IdempotentParameterMismatch");
    let answer = send(&emulator, &Call::rename(OTHER_IMAGE_ID, "newName", Some("token-1")));
    assert_bce_error(&answer, 403, "IdempotentParameterMismatch");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
}

#[test]
fn rename_without_token_repeats() {
    let emulator = start_emulator();
    send(&emulator, &Call::rename(IMAGE_ID, "newName", None));
    send(&emulator, &Call::rename(IMAGE_ID, "newName", None));
    assert_eq!(emulator.renames_applied(IMAGE_ID), 2);
}

#[test]
fn other_version_rejected() {
    let emulator = start_emulator();
    let mut call = Call::rename(IMAGE_ID, "newName", None);
    call.path = "/v3/image/rename".to_string();
    assert_bce_error(&send(&emulator, &call), 404, "InvalidVersion");
}

#[test]
fn unknown_path_rejected() {
    let emulator = start_emulator();
    let mut call = Call::get_image(IMAGE_ID);
    call.path = "/v2/instance".to_string();
    assert_bce_error(&send(&emulator, &call), 404, "NoSuchObject");

    call.path = "/favicon.ico".to_string();
    assert_bce_error(&send(&emulator, &call), 404, "NoSuchObject");
}

#[test]
fn keep_alive_reuses_connection() {
    let emulator = start_emulator();
    let agent = agent();
    for index in 0..20 {
        let answer = Call::get_image(IMAGE_ID).send(&agent, &emulator.endpoint()).expect("the emulator responds");
        assert_eq!(answer.status, 200, "request {index}");
    }
    assert_eq!(emulator.requests_received(), 20);
    assert_eq!(emulator.connections_accepted(), 1);
}

#[test]
fn keep_alive_survives_errors() {
    let emulator = start_emulator();
    let agent = agent();
    for index in 0..5 {
        let answer = Call::rename("m-missing", "newName", None).send(&agent, &emulator.endpoint()).expect("the emulator responds");
        assert_eq!(answer.status, 404, "request {index}");
    }
    assert_eq!(emulator.connections_accepted(), 1);
}

#[test]
fn concurrent_same_token_applied_once() {
    let emulator = start_emulator();
    let endpoint = emulator.endpoint();
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let endpoint = endpoint.clone();
            std::thread::spawn(move || {
                Call::rename(IMAGE_ID, "newName", Some("shared-token")).send(&agent(), &endpoint).expect("the emulator responds").status
            })
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().expect("the thread finishes"), 200);
    }
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
}
