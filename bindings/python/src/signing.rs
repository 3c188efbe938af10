//! `sign_request` and `validate_image_name`: direct calls into the core crate.

use bcc_image::sign::{now_unix_seconds, sign, SigningInput, DEFAULT_EXPIRATION_SECONDS};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use crate::errors::IntoPyResult;

/// Signs one request with bce-auth-v1 and returns the Authorization header value.
///
/// `path`, `query` names and values, and header values are decoded text, which
/// the signer percent-encodes. A query value of `None` is a parameter sent
/// without a value. `timestamp` is in Unix seconds, `None` meaning now.
/// `signed_headers` lists the header names to sign, and `None` or an empty list
/// signs the default set (`host`, `content-length`, `content-type`,
/// `content-md5` and every `x-bce-*` header) and leaves the list in the
/// Authorization value empty.
#[pyfunction]
#[pyo3(signature = (
    access_key_id,
    secret_access_key,
    method,
    path,
    query = Vec::new(),
    headers = Vec::new(),
    timestamp = None,
    expiration_seconds = DEFAULT_EXPIRATION_SECONDS,
    signed_headers = None,
))]
#[allow(clippy::too_many_arguments)]
pub fn sign_request(
    access_key_id: &str,
    secret_access_key: &str,
    method: &str,
    path: &str,
    query: Vec<(PyBackedStr, Option<PyBackedStr>)>,
    headers: Vec<(PyBackedStr, PyBackedStr)>,
    timestamp: Option<u64>,
    expiration_seconds: u32,
    signed_headers: Option<Vec<PyBackedStr>>,
) -> String {
    // PyBackedStr borrows each str's UTF-8 buffer instead of copying it into a
    // String, which saves an allocation per name and value.
    let signed_headers = signed_headers.unwrap_or_default();
    let input = SigningInput {
        method,
        path,
        query: &query,
        headers: &headers,
        timestamp: timestamp.unwrap_or_else(now_unix_seconds),
        expiration_seconds,
        signed_headers: &signed_headers,
    };
    sign(access_key_id, secret_access_key, &input).authorization
}

/// Checks an image name against BCC's naming rule, as the client does before
/// sending, and raises `InvalidArgumentError` naming the broken point.
#[pyfunction]
pub fn validate_image_name(py: Python<'_>, name: &str) -> PyResult<()> {
    bcc_image::validate_image_name(name).into_py_result(py)
}
