//! The `bcc-emulator` binary: the listening line, serving, flag errors and stop.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};

use common::{agent, Call, ACCESS_KEY, IMAGE_ID, SECRET_KEY};

const BINARY: &str = env!("CARGO_BIN_EXE_bcc-emulator");

/// Sends SIGTERM to the child by its PID and collects its output. Falls back to
/// SIGKILL when `kill` fails, so a test never waits forever. Returns whether
/// SIGTERM was sent.
fn stop_with_sigterm(mut child: Child) -> (bool, Output) {
    let pid = child.id().to_string();
    let signaled = Command::new("kill").args(["-TERM", &pid]).status().is_ok_and(|status| status.success());
    if !signaled {
        let _ = child.kill();
    }
    (signaled, child.wait_with_output().expect("the child exits"))
}

#[test]
fn binary_prints_listening_line_first() {
    let mut child = Command::new(BINARY)
        .args(["--listen", "127.0.0.1:0"])
        .args(["--credentials", &format!("{ACCESS_KEY}:{SECRET_KEY}")])
        .args(["--image", &format!("{IMAGE_ID}=oldName")])
        .env("BCC_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");

    let mut first_line = String::new();
    let stdout = child.stdout.take().expect("stdout is piped");
    let read = BufReader::new(stdout).read_line(&mut first_line);

    // Send the requests before any assert, so a failure still stops the child.
    let endpoint = first_line.trim().strip_prefix("listening on ").map(String::from);
    let rename = endpoint.as_ref().map(|endpoint| Call::rename(IMAGE_ID, "newName", Some("t-1")).send(&agent(), endpoint));
    let get = endpoint.as_ref().map(|endpoint| Call::get_image(IMAGE_ID).send(&agent(), endpoint));

    child.kill().expect("the child is killed by its PID");
    child.wait().expect("the child exits");

    assert!(read.is_ok(), "reading stdout failed: {read:?}");
    assert!(first_line.starts_with("listening on http://127.0.0.1:"), "first line: {first_line:?}");
    assert_eq!(rename.and_then(Result::ok).map(|answer| answer.status), Some(200));
    let name = get.and_then(Result::ok).map(|answer| answer.json()["image"]["name"].clone());
    assert_eq!(name, Some(serde_json::json!("newName")));
}

#[test]
fn binary_stops_on_sigterm() {
    let mut child = Command::new(BINARY)
        .args(["--credentials", "ak:sk"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut first_line = String::new();
    let _ = BufReader::new(child.stdout.take().expect("stdout is piped")).read_line(&mut first_line);

    let (signaled, output) = stop_with_sigterm(child);

    assert!(signaled, "kill -TERM failed");
    assert!(output.status.success(), "exit status {:?}", output.status);
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(log.contains("received SIGTERM"), "stderr: {log}");
}

#[test]
fn binary_rejects_bad_flag_value() {
    let output = Command::new(BINARY)
        .args(["--credentials", "ak:sk", "--image", "no-equals-sign"])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("--image value \"no-equals-sign\""), "stderr: {stderr}");
    assert!(stderr.contains("expected ID=NAME"), "stderr: {stderr}");
}

#[test]
fn binary_help_lists_flags() {
    let output = Command::new(BINARY).arg("--help").output().expect("the binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    for flag in ["--listen", "--credentials", "--image", "BCC_LOG"] {
        assert!(stdout.contains(flag), "help lacks {flag}: {stdout}");
    }
}

#[test]
fn binary_logs_rename_without_secrets() {
    let mut child = Command::new(BINARY)
        .args(["--credentials", &format!("{ACCESS_KEY}:{SECRET_KEY}")])
        .args(["--image", &format!("{IMAGE_ID}=oldName")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut first_line = String::new();
    let _ = BufReader::new(child.stdout.take().expect("stdout is piped")).read_line(&mut first_line);
    let endpoint = first_line.trim().strip_prefix("listening on ").unwrap_or_default().to_string();
    let _ = Call::rename(IMAGE_ID, "newName", None).send(&agent(), &endpoint);

    let (_, output) = stop_with_sigterm(child);
    let log = String::from_utf8_lossy(&output.stderr);

    assert!(log.contains(r#"renamed m-1849ef6b from "oldName" to "newName""#), "stderr: {log}");
    assert!(log.contains("request_id="), "stderr: {log}");
    assert!(!log.contains(SECRET_KEY), "stderr shows the secret key: {log}");
    assert!(!log.contains("bce-auth-v1/"), "stderr shows an Authorization value: {log}");
}
