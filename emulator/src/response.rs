//! Responses before they are rendered: BCE errors and successful replies.

use bytes::Bytes;
use hyper::StatusCode;

/// Content type of every JSON body, written the way BCE writes it.
pub const JSON_CONTENT_TYPE: &str = "application/json;charset=utf-8";

/// A BCE error: HTTP status, error code and message.
///
/// The request id is added when the reply is rendered, so handlers need not carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: code.to_string(),
            message: message.into(),
        }
    }

    pub fn bad_request(code: &str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn forbidden(code: &str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, code, message)
    }

    pub fn not_found(code: &str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, code, message)
    }
}

/// A response ready to render, with what the request log line needs.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: StatusCode,
    /// `None` sends no Content-Type, as for the empty body of a successful rename.
    pub content_type: Option<String>,
    pub body: Bytes,
    /// The BCE error code, for the log line.
    pub code: Option<String>,
    /// Summary of the change or the failure, for the log line.
    pub note: Option<String>,
}

impl Reply {
    /// Builds a 200 with an empty body, the success response of a rename.
    pub fn empty_ok() -> Self {
        Reply {
            status: StatusCode::OK,
            content_type: None,
            body: Bytes::new(),
            code: None,
            note: None,
        }
    }

    /// Builds a 200 with a JSON body.
    pub fn json(value: &serde_json::Value) -> Self {
        Reply {
            status: StatusCode::OK,
            content_type: Some(JSON_CONTENT_TYPE.to_string()),
            body: Bytes::from(value.to_string()),
            code: None,
            note: None,
        }
    }

    /// Builds an error with the BCE body `{"code", "message", "requestId"}`.
    pub fn error(error: &ApiError, request_id: &str) -> Self {
        let body = serde_json::json!({
            "code": error.code,
            "message": error.message,
            "requestId": request_id,
        });
        Reply {
            status: error.status,
            content_type: Some(JSON_CONTENT_TYPE.to_string()),
            body: Bytes::from(body.to_string()),
            code: Some(error.code.clone()),
            note: Some(error.message.clone()),
        }
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}
