//! The retry policy against the emulator's injected faults: what is retried, how
//! often, within which deadline, and that a rename is never applied twice.

mod common;
mod log_capture;

use std::net::TcpListener;
use std::time::{Duration, Instant};

use bcc_emulator::{Emulator, Fault};
use bcc_image::{Client, ClientConfig, ErrorKind};
use common::{config_for, start_emulator, IMAGE_ID, OLD_NAME};

/// Returns a configuration that retries up to `max_attempts` times with short
/// delays, and with timeouts long enough for a loaded test machine.
fn retrying_config(emulator: &Emulator, max_attempts: u32) -> ClientConfig {
    let mut config = config_for(emulator);
    config.request_timeout = Duration::from_secs(10);
    config.retry.max_attempts = max_attempts;
    config.retry.base_delay = Duration::from_millis(10);
    config.retry.max_delay = Duration::from_millis(50);
    config.retry.deadline = Duration::from_secs(30);
    config
}

fn retrying_client(emulator: &Emulator, max_attempts: u32) -> Client {
    Client::new(retrying_config(emulator, max_attempts)).unwrap()
}

#[test]
fn unavailable_twice_then_success() {
    let emulator = start_emulator();
    emulator.inject_faults(Fault::error(503, "ServiceUnavailable"), 2);

    let output = retrying_client(&emulator, 3).rename_image(IMAGE_ID, "newName", Some("token-503")).unwrap();

    assert_eq!(output.attempts, 3);
    assert_eq!(emulator.requests_received(), 3);
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
}

#[test]
fn server_errors_are_retried() {
    for (status, code) in [(500, "InternalError"), (502, "BadGateway"), (504, "GatewayTimeout")] {
        let emulator = start_emulator();
        emulator.inject_fault(Fault::error(status, code));

        let result = retrying_client(&emulator, 3).rename_image(IMAGE_ID, "newName", None);

        let output = result.unwrap_or_else(|error| panic!("HTTP {status} was not retried: {error}"));
        assert_eq!(output.attempts, 2, "HTTP {status}");
        assert_eq!(emulator.renames_applied(IMAGE_ID), 1, "HTTP {status}");
    }
}

#[test]
fn lost_response_applied_once() {
    let emulator = start_emulator();
    // The emulator applies the rename, then closes the connection unanswered.
    emulator.inject_fault(Fault::DropResponse);

    let output = retrying_client(&emulator, 3).rename_image(IMAGE_ID, "newName", None).unwrap();

    let requests = emulator.recent_requests();
    assert_eq!(output.attempts, 2);
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].client_token.as_deref(), Some(output.client_token.as_str()));
    assert_eq!(requests[1].client_token.as_deref(), Some(output.client_token.as_str()));
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1, "the retry is answered as a repeat");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
}

#[test]
fn delay_past_timeout_times_out() {
    let emulator = start_emulator();
    emulator.inject_faults(Fault::Delay { millis: 20_000 }, 3);
    let mut config = retrying_config(&emulator, 3);
    config.request_timeout = Duration::from_millis(300);
    config.retry.deadline = Duration::from_secs(10);

    let started = Instant::now();
    let error = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap_err();
    let elapsed = started.elapsed();

    assert_eq!(error.kind(), ErrorKind::TimedOut, "{error}");
    assert_eq!(error.attempts(), 3);
    assert!(error.message().contains("timed out"), "{error}");
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}, past the 10 s deadline");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some(OLD_NAME));
}

#[test]
fn deadline_cuts_slow_attempt() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::Delay { millis: 20_000 });
    let mut config = retrying_config(&emulator, 3);
    config.request_timeout = Duration::from_secs(30);
    config.retry.deadline = Duration::from_millis(800);

    let started = Instant::now();
    let error = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap_err();
    let elapsed = started.elapsed();

    assert_eq!(error.kind(), ErrorKind::TimedOut, "{error}");
    assert_eq!(error.attempts(), 1);
    assert!(elapsed >= Duration::from_millis(700), "gave up after {elapsed:?}, before the deadline");
    // The margin covers scheduling on a loaded machine; 30 s would be the request timeout.
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?} with an 800 ms deadline");
}

#[test]
fn request_expired_resigned_once() {
    let emulator = start_emulator();
    emulator.inject_fault(Fault::error(400, "RequestExpired"));
    let mut config = retrying_config(&emulator, 3);
    // Jitter scales the delay to between half and all of 2 s, so the retry is signed
    // at least 1 s later and its x-bce-date, to the second, must differ.
    config.retry.base_delay = Duration::from_secs(2);
    config.retry.max_delay = Duration::from_secs(2);

    let output = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap();

    let requests = emulator.recent_requests();
    assert_eq!(output.attempts, 2);
    assert_eq!(requests.len(), 2);
    assert_ne!(requests[0].x_bce_date, requests[1].x_bce_date);
    assert!(requests[0].authorization.is_some());
    assert_ne!(requests[0].authorization, requests[1].authorization, "the retry reused the signature");
    assert_eq!(requests[0].client_token, requests[1].client_token);
    assert_eq!(requests[1].client_token.as_deref(), Some(output.client_token.as_str()));
    assert_eq!(emulator.renames_applied(IMAGE_ID), 1);
}

/// Checks that an error fault with `status` and `code` is returned after one
/// attempt, although more attempts are allowed and more faults are queued.
fn assert_not_retried(status: u16, code: &str) {
    let emulator = start_emulator();
    emulator.inject_faults(Fault::error(status, code), 3);

    let error = retrying_client(&emulator, 5).rename_image(IMAGE_ID, "newName", None).unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Service);
    assert_eq!(error.http_status(), Some(status));
    assert_eq!(error.code(), Some(code));
    assert_eq!(error.attempts(), 1);
    assert_eq!(emulator.requests_received(), 1);
    assert_eq!(emulator.faults_pending(), 2);
}

#[test]
fn bad_request_not_retried() {
    assert_not_retried(400, "BadRequest");
}

#[test]
fn access_denied_not_retried() {
    assert_not_retried(403, "AccessDenied");
}

#[test]
fn not_found_not_retried() {
    assert_not_retried(404, "NoSuchObject");
}

#[test]
fn connection_refused_retried() {
    // Binding port 0 and closing it gives a port that nothing listens on.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let emulator = start_emulator();
    let mut config = retrying_config(&emulator, 3);
    config.endpoint = Some(format!("http://127.0.0.1:{port}"));

    let error = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Transport, "{error}");
    assert_eq!(error.attempts(), 3);
    assert!(error.message().contains("connection failed"), "{error}");
}

#[test]
fn last_error_counts_attempts() {
    let emulator = start_emulator();
    emulator.inject_faults(Fault::error(503, "ServiceUnavailable"), 3);

    let error = retrying_client(&emulator, 3).rename_image(IMAGE_ID, "newName", None).unwrap_err();

    let last_request = emulator.recent_requests().pop().expect("a request was recorded");
    assert_eq!(error.attempts(), 3);
    assert!(error.to_string().contains("after 3 attempts"), "{error}");
    assert_eq!(error.http_status(), Some(503));
    assert_eq!(error.code(), Some("ServiceUnavailable"));
    assert_eq!(error.request_id(), Some(last_request.request_id.as_str()));
    assert_eq!(emulator.renames_applied(IMAGE_ID), 0);
}

#[test]
fn deadline_shorter_than_backoff() {
    let emulator = start_emulator();
    emulator.inject_faults(Fault::error(503, "ServiceUnavailable"), 5);
    let mut config = retrying_config(&emulator, 5);
    // The first delay is at least 2.5 s, past the 1 s deadline, so no retry is made.
    config.retry.base_delay = Duration::from_secs(5);
    config.retry.max_delay = Duration::from_secs(5);
    config.retry.deadline = Duration::from_secs(1);

    let started = Instant::now();
    let error = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap_err();
    let elapsed = started.elapsed();

    assert_eq!(error.attempts(), 1);
    assert_eq!(error.code(), Some("ServiceUnavailable"), "the last failure is returned");
    assert_eq!(emulator.requests_received(), 1);
    assert!(elapsed < Duration::from_millis(2500), "slept {elapsed:?} although no retry fits the deadline");
}

#[test]
fn retry_log_line_has_details() {
    log_capture::install();
    let emulator = start_emulator();
    emulator.inject_fault(Fault::error(503, "ServiceUnavailable"));

    retrying_client(&emulator, 3).rename_image(IMAGE_ID, "newName", None).unwrap();

    let failed_request_id = emulator.recent_requests()[0].request_id.clone();
    let records = log_capture::records_of_this_thread();
    assert_eq!(records.len(), 1, "{records:?}");
    let record = &records[0];
    assert_eq!(record.level, log::Level::Warn);
    assert!(record.message.contains("attempt 2 of 3"), "{}", record.message);
    assert!(record.message.contains("HTTP 503"), "{}", record.message);
    assert!(record.message.contains("ServiceUnavailable"), "{}", record.message);
    assert!(record.message.contains(" ms "), "no delay in: {}", record.message);
    assert!(record.message.contains(&failed_request_id), "no request id in: {}", record.message);
}

#[test]
fn ok_with_body_succeeds() {
    for body in ["{\"unexpected\":[1,2,3]}", "not JSON at all", "{\"code\":\"InternalError\"}"] {
        let emulator = start_emulator();
        emulator.inject_fault(Fault::OkWithBody { body: body.to_string() });

        let result = retrying_client(&emulator, 3).rename_image(IMAGE_ID, "newName", None);

        let output = result.unwrap_or_else(|error| panic!("a 200 with body {body:?} failed: {error}"));
        assert_eq!(output.attempts, 1, "body {body:?}");
        assert_eq!(emulator.renames_applied(IMAGE_ID), 1, "body {body:?}");
    }
}

/// A malformed error body, and text that the error message must contain.
struct MalformedCase {
    status: u16,
    body: String,
    expected_message: &'static str,
}

#[test]
fn malformed_error_bodies_are_clear() {
    let cases = [
        MalformedCase {
            status: 502,
            body: "<html><body>502 Bad Gateway</body></html>".to_string(),
            expected_message: "<html><body>502 Bad Gateway</body></html>",
        },
        MalformedCase {
            status: 400,
            body: "{\"code\":\"Intern".to_string(),
            expected_message: "not a BCE error: {\"code\":\"Intern",
        },
        MalformedCase { status: 500, body: String::new(), expected_message: "with an empty body" },
        MalformedCase { status: 400, body: "{\"code\":42}".to_string(), expected_message: "not a BCE error" },
        MalformedCase { status: 400, body: "[null]".to_string(), expected_message: "not a BCE error" },
        MalformedCase {
            status: 403,
            body: "line one\r\nforged: log line\u{7}".to_string(),
            expected_message: "line one\\r\\nforged: log line\\u{7}",
        },
        MalformedCase { status: 400, body: "x".repeat(10_000), expected_message: "xxxx…" },
        // Larger than the client's 64 KiB limit on error bodies.
        MalformedCase { status: 400, body: "y".repeat(100_000), expected_message: "yyyy…" },
    ];

    for case in cases {
        let emulator = start_emulator();
        emulator.inject_faults(
            Fault::RawBody { status: case.status, content_type: "text/html".to_string(), body: case.body.clone() },
            3,
        );

        let error = retrying_client(&emulator, 3).rename_image(IMAGE_ID, "newName", None).unwrap_err();

        let shown: String = case.body.chars().take(40).collect();
        assert_eq!(error.kind(), ErrorKind::Service, "body {shown:?}");
        assert_eq!(error.http_status(), Some(case.status), "body {shown:?}");
        assert_eq!(error.code(), None, "body {shown:?}");
        assert!(error.message().contains(case.expected_message), "body {shown:?} gave: {error}");
        assert!(error.message().chars().count() < 400, "body {shown:?} gave a long message: {error}");
        assert!(error.request_id().is_some(), "body {shown:?}: the header's request id is kept");
    }
}
