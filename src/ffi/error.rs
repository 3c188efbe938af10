//! The error object that failed calls hand to C.

use std::ffi::{c_char, CString};

use super::guard::to_c_string;
use super::status::bcc_status;
use crate::error::Error;

/// Details of a failed call: status, HTTP status, BCE error code, message,
/// request id and attempt count. Created by the library and returned through an
/// `error_out` argument; the caller owns it and frees it with bcc_error_free().
/// The accessors return pointers into the object, valid until it is freed. An
/// error object is immutable, so its accessors are thread-safe.
pub struct bcc_error {
    status: bcc_status,
    http_status: u16,
    attempts: u32,
    code: CString,
    message: CString,
    request_id: CString,
}

impl bcc_error {
    pub(crate) fn from_error(error: &Error) -> Self {
        bcc_error {
            status: bcc_status::from(error.kind()),
            http_status: error.http_status().unwrap_or(0),
            attempts: error.attempts(),
            code: to_c_string(error.code().unwrap_or_default()),
            message: to_c_string(&error.to_string()),
            request_id: to_c_string(error.request_id().unwrap_or_default()),
        }
    }

    pub(crate) fn panic() -> Self {
        bcc_error {
            status: bcc_status::BCC_PANIC,
            http_status: 0,
            attempts: 0,
            code: CString::default(),
            message: to_c_string("internal error: the library panicked; please report this as a bug"),
            request_id: CString::default(),
        }
    }
}

/// Dereferences an error pointer for an accessor.
///
/// # Safety
/// `error` must be NULL or a pointer returned through `error_out` and not freed.
unsafe fn borrow<'a>(error: *const bcc_error) -> Option<&'a bcc_error> {
    error.as_ref()
}

/// Returns the status of the failed call, or BCC_INVALID_ARGUMENT for NULL.
#[no_mangle]
pub unsafe extern "C" fn bcc_error_status(error: *const bcc_error) -> bcc_status {
    borrow(error).map_or(bcc_status::BCC_INVALID_ARGUMENT, |error| error.status)
}

/// Returns the HTTP status of the last response, or 0 when none arrived or for NULL.
#[no_mangle]
pub unsafe extern "C" fn bcc_error_http_status(error: *const bcc_error) -> u16 {
    borrow(error).map_or(0, |error| error.http_status)
}

/// Returns the BCE error code, such as "NoSuchObject", or "" when the service sent
/// none (or for NULL). Never returns NULL.
#[no_mangle]
pub unsafe extern "C" fn bcc_error_code(error: *const bcc_error) -> *const c_char {
    borrow(error).map_or(c"".as_ptr(), |error| error.code.as_ptr())
}

/// Returns the full message, with the HTTP status, BCE code and request id when
/// known. It never contains a secret key or a signature. Returns "" for NULL, and
/// never NULL.
#[no_mangle]
pub unsafe extern "C" fn bcc_error_message(error: *const bcc_error) -> *const c_char {
    borrow(error).map_or(c"".as_ptr(), |error| error.message.as_ptr())
}

/// Returns the x-bce-request-id of the last response, to quote to Baidu support,
/// or "" when there was none (or for NULL). Never returns NULL.
#[no_mangle]
pub unsafe extern "C" fn bcc_error_request_id(error: *const bcc_error) -> *const c_char {
    borrow(error).map_or(c"".as_ptr(), |error| error.request_id.as_ptr())
}

/// Returns how many HTTP attempts were made: 0 when a local check failed first.
#[no_mangle]
pub unsafe extern "C" fn bcc_error_attempts(error: *const bcc_error) -> u32 {
    borrow(error).map_or(0, |error| error.attempts)
}

/// Frees an error object. NULL is allowed and does nothing.
#[no_mangle]
pub unsafe extern "C" fn bcc_error_free(error: *mut bcc_error) {
    if !error.is_null() {
        drop(Box::from_raw(error));
    }
}
