//! The C ABI's string arguments: arbitrary bytes, invalid UTF-8 included, must give
//! a status and never a crash.

#![no_main]

use std::ffi::{c_char, CString};
use std::ptr;

use bcc_image::ffi::{bcc_client_config, bcc_client_free, bcc_client_new, bcc_error_free, bcc_sign_request, bcc_status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Split the input at 0x00 into up to seven C strings.
    let strings: Vec<CString> = data.split(|&byte| byte == 0).take(7).map(|part| CString::new(part).unwrap()).collect();
    let argument = |index: usize| strings.get(index).map_or(ptr::null(), |text| text.as_ptr());

    let mut out = [0 as c_char; 96];
    let mut needed = 0usize;
    let status = unsafe {
        bcc_sign_request(
            argument(0),
            argument(1),
            argument(2),
            argument(3),
            argument(4),
            argument(5),
            data.len() as i64,
            0,
            argument(6),
            out.as_mut_ptr(),
            out.len(),
            &mut needed,
        )
    };
    assert!(matches!(
        status,
        bcc_status::BCC_OK | bcc_status::BCC_INVALID_ARGUMENT | bcc_status::BCC_BUFFER_TOO_SMALL
    ));

    // Building a client sends nothing, so any strings are safe to try.
    let config = bcc_client_config {
        access_key_id: argument(0),
        secret_access_key: argument(1),
        security_token: argument(2),
        region: argument(3),
        endpoint: argument(4),
        ca_file: ptr::null(),
        connect_timeout_ms: 0,
        request_timeout_ms: 0,
        max_attempts: 0,
        retry_base_delay_ms: 0,
        retry_max_delay_ms: 0,
        deadline_ms: 0,
        expiration_seconds: 0,
        disable_name_validation: 0,
    };
    let mut client = ptr::null_mut();
    let mut error = ptr::null_mut();
    let status = unsafe { bcc_client_new(&config, &mut client, &mut error) };
    assert_ne!(status, bcc_status::BCC_PANIC);
    unsafe {
        bcc_client_free(client);
        bcc_error_free(error);
    }
});
