//! Compiles the C example and the C ABI cases with `-Wall -Wextra -Werror` and runs
//! them against an in-process emulator, under `BCC_C_TEST_WRAPPER` when it is set.

mod c_harness;
mod common;

use std::path::Path;

use c_harness::{compile, run, run_with_env};
use common::{start_emulator, ACCESS_KEY_ID, IMAGE_ID, SECRET_ACCESS_KEY};

#[test]
fn c_example_renames_image() {
    let emulator = start_emulator();
    let binary = compile("examples/c/rename.c", &[]);
    let output = run(&binary, &[&emulator.endpoint(), IMAGE_ID, "newName"]);

    assert!(output.success, "stdout:\n{}\nstderr:\n{}", output.stdout, output.stderr);
    assert!(output.stdout.contains("renamed m-1849ef6b to newName"), "{}", output.stdout);
    assert!(output.stdout.contains("request id:  "), "{}", output.stdout);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
}

#[test]
fn c_example_prints_full_error() {
    let emulator = start_emulator();
    let binary = compile("examples/c/rename.c", &[]);
    let output = run(&binary, &[&emulator.endpoint(), "m-00000000", "newName"]);
    let stderr = &output.stderr;

    assert!(!output.success);
    assert!(stderr.contains("status:      service error (3)"), "{stderr}");
    assert!(stderr.contains("HTTP status: 404"), "{stderr}");
    assert!(stderr.contains("code:        NoSuchObject"), "{stderr}");
    assert!(stderr.contains("request id:  "), "{stderr}");
}

#[test]
fn c_abi_cases_pass() {
    let emulator = start_emulator();
    let binary = compile("tests/c/abi_cases.c", &[]);
    let output = run(&binary, &[&emulator.endpoint()]);

    assert!(output.success, "stdout:\n{}\nstderr:\n{}", output.stdout, output.stderr);
    assert!(output.stdout.contains(", 0 failed"), "{}", output.stdout);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("abiName2"));
}

#[test]
fn c_log_callback_and_profile() {
    let emulator = start_emulator();
    let binary = compile("tests/c/log_and_profile.c", &[]);

    // A HOME of its own, with a bce-cli profile aimed at the emulator.
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c-profile-home");
    std::fs::create_dir_all(home.join(".bce")).unwrap();
    let config = format!(
        r#"{{"current":"emu","profiles":[{{"name":"emu","mode":"AK","access_key_id":"{ACCESS_KEY_ID}",
        "secret_access_key":"{SECRET_ACCESS_KEY}","endpoint":"{}"}}]}}"#,
        emulator.endpoint()
    );
    std::fs::write(home.join(".bce").join("config.json"), config).unwrap();

    let output = run_with_env(&binary, &["emu", SECRET_ACCESS_KEY], |command| {
        command
            .env("HOME", &home)
            .env_remove("BCE_ACCESS_KEY_ID")
            .env_remove("BCE_SECRET_ACCESS_KEY")
            .env_remove("BCE_ENDPOINT")
            .env_remove("BCC_LOG");
    });

    assert!(output.success, "stdout:\n{}\nstderr:\n{}", output.stdout, output.stderr);
    assert!(output.stdout.contains(", 0 failed"), "{}", output.stdout);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("quietName"));
}

#[test]
fn c_example_logs_to_stderr_with_bcc_log() {
    let emulator = start_emulator();
    let binary = compile("examples/c/rename.c", &[]);
    let output = run_with_env(&binary, &[&emulator.endpoint(), IMAGE_ID, "loggedName"], |command| {
        command.env("BCC_LOG", "debug");
    });
    let stderr = &output.stderr;

    assert!(output.success, "{stderr}");
    assert!(stderr.contains("PUT /v2/image/rename"), "{stderr}");
    assert!(stderr.contains("HTTP 200, request id"), "{stderr}");
    // The HTTP client's own records show only at trace.
    assert!(!stderr.contains("[ureq"), "{stderr}");
    assert!(!stderr.contains(SECRET_ACCESS_KEY), "{stderr}");
    assert!(!stderr.contains("bce-auth-v1/"), "{stderr}");
}
