//! Generates the C header from `src/ffi` with cbindgen.
//!
//! The header goes to `$OUT_DIR/bcc_image.h`, and a test compares it with the
//! committed `include/bcc_image.h`. Set `BCC_IMAGE_WRITE_HEADER=1` to overwrite the
//! committed header after changing the C API.

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=src/ffi");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-env-changed=BCC_IMAGE_WRITE_HEADER");

    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml is valid");
    config.after_includes = Some(version_macros());

    let bindings = cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header from src/ffi");

    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    bindings.write_to_file(out_dir.join("bcc_image.h"));
    if env::var_os("BCC_IMAGE_WRITE_HEADER").is_some_and(|value| value == "1") {
        bindings.write_to_file(crate_dir.join("include").join("bcc_image.h"));
    }
}

/// Returns the version macros, taken from Cargo.toml through Cargo's variables.
fn version_macros() -> String {
    let part = |name: &str| env::var(name).expect("cargo sets the version variables");
    format!(
        "\n/* Version of the header, equal to the crate version in Cargo.toml. */\n\
         #define BCC_IMAGE_VERSION \"{}\"\n\
         #define BCC_IMAGE_VERSION_MAJOR {}\n\
         #define BCC_IMAGE_VERSION_MINOR {}\n\
         #define BCC_IMAGE_VERSION_PATCH {}\n",
        part("CARGO_PKG_VERSION"),
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
        part("CARGO_PKG_VERSION_PATCH"),
    )
}
