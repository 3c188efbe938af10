//! Converts core errors into the Python exceptions of `bcc_image._errors`.
//!
//! The exception classes, and the choice of class for each kind and service
//! code, live in Python, so that they can inherit from `ValueError`,
//! `ConnectionError` and `TimeoutError` and keep plain docstrings.

use bcc_image::{Error, ErrorKind};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

/// Python module that defines the exception hierarchy.
const ERRORS_MODULE: &str = "bcc_image._errors";

/// Builds the exception for `error`, with `status`, `code`, `request_id` and
/// `attempts` set.
pub fn to_py_err(py: Python<'_>, error: &Error) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let exception = py.import(ERRORS_MODULE)?.getattr("_from_native")?.call1((
            kind_name(error.kind()),
            error.to_string(),
            error.message(),
            error.http_status(),
            error.code(),
            error.request_id(),
            error.attempts(),
        ))?;
        Ok(PyErr::from_value(exception))
    };
    // A failed import means a broken installation, so the error still carries
    // the message of the original failure.
    build().unwrap_or_else(|import_error| {
        PyRuntimeError::new_err(format!("{error} (and {ERRORS_MODULE} failed to load: {import_error})"))
    })
}

/// Builds an `InvalidArgumentError` for an argument that cannot be converted,
/// such as a negative timeout.
pub fn invalid_argument(py: Python<'_>, message: String) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let exception = py
            .import(ERRORS_MODULE)?
            .getattr("InvalidArgumentError")?
            .call1((message.as_str(),))?;
        Ok(PyErr::from_value(exception))
    };
    build().unwrap_or_else(|import_error| {
        PyRuntimeError::new_err(format!("{message} (and {ERRORS_MODULE} failed to load: {import_error})"))
    })
}

/// Returns the kind's name as `_errors._from_native` expects it.
fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::InvalidArgument => "invalid_argument",
        ErrorKind::MissingCredentials => "missing_credentials",
        ErrorKind::Service => "service",
        ErrorKind::Transport => "transport",
        ErrorKind::TimedOut => "timed_out",
        ErrorKind::Tls => "tls",
        // ErrorKind is non-exhaustive. A kind added later maps to BccError
        // until this binding learns it.
        _ => "unknown",
    }
}

/// Converts a core result, raising the matching Python exception on error.
pub trait IntoPyResult<T> {
    fn into_py_result(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, Error> {
    fn into_py_result(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|error| to_py_err(py, &error))
    }
}
