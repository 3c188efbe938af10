//! Any status and body must give an error with that status and a bounded message.

#![no_main]

use bcc_image::error_body::parse_error_response;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = 400 + u16::from_le_bytes([data[0], data[1]]) % 200;
    let error = parse_error_response(status, &data[2..], None);

    assert_eq!(error.http_status(), Some(status));
    if error.code().is_none() {
        // A non-BCE body is quoted as an excerpt of at most 200 characters.
        assert!(error.message().chars().count() < 300, "{}", error.message());
    }
});
