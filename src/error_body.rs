//! Turns an error response into an [`Error`], whatever its body holds.

use serde_json::Value;

use crate::error::Error;

/// Maximum characters of a non-BCE body quoted in the message.
const MAX_EXCERPT_CHARS: usize = 200;

/// Builds the error of a non-2xx response.
///
/// A BCE error body is `{"code": …, "message": …, "requestId": …}`. Anything else,
/// such as an HTML page from a proxy or a truncated body, still gives an error with
/// the status and a short, escaped excerpt of the body. The request id comes from
/// the `x-bce-request-id` header, or from the body when the header is missing.
pub fn parse_error_response(status: u16, body: &[u8], header_request_id: Option<String>) -> Error {
    if let Some((code, message, body_request_id)) = parse_bce_error(body) {
        let message = if message.is_empty() {
            format!("the service returned {code} with no message")
        } else {
            message
        };
        return Error::service(status, Some(code), message, header_request_id.or(body_request_id));
    }

    let message = if body.is_empty() {
        format!("the service returned HTTP {status} with an empty body")
    } else {
        format!(
            "the service returned HTTP {status} with a body that is not a BCE error: {}",
            excerpt(body)
        )
    };
    Error::service(status, None, message, header_request_id)
}

/// Returns (code, message, requestId) when `body` is a JSON object with a string
/// `code`. Missing or non-string `message` and `requestId` become empty or `None`.
fn parse_bce_error(body: &[u8]) -> Option<(String, String, Option<String>)> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let code = value.get("code")?.as_str()?.trim();
    if code.is_empty() {
        return None;
    }

    let message = value.get("message").and_then(Value::as_str).unwrap_or_default();
    let request_id = value.get("requestId").and_then(Value::as_str).map(str::to_string);
    Some((code.to_string(), message.to_string(), request_id))
}

/// Returns the start of `body` as text of at most [`MAX_EXCERPT_CHARS`] characters
/// plus `…` when it was cut. Control characters are escaped, so that a hostile
/// body cannot forge log lines, and the escapes count toward the limit.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out = String::new();
    let mut out_chars = 0;

    for c in text.chars() {
        let piece: String = if c.is_control() { c.escape_default().collect() } else { c.to_string() };
        let piece_chars = piece.chars().count();
        if out_chars + piece_chars > MAX_EXCERPT_CHARS {
            out.push('…');
            break;
        }
        out.push_str(&piece);
        out_chars += piece_chars;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bce_body_fields() {
        let body = br#"{"code":"NoSuchObject","message":"image not found","requestId":"body-id"}"#;
        let error = parse_error_response(404, body, Some("header-id".to_string()));
        assert_eq!(error.code(), Some("NoSuchObject"));
        assert_eq!(error.message(), "image not found");
        assert_eq!(error.http_status(), Some(404));
        assert_eq!(error.request_id(), Some("header-id"));
    }

    #[test]
    fn request_id_from_body_without_header() {
        let body = br#"{"code":"InternalError","message":"m","requestId":"body-id"}"#;
        assert_eq!(parse_error_response(500, body, None).request_id(), Some("body-id"));
    }

    #[test]
    fn html_body_gives_excerpt() {
        let error = parse_error_response(502, b"<html>502 Bad Gateway</html>\r\n", None);
        assert_eq!(error.code(), None);
        assert_eq!(error.http_status(), Some(502));
        assert!(error.message().contains("<html>502 Bad Gateway</html>\\r\\n"), "{}", error.message());
    }

    #[test]
    fn truncated_json_gives_excerpt() {
        let error = parse_error_response(500, br#"{"code":"Intern"#, None);
        assert_eq!(error.code(), None);
        assert!(error.message().contains(r#"{"code":"Intern"#));
    }

    #[test]
    fn long_body_is_cut() {
        let body = "x".repeat(10_000);
        let error = parse_error_response(500, body.as_bytes(), None);
        assert!(error.message().ends_with('…'));
        assert!(error.message().len() < 400);
    }

    #[test]
    fn escapes_count_toward_limit() {
        let body = "\u{10}".repeat(1_000);
        let error = parse_error_response(500, body.as_bytes(), None);
        assert!(error.message().ends_with('…'));
        assert!(error.message().chars().count() < 300, "{}", error.message());
    }

    #[test]
    fn empty_and_odd_json() {
        assert!(parse_error_response(503, b"", None).message().contains("empty body"));
        assert_eq!(parse_error_response(400, br#"{"code":5}"#, None).code(), None);
        assert_eq!(parse_error_response(400, br#"[1,2]"#, None).code(), None);
        assert_eq!(parse_error_response(400, b"\xff\xfe", None).code(), None);
    }
}
