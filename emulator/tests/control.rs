//! The unsigned `/_emulator/` control endpoints, driven over HTTP as a test in
//! another language would.

mod common;

use common::{agent, send, start_emulator, Call, IMAGE_ID};
use serde_json::{json, Value};

/// Sends a control request and returns (status, JSON body).
fn control(endpoint: &str, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let url = format!("{endpoint}/_emulator/{path}");
    let agent = agent();
    let mut response = match (method, body) {
        ("GET", _) => agent.get(&url).call(),
        (_, Some(body)) => agent.post(&url).content_type("application/json").send(body.to_string()),
        (_, None) => agent.post(&url).send_empty(),
    }
    .expect("the control endpoint answers");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().expect("the body is text");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[test]
fn faults_endpoint_queues_faults() {
    let emulator = start_emulator();
    let body = json!([
        {"kind": "error", "status": 503, "code": "ServiceUnavailable"},
        {"kind": "raw_body", "status": 502, "body": "<html>502 Bad Gateway</html>"},
    ]);
    let (status, reply) = control(&emulator.endpoint(), "POST", "faults", Some(body));
    assert_eq!(status, 200, "reply: {reply}");
    assert_eq!(reply["queued"], 2);

    let first = send(&emulator, &Call::get_image(IMAGE_ID));
    let second = send(&emulator, &Call::get_image(IMAGE_ID));
    let third = send(&emulator, &Call::get_image(IMAGE_ID));
    assert_eq!(first.code().as_deref(), Some("ServiceUnavailable"));
    assert_eq!(second.body, "<html>502 Bad Gateway</html>");
    assert_eq!(third.status, 200);
}

#[test]
fn faults_endpoint_rejects_bad_fault() {
    let emulator = start_emulator();
    let (status, reply) = control(&emulator.endpoint(), "POST", "faults", Some(json!({"kind": "explode"})));
    assert_eq!(status, 400);
    assert_eq!(reply["code"], "BadRequest");
    assert_eq!(emulator.faults_pending(), 0);
}

#[test]
fn control_requests_skip_faults() {
    let emulator = start_emulator();
    control(&emulator.endpoint(), "POST", "faults", Some(json!({"kind": "drop_response"})));
    let (status, stats) = control(&emulator.endpoint(), "GET", "stats", None);
    assert_eq!(status, 200);
    assert_eq!(stats["faults_pending"], 1);
    assert_eq!(stats["requests_received"], 0);
}

#[test]
fn clock_endpoint_sets_offset() {
    let emulator = start_emulator();
    let (status, _) = control(&emulator.endpoint(), "POST", "clock", Some(json!({"offset_seconds": -3600})));
    assert_eq!(status, 200);
    let answer = send(&emulator, &Call::get_image(IMAGE_ID));
    assert_eq!(answer.code().as_deref(), Some("RequestExpired"));
}

#[test]
fn reset_clears_faults_and_clock() {
    let emulator = start_emulator();
    control(&emulator.endpoint(), "POST", "faults", Some(json!({"kind": "delay", "millis": 10, "times": 3})));
    control(&emulator.endpoint(), "POST", "clock", Some(json!({"offset_seconds": 7200})));
    let (status, stats) = control(&emulator.endpoint(), "POST", "reset", None);
    assert_eq!(status, 200);
    assert_eq!(stats["faults_pending"], 0);
    assert_eq!(stats["clock_offset_seconds"], 0);
    assert_eq!(send(&emulator, &Call::get_image(IMAGE_ID)).status, 200);
}

#[test]
fn images_endpoint_lists_renames() {
    let emulator = start_emulator();
    send(&emulator, &Call::rename(IMAGE_ID, "newName", None));
    let (status, reply) = control(&emulator.endpoint(), "GET", "images", None);
    assert_eq!(status, 200);
    let image = reply["images"]
        .as_array()
        .and_then(|images| images.iter().find(|image| image["id"] == IMAGE_ID))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(image["name"], "newName");
    assert_eq!(image["renames_applied"], 1);
}

#[test]
fn stats_endpoint_counts() {
    let emulator = start_emulator();
    send(&emulator, &Call::rename(IMAGE_ID, "newName", None));
    send(&emulator, &Call::get_image(IMAGE_ID));
    let (_, stats) = control(&emulator.endpoint(), "GET", "stats", None);
    assert_eq!(stats["requests_received"], 2);
    assert_eq!(stats["renames_applied"], 1);
    // Two API connections and this control connection.
    assert_eq!(stats["connections_accepted"], 3);
}

#[test]
fn unknown_control_path_rejected() {
    let emulator = start_emulator();
    let (status, reply) = control(&emulator.endpoint(), "GET", "nothing", None);
    assert_eq!(status, 404);
    assert_eq!(reply["code"], "NoSuchObject");
}
