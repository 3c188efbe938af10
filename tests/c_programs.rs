//! Compiles the C example and the C ABI cases with `-Wall -Wextra -Werror` and runs
//! them against an in-process emulator.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{start_emulator, ACCESS_KEY_ID, IMAGE_ID, SECRET_ACCESS_KEY};

/// Returns the folder of the freshly built `libbcc_image.so`.
///
/// `cargo test` does not rebuild the cdylib, so this builds it first, with the
/// same cargo and profile that run the test.
fn library_dir() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = Command::new(cargo)
        .args(["build", "--lib", "--quiet", "-p", "bcc-image"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo build --lib failed");

    // The test binary is target/<profile>/deps/<name>; the library is two levels up.
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().to_path_buf()
}

/// Compiles one C source into `CARGO_TARGET_TMPDIR` and returns the binary's path.
fn compile(source: &str, library_dir: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Path::new(env!("CARGO_TARGET_TMPDIR")).join(Path::new(source).file_stem().unwrap());
    let result = Command::new("cc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-o"])
        .arg(&output)
        .arg(root.join(source))
        .arg("-I")
        .arg(root.join("include"))
        .arg("-L")
        .arg(library_dir)
        .arg(format!("-Wl,-rpath,{}", library_dir.display()))
        .arg("-lbcc_image")
        .output()
        .expect("cc runs");
    assert!(result.status.success(), "cc failed on {source}:\n{}", String::from_utf8_lossy(&result.stderr));
    output
}

fn run(binary: &Path, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(binary)
        .args(args)
        .env("BCE_ACCESS_KEY_ID", ACCESS_KEY_ID)
        .env("BCE_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)
        .env_remove("BCE_SECURITY_TOKEN")
        .output()
        .expect("the compiled program runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn c_example_renames_image() {
    let emulator = start_emulator();
    let binary = compile("examples/c/rename.c", &library_dir());
    let (success, stdout, stderr) = run(&binary, &[&emulator.endpoint(), IMAGE_ID, "newName"]);

    assert!(success, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stdout.contains("renamed m-1849ef6b to newName"), "{stdout}");
    assert!(stdout.contains("request id:  "), "{stdout}");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
}

#[test]
fn c_example_prints_full_error() {
    let emulator = start_emulator();
    let binary = compile("examples/c/rename.c", &library_dir());
    let (success, _, stderr) = run(&binary, &[&emulator.endpoint(), "m-00000000", "newName"]);

    assert!(!success);
    assert!(stderr.contains("status:      service error (3)"), "{stderr}");
    assert!(stderr.contains("HTTP status: 404"), "{stderr}");
    assert!(stderr.contains("code:        NoSuchObject"), "{stderr}");
    assert!(stderr.contains("request id:  "), "{stderr}");
}

#[test]
fn c_abi_cases_pass() {
    let emulator = start_emulator();
    let binary = compile("tests/c/abi_cases.c", &library_dir());
    let (success, stdout, stderr) = run(&binary, &[&emulator.endpoint()]);

    assert!(success, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stdout.contains(", 0 failed"), "{stdout}");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("abiName2"));
}
