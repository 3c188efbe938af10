//! The committed C header must equal the one cbindgen generates from `src/ffi`.
//! After changing the C API, regenerate it with
//! `BCC_IMAGE_WRITE_HEADER=1 cargo build`.

#[test]
fn committed_header_is_fresh() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/bcc_image.h"));
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/include/bcc_image.h"))
        .expect("include/bcc_image.h exists");
    assert!(
        generated == committed,
        "include/bcc_image.h is stale; run BCC_IMAGE_WRITE_HEADER=1 cargo build and commit it"
    );
}
