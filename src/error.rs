//! The one error type of the library, shared by Rust, C and Python callers.

use std::fmt;

/// Failure categories. Each maps to one C status code and one Python exception.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A local check rejected an argument before anything was sent.
    InvalidArgument,
    /// No access key or secret key was given or found in the environment.
    MissingCredentials,
    /// The service returned an error status (4xx or 5xx).
    Service,
    /// The request could not be sent or the response could not be read.
    Transport,
    /// A connect or response timeout, or the overall deadline, ran out.
    TimedOut,
    /// The TLS handshake failed, for example on an untrusted certificate.
    Tls,
}

/// An error with everything a caller needs to act on it.
///
/// Messages never contain a secret access key, a session token or a signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    http_status: Option<u16>,
    code: Option<String>,
    request_id: Option<String>,
    attempts: u32,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            http_status: None,
            code: None,
            request_id: None,
            attempts: 0,
        }
    }

    pub(crate) fn invalid_argument(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidArgument, message)
    }

    /// Builds a service error from an HTTP status, a BCE error code, the message
    /// and the request id.
    pub(crate) fn service(http_status: u16, code: Option<String>, message: String, request_id: Option<String>) -> Self {
        Error {
            kind: ErrorKind::Service,
            message,
            http_status: Some(http_status),
            code,
            request_id,
            attempts: 1,
        }
    }

    pub(crate) fn with_attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts;
        self
    }

    /// Returns the failure category.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Returns the human-readable message, without the status, code and request id.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Returns the HTTP status of the last response, if one arrived.
    pub fn http_status(&self) -> Option<u16> {
        self.http_status
    }

    /// Returns the BCE error code, such as `NoSuchObject`, if the service sent one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Returns the `x-bce-request-id` of the last response, for Baidu support.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Returns how many HTTP attempts were made, or 0 when a local check failed first.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;

        let mut details = Vec::new();
        if let Some(status) = self.http_status {
            details.push(format!("HTTP {status}"));
        }
        if let Some(code) = &self.code {
            details.push(format!("code {code}"));
        }
        if let Some(request_id) = &self.request_id {
            details.push(format!("request id {request_id}"));
        }
        if self.attempts > 1 {
            details.push(format!("after {} attempts", self.attempts));
        }
        if !details.is_empty() {
            write!(f, " ({})", details.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
