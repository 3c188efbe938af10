//! Builds the C library, compiles C test programs against it and runs them,
//! optionally under a checker such as valgrind.

#![allow(dead_code)] // Each test binary uses a different subset.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::{ACCESS_KEY_ID, SECRET_ACCESS_KEY};

/// Environment variable with a command that every C program runs under, such as
/// `valgrind --leak-check=full --error-exitcode=1`. The command is split at
/// whitespace, so its arguments cannot contain spaces.
pub const WRAPPER_ENV: &str = "BCC_C_TEST_WRAPPER";

/// Number of compilations started by this process.
static COMPILATIONS: AtomicUsize = AtomicUsize::new(0);

/// Returns the folder of the freshly built `libbcc_image.so`.
///
/// `cargo test` does not rebuild the cdylib, so this builds it first, with the
/// same cargo and profile that run the test.
pub fn library_dir() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = Command::new(cargo);
    command.args(["build", "--lib", "--quiet", "-p", "bcc-image"]).current_dir(env!("CARGO_MANIFEST_DIR"));
    // cargo sets these variables for the running test, but not in a shell. ring's
    // build script tracks CARGO_MANIFEST_DIR and OUT_DIR, so passing them on made
    // ring and its dependents rebuild on every switch between this build and a
    // `cargo test` started from a shell.
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        let set_for_test = name.starts_with("CARGO_MANIFEST_") || name.starts_with("CARGO_PKG_");
        if set_for_test || name == "CARGO_CRATE_NAME" || name == "OUT_DIR" {
            command.env_remove(name.as_ref());
        }
    }
    let status = command.status().expect("cargo runs");
    assert!(status.success(), "cargo build --lib failed");

    // The test binary is target/<profile>/deps/<name>; the library is two levels up.
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().to_path_buf()
}

/// Compiles one C source with `-Wall -Wextra -Werror` and `extra_flags` into
/// `CARGO_TARGET_TMPDIR/c-programs`, and returns the binary's path.
pub fn compile(source: &str, extra_flags: &[&str]) -> PathBuf {
    let library_dir = library_dir();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Tests of one or more binaries may compile the same source at once, so each
    // compilation gets its own output file.
    let stem = Path::new(source).file_stem().unwrap().to_string_lossy();
    let unique = COMPILATIONS.fetch_add(1, Ordering::Relaxed);
    let output_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c-programs");
    std::fs::create_dir_all(&output_dir).unwrap();
    let output = output_dir.join(format!("{stem}-{}-{unique}", std::process::id()));
    let result = Command::new("cc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror"])
        .args(extra_flags)
        .arg("-o")
        .arg(&output)
        .arg(root.join(source))
        .arg("-I")
        .arg(root.join("include"))
        .arg("-L")
        .arg(&library_dir)
        .arg(format!("-Wl,-rpath,{}", library_dir.display()))
        .arg("-lbcc_image")
        .output()
        .expect("cc runs");
    assert!(result.status.success(), "cc failed on {source}:\n{}", String::from_utf8_lossy(&result.stderr));
    output
}

/// Output of a C program run.
pub struct ProgramOutput {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `binary` with `args` and the emulator's test credentials in the
/// environment, under the command in [`WRAPPER_ENV`] when it is set.
pub fn run(binary: &Path, args: &[&str]) -> ProgramOutput {
    run_with_env(binary, args, |_| {})
}

/// Runs `binary` as [`run`] does, after `configure` has changed the command's
/// environment.
pub fn run_with_env(binary: &Path, args: &[&str], configure: impl FnOnce(&mut Command)) -> ProgramOutput {
    let wrapper = std::env::var(WRAPPER_ENV).unwrap_or_default();
    let mut words = wrapper.split_whitespace();
    let mut command = match words.next() {
        Some(program) => {
            let mut command = Command::new(program);
            command.args(words).arg(binary);
            command
        }
        None => Command::new(binary),
    };

    command
        .args(args)
        .env("BCE_ACCESS_KEY_ID", ACCESS_KEY_ID)
        .env("BCE_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)
        .env_remove("BCE_SECURITY_TOKEN");
    configure(&mut command);
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("running {} failed: {error}", binary.display()));
    ProgramOutput {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}
