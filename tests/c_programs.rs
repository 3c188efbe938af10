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

#[test]
fn c_log_callback_and_profile() {
    let emulator = start_emulator();
    let binary = compile("tests/c/log_and_profile.c", &library_dir());

    // A HOME of its own, with a bce-cli profile aimed at the emulator.
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c-profile-home");
    std::fs::create_dir_all(home.join(".bce")).unwrap();
    let config = format!(
        r#"{{"current":"emu","profiles":[{{"name":"emu","mode":"AK","access_key_id":"{ACCESS_KEY_ID}",
        "secret_access_key":"{SECRET_ACCESS_KEY}","endpoint":"{}"}}]}}"#,
        emulator.endpoint()
    );
    std::fs::write(home.join(".bce").join("config.json"), config).unwrap();

    let output = Command::new(&binary)
        .args(["emu", SECRET_ACCESS_KEY])
        .env("HOME", &home)
        .env_remove("BCE_ACCESS_KEY_ID")
        .env_remove("BCE_SECRET_ACCESS_KEY")
        .env_remove("BCE_ENDPOINT")
        .env_remove("BCC_LOG")
        .output()
        .expect("the compiled program runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(output.status.success(), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stdout.contains(", 0 failed"), "{stdout}");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("quietName"));
}

#[test]
fn c_example_logs_to_stderr_with_bcc_log() {
    let emulator = start_emulator();
    let binary = compile("examples/c/rename.c", &library_dir());
    let output = Command::new(&binary)
        .args([emulator.endpoint().as_str(), IMAGE_ID, "loggedName"])
        .env("BCE_ACCESS_KEY_ID", ACCESS_KEY_ID)
        .env("BCE_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)
        .env("BCC_LOG", "debug")
        .output()
        .expect("the compiled program runs");
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("PUT /v2/image/rename"), "{stderr}");
    assert!(!stderr.contains(SECRET_ACCESS_KEY), "{stderr}");
    assert!(!stderr.contains("bce-auth-v1/"), "{stderr}");
}
