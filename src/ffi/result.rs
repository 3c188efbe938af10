//! The result object of a successful rename.

use std::ffi::{c_char, CString};

use super::guard::to_c_string;
use crate::client::RenameOutput;

/// Result of a successful bcc_image_rename(): the request id and the clientToken
/// used. The caller owns it and frees it with bcc_rename_result_free(). The
/// accessors return pointers into the object, valid until it is freed.
pub struct bcc_rename_result {
    request_id: CString,
    client_token: CString,
    attempts: u32,
}

impl From<RenameOutput> for bcc_rename_result {
    fn from(output: RenameOutput) -> Self {
        bcc_rename_result {
            request_id: to_c_string(output.request_id.as_deref().unwrap_or_default()),
            client_token: to_c_string(&output.client_token),
            attempts: output.attempts,
        }
    }
}

/// Returns the x-bce-request-id of the successful response, or "" if the server
/// sent none (or for NULL). Never returns NULL.
#[no_mangle]
pub unsafe extern "C" fn bcc_rename_result_request_id(result: *const bcc_rename_result) -> *const c_char {
    result.as_ref().map_or(c"".as_ptr(), |result| result.request_id.as_ptr())
}

/// Returns the clientToken that was sent: the caller's, or the UUID generated for
/// the call. Reuse it to retry the same rename safely. Returns "" for NULL.
#[no_mangle]
pub unsafe extern "C" fn bcc_rename_result_client_token(result: *const bcc_rename_result) -> *const c_char {
    result.as_ref().map_or(c"".as_ptr(), |result| result.client_token.as_ptr())
}

/// Returns how many HTTP attempts the call made, the successful one included, or
/// 0 for NULL.
#[no_mangle]
pub unsafe extern "C" fn bcc_rename_result_attempts(result: *const bcc_rename_result) -> u32 {
    result.as_ref().map_or(0, |result| result.attempts)
}

/// Frees a rename result. NULL is allowed and does nothing.
#[no_mangle]
pub unsafe extern "C" fn bcc_rename_result_free(result: *mut bcc_rename_result) {
    if !result.is_null() {
        drop(Box::from_raw(result));
    }
}
