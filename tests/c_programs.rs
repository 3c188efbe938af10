//! Compiles the C example and the C ABI cases with `-Wall -Wextra -Werror` and runs
//! them against an in-process emulator, under `BCC_C_TEST_WRAPPER` when it is set.

mod c_harness;
mod common;

use c_harness::{compile, run};
use common::{start_emulator, IMAGE_ID};

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
