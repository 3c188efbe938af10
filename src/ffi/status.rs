//! Status codes and the version string.

use std::ffi::c_char;

use crate::error::ErrorKind;

/// Status returned by every bcc_* function that can fail. 0 is success. The
/// numbers never change, and new codes are only appended.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum bcc_status {
    /// Success.
    BCC_OK = 0,
    /// An argument was NULL, not UTF-8, or failed a local check. Nothing was sent.
    BCC_INVALID_ARGUMENT = 1,
    /// No access key or secret key was given or found in the environment.
    BCC_MISSING_CREDENTIALS = 2,
    /// The service returned an error: see the error's HTTP status and BCE code.
    BCC_SERVICE_ERROR = 3,
    /// The request could not be sent or the response could not be read.
    BCC_TRANSPORT_ERROR = 4,
    /// A timeout or the retry deadline ran out.
    BCC_TIMED_OUT = 5,
    /// The TLS handshake failed, for example on an untrusted certificate.
    BCC_TLS_ERROR = 6,
    /// The output buffer is too small: the needed size was written.
    BCC_BUFFER_TOO_SMALL = 7,
    /// A bug in the library was caught before it crossed into C. Please report it.
    BCC_PANIC = 8,
}

impl From<ErrorKind> for bcc_status {
    fn from(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::InvalidArgument => bcc_status::BCC_INVALID_ARGUMENT,
            ErrorKind::MissingCredentials => bcc_status::BCC_MISSING_CREDENTIALS,
            ErrorKind::Service => bcc_status::BCC_SERVICE_ERROR,
            ErrorKind::Transport => bcc_status::BCC_TRANSPORT_ERROR,
            ErrorKind::TimedOut => bcc_status::BCC_TIMED_OUT,
            ErrorKind::Tls => bcc_status::BCC_TLS_ERROR,
        }
    }
}

/// Returns a static, NUL-terminated description of a status code, such as
/// "invalid argument". Unknown codes give "unknown status". Never returns NULL;
/// the string must not be freed. Thread-safe.
#[no_mangle]
pub extern "C" fn bcc_status_str(status: i32) -> *const c_char {
    let text: &'static [u8] = match status {
        0 => b"success\0",
        1 => b"invalid argument\0",
        2 => b"missing credentials\0",
        3 => b"service error\0",
        4 => b"transport error\0",
        5 => b"timed out\0",
        6 => b"TLS error\0",
        7 => b"buffer too small\0",
        8 => b"internal error (caught panic)\0",
        _ => b"unknown status\0",
    };
    text.as_ptr().cast()
}

/// Returns the library version, such as "0.1.0", as a static NUL-terminated
/// string. It matches BCC_IMAGE_VERSION of the header the program was built with
/// unless a different library was loaded at run time. Thread-safe.
#[no_mangle]
pub extern "C" fn bcc_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
