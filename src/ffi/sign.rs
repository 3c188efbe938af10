//! bcc_sign_request(): the signer for callers that send their own HTTP.

use std::ffi::c_char;

use super::guard::{optional_str, required_str, run_status};
use super::status::bcc_status;
use crate::error::Error;
use crate::sign::{self, parse_header_lines, parse_signed_header_list, parse_wire_query, SigningInput};

/// Computes a bce-auth-v1 Authorization value without sending anything.
///
/// - `method`: HTTP method, such as "PUT". Required.
/// - `path`: the decoded request path, such as "/v2/image/rename". Required.
/// - `query`: the query string as sent on the wire, percent-encoded, without
///   the '?'; NULL or "" for none.
/// - `headers`: "Name: value" lines separated by "\n"; NULL for none. Include
///   every header to sign with the value you send, Host included.
/// - `timestamp`: signing time in Unix seconds; a negative value means now.
/// - `expiration_seconds`: signature lifetime; 0 means 1800.
/// - `signed_headers`: ";"-separated lowercase names to sign and list; NULL or ""
///   signs the default set (host, content-length, content-type, content-md5 and
///   x-bce-*) and leaves the list empty.
///
/// On success, writes the NUL-terminated value into `out`, its size with the NUL
/// into `*out_needed` (unless `out_needed` is NULL), and returns BCC_OK. When
/// `out_len` is too small, writes only `*out_needed` and returns
/// BCC_BUFFER_TOO_SMALL; `out` may be NULL when `out_len` is 0. Bad arguments
/// return BCC_INVALID_ARGUMENT and write nothing. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn bcc_sign_request(
    access_key_id: *const c_char,
    secret_access_key: *const c_char,
    method: *const c_char,
    path: *const c_char,
    query: *const c_char,
    headers: *const c_char,
    timestamp: i64,
    expiration_seconds: u32,
    signed_headers: *const c_char,
    out: *mut c_char,
    out_len: usize,
    out_needed: *mut usize,
) -> bcc_status {
    run_status(|| {
        // The arguments are parsed inside the panic boundary, and any problem
        // becomes BCC_INVALID_ARGUMENT before anything is written.
        let parse = || -> Result<String, Error> {
            let access_key_id = required_str(access_key_id, "access_key_id")?;
            let secret_access_key = required_str(secret_access_key, "secret_access_key")?;
            let method = required_str(method, "method")?;
            let path = required_str(path, "path")?;
            if access_key_id.is_empty() || secret_access_key.is_empty() || method.is_empty() {
                return Err(Error::invalid_argument("invalid argument: empty key or method"));
            }

            let query = parse_wire_query(optional_str(query, "query")?.unwrap_or_default())?;
            let headers = parse_header_lines(optional_str(headers, "headers")?.unwrap_or_default())?;
            let signed_headers =
                parse_signed_header_list(optional_str(signed_headers, "signed_headers")?.unwrap_or_default());
            let timestamp = u64::try_from(timestamp).unwrap_or_else(|_| sign::now_unix_seconds());
            let expiration_seconds = if expiration_seconds == 0 {
                sign::DEFAULT_EXPIRATION_SECONDS
            } else {
                expiration_seconds
            };

            let input = SigningInput {
                method,
                path,
                query: &query,
                headers: &headers,
                timestamp,
                expiration_seconds,
                signed_headers: &signed_headers,
            };
            Ok(sign::sign(access_key_id, secret_access_key, &input).authorization)
        };
        let Ok(authorization) = parse() else {
            return bcc_status::BCC_INVALID_ARGUMENT;
        };

        let needed = authorization.len() + 1;
        if !out_needed.is_null() {
            *out_needed = needed;
        }
        if out.is_null() || out_len < needed {
            return bcc_status::BCC_BUFFER_TOO_SMALL;
        }
        std::ptr::copy_nonoverlapping(authorization.as_ptr(), out.cast::<u8>(), authorization.len());
        *out.add(authorization.len()) = 0;
        bcc_status::BCC_OK
    })
}
