//! The panic boundary and the pointer and string checks every export shares.

use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use super::error::bcc_error;
use super::status::bcc_status;
use crate::error::Error;

/// Runs `body`, stores its error in `*error_out` (when `error_out` is not NULL)
/// and returns its status. A panic becomes `BCC_PANIC` instead of unwinding into
/// C, which would be undefined behavior.
pub(crate) fn run(error_out: *mut *mut bcc_error, body: impl FnOnce() -> Result<(), Error>) -> bcc_status {
    let (status, error) = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return bcc_status::BCC_OK,
        Ok(Err(error)) => (bcc_status::from(error.kind()), bcc_error::from_error(&error)),
        Err(_) => (bcc_status::BCC_PANIC, bcc_error::panic()),
    };

    if !error_out.is_null() {
        // SAFETY: the caller passes NULL or a valid place for one pointer, as the
        // header documents.
        unsafe { *error_out = Box::into_raw(Box::new(error)) };
    }
    status
}

/// Runs `body` and returns its status, mapping a panic to `BCC_PANIC`.
pub(crate) fn run_status(body: impl FnOnce() -> bcc_status) -> bcc_status {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(bcc_status::BCC_PANIC)
}

/// Borrows a required C string argument as UTF-8.
///
/// # Safety
/// `pointer` must be NULL or point to a NUL-terminated string that stays valid
/// for `'a`.
pub(crate) unsafe fn required_str<'a>(pointer: *const c_char, argument: &str) -> Result<&'a str, Error> {
    if pointer.is_null() {
        return Err(Error::invalid_argument(format!("invalid argument: {argument} is NULL")));
    }
    optional_str(pointer, argument).map(|text| text.unwrap_or_default())
}

/// Borrows an optional C string argument: NULL gives `None`.
///
/// # Safety
/// As for [`required_str`].
pub(crate) unsafe fn optional_str<'a>(pointer: *const c_char, argument: &str) -> Result<Option<&'a str>, Error> {
    if pointer.is_null() {
        return Ok(None);
    }
    CStr::from_ptr(pointer)
        .to_str()
        .map(Some)
        .map_err(|_| Error::invalid_argument(format!("invalid argument: {argument} is not valid UTF-8")))
}

/// Converts text to a C string, replacing any interior NUL (possible in a server's
/// message) with U+FFFD so the text is never cut short.
pub(crate) fn to_c_string(text: &str) -> CString {
    CString::new(text.replace('\0', "\u{FFFD}")).unwrap_or_default()
}
