//! Injected faults over real sockets: each kind does what a reliability test needs.

mod common;

use std::time::{Duration, Instant};

use bcc_emulator::Fault;
use common::{agent, assert_bce_error, send, start_emulator, Call, IMAGE_ID, OLD_NAME};

#[test]
fn error_fault_applies_nothing() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::error(503, "ServiceUnavailable"));
    let answer = send(&emulator, &Call::rename(IMAGE_ID, "newName", Some("token-1")));
    assert_bce_error(&answer, 503, "ServiceUnavailable");
    assert_eq!(emulator.renames_applied(IMAGE_ID), 0);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some(OLD_NAME));
}

#[test]
fn error_fault_then_retry_succeeds() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::error(500, "InternalError"));
    let first = send(&emulator, &Call::rename(IMAGE_ID, "newName", Some("token-1")));
    let retry = send(&emulator, &Call::rename(IMAGE_ID, "newName", Some("token-1")));
    assert_bce_error(&first, 500, "InternalError");
    assert_eq!(retry.status, 200, "retry body: {}", retry.body);
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
}

#[test]
fn error_fault_hits_next_requests() {
    let emulator = start_emulator();
    emulator.inject_faults(Fault::error(400, "RequestExpired"), 2);
    let statuses: Vec<u16> = (0..3).map(|_| send(&emulator, &Call::get_image(IMAGE_ID)).status).collect();
    assert_eq!(statuses, [400, 400, 200]);
    assert_eq!(emulator.faults_pending(), 0);
}

#[test]
fn delay_fault_delays_then_handles() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::Delay { millis: 300 });
    let started = Instant::now();
    let answer = send(&emulator, &Call::rename(IMAGE_ID, "newName", None));
    assert!(started.elapsed() >= Duration::from_millis(300), "answered after {:?}", started.elapsed());
    assert_eq!(answer.status, 200, "body: {}", answer.body);
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
}

#[test]
fn delay_fault_outlasts_client_timeout() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::Delay { millis: 1000 });
    let impatient: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_millis(200)))
        .build()
        .into();
    let result = Call::get_image(IMAGE_ID).send(&impatient, &emulator.endpoint());
    assert!(result.is_err(), "expected a timeout, got {result:?}");
}

#[test]
fn drop_response_applies_and_closes() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::DropResponse);
    let lost = Call::rename(IMAGE_ID, "newName", Some("token-1")).send(&agent(), &emulator.endpoint());
    assert!(lost.is_err(), "expected a closed connection, got {lost:?}");
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));

    let retry = send(&emulator, &Call::rename(IMAGE_ID, "newName", Some("token-1")));
    assert_eq!(retry.status, 200, "retry body: {}", retry.body);
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
}

#[test]
fn raw_html_body_sent_as_is() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::RawBody {
        status: 502,
        content_type: "text/html".to_string(),
        body: "<html>502 Bad Gateway</html>".to_string(),
    });
    let answer = send(&emulator, &Call::rename(IMAGE_ID, "newName", None));
    assert_eq!(answer.status, 502);
    assert_eq!(answer.body, "<html>502 Bad Gateway</html>");
    assert_eq!(answer.content_type.as_deref(), Some("text/html"));
    assert!(answer.request_id.is_some(), "x-bce-request-id header is missing");
    assert_eq!(emulator.renames_applied(IMAGE_ID), 0);
}

#[test]
fn truncated_json_body_sent_as_is() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::RawBody {
        status: 500,
        content_type: common::JSON_TYPE.to_string(),
        body: "{\"code\":\"Intern".to_string(),
    });
    let answer = send(&emulator, &Call::rename(IMAGE_ID, "newName", None));
    assert_eq!(answer.status, 500);
    assert_eq!(answer.body, "{\"code\":\"Intern");
    assert_eq!(emulator.renames_applied(IMAGE_ID), 0);
}

#[test]
fn ok_with_body_applies_rename() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::OkWithBody { body: "{\"unexpected\":true}".to_string() });
    let answer = send(&emulator, &Call::rename(IMAGE_ID, "newName", None));
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, "{\"unexpected\":true}");
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
}

#[test]
fn ok_with_body_keeps_errors() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::OkWithBody { body: "{}".to_string() });
    assert_bce_error(&send(&emulator, &Call::rename("m-missing", "newName", None)), 404, "NoSuchObject");
}

#[test]
fn clear_faults_empties_queue() {
    let emulator = start_emulator();
    emulator.inject_faults(Fault::error(503, "ServiceUnavailable"), 3);
    emulator.clear_faults();
    assert_eq!(emulator.faults_pending(), 0);
    assert_eq!(send(&emulator, &Call::get_image(IMAGE_ID)).status, 200);
}

#[test]
#[should_panic(expected = "invalid fault status 99")]
fn invalid_fault_status_panics() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::error(99, "Weird"));
}
