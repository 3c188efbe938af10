//! Bodies that the client never sends, built by hand and signed with the library's
//! signer, so that the emulator's MalformedJSON and BadRequest responses and the
//! library's error parsing are covered too.

mod common;

use bcc_image::error_body::parse_error_response;
use bcc_image::sign::{self, now_unix_seconds, SigningInput};
use bcc_image::Error;
use common::{start_emulator, ACCESS_KEY_ID, SECRET_ACCESS_KEY};

/// Signs and sends `PUT /v2/image/rename?clientToken=raw` with `body`, and returns
/// the error that the library builds from the response.
fn send_raw(endpoint: &str, body: &str) -> Error {
    let host = endpoint.trim_start_matches("http://").to_string();
    let headers = [
        ("host".to_string(), host),
        ("content-type".to_string(), "application/json;charset=utf-8".to_string()),
        ("content-length".to_string(), body.len().to_string()),
        ("x-bce-date".to_string(), sign::format_timestamp(now_unix_seconds())),
    ];
    let query = [("clientToken".to_string(), Some("raw".to_string()))];
    let signed: Vec<String> = headers.iter().map(|(name, _)| name.clone()).collect();
    let input = SigningInput {
        method: "PUT",
        path: "/v2/image/rename",
        query: &query,
        headers: &headers,
        timestamp: now_unix_seconds(),
        expiration_seconds: 1800,
        signed_headers: &signed,
    };
    let authorization = sign::sign(ACCESS_KEY_ID, SECRET_ACCESS_KEY, &input).authorization;

    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut request = agent.put(&format!("{endpoint}/v2/image/rename?clientToken=raw"));
    for (name, value) in &headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let mut response = request.header("authorization", &authorization).send(body.as_bytes()).unwrap();

    let status = response.status().as_u16();
    let request_id = response.headers().get("x-bce-request-id").map(|value| value.to_str().unwrap().to_string());
    let body = response.body_mut().read_to_vec().unwrap();
    parse_error_response(status, &body, request_id)
}

#[test]
fn malformed_json_rejected() {
    let emulator = start_emulator();
    let error = send_raw(&emulator.endpoint(), "{\"name\": ");

    assert_eq!(error.http_status(), Some(400));
    assert_eq!(error.code(), Some("MalformedJSON"));
    assert_eq!(error.request_id().map(str::len), Some(36));
}

#[test]
fn missing_image_id_bad_request() {
    let emulator = start_emulator();
    let error = send_raw(&emulator.endpoint(), r#"{"name":"newName"}"#);

    assert_eq!(error.http_status(), Some(400));
    assert_eq!(error.code(), Some("BadRequest"));
}

#[test]
fn wrong_field_type_bad_request() {
    let emulator = start_emulator();
    let error = send_raw(&emulator.endpoint(), r#"{"name":5,"imageId":"m-1849ef6b"}"#);

    assert_eq!(error.http_status(), Some(400));
    assert_eq!(error.code(), Some("BadRequest"));
}
