//! Injected faults: the failures that the reliability tests of a client need.
//!
//! Faults wait in a queue, and each API request takes the next one, so the
//! `times` given to a fault is the number of consecutive API requests it hits.
//! Requests under `/_emulator/` never take one.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard};

use serde_json::Value;

/// Maximum number of requests that one injected fault may cover, to catch a
/// mistyped count.
pub const MAX_FAULT_TIMES: u64 = 10_000;

/// One fault, applied to one API request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Responds with `status` and a BCE error body, without verifying or applying the
    /// request. A 503 `ServiceUnavailable` is the typical case.
    Error { status: u16, code: String, message: String },
    /// Waits `millis` milliseconds, then handles the request normally, so a client
    /// with a shorter timeout gives up.
    Delay { millis: u64 },
    /// Handles the request, so a rename is applied, then closes the connection
    /// without sending a response: a lost response.
    DropResponse,
    /// Responds with `status` and exactly `body`, without verifying or applying the
    /// request, such as a proxy's `<html>502 Bad Gateway</html>` or a truncated JSON
    /// error.
    RawBody { status: u16, content_type: String, body: String },
    /// Handles the request, and when it succeeds, sends `body` with the 200 in place
    /// of the empty body. A rename is applied.
    OkWithBody { body: String },
}

impl Fault {
    /// Builds an `Error` fault whose message states that it was injected.
    pub fn error(status: u16, code: &str) -> Self {
        Fault::Error {
            status,
            code: code.to_string(),
            message: format!("{code}: fault injected by the emulator"),
        }
    }

    /// Returns the HTTP status that the fault sets, if it sets one.
    fn status(&self) -> Option<u16> {
        match self {
            Fault::Error { status, .. } | Fault::RawBody { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Checks that the fault can be sent: a final HTTP status from 200 to 599.
    pub fn validate(&self) -> Result<(), String> {
        match self.status() {
            Some(status) if !(200..=599).contains(&status) => {
                Err(format!("invalid fault status {status}; give an HTTP status from 200 to 599"))
            }
            _ => Ok(()),
        }
    }
}

/// The faults waiting for the next API requests, in order.
#[derive(Debug, Default)]
pub struct FaultQueue {
    pending: Mutex<VecDeque<Fault>>,
}

impl FaultQueue {
    /// Appends `fault` for the next `times` API requests after those already queued.
    pub fn push(&self, fault: Fault, times: u64) {
        let mut pending = self.lock();
        for _ in 0..times {
            pending.push_back(fault.clone());
        }
    }

    pub fn pop(&self) -> Option<Fault> {
        self.lock().pop_front()
    }

    pub fn clear(&self) {
        self.lock().clear();
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> MutexGuard<'_, VecDeque<Fault>> {
        // Queue operations cannot panic halfway, so a poisoned queue is still whole.
        self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Parses the body of `POST /_emulator/faults`: one fault object or an array of
/// them. Returns each fault with its `times`, or a message that names the bad field.
pub fn parse_faults(body: &Value) -> Result<Vec<(Fault, u64)>, String> {
    match body {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| parse_fault(item).map_err(|error| format!("fault {index}: {error}")))
            .collect(),
        Value::Object(_) => Ok(vec![parse_fault(body)?]),
        _ => Err("expected a fault object or an array of fault objects".to_string()),
    }
}

fn parse_fault(item: &Value) -> Result<(Fault, u64), String> {
    let Some(object) = item.as_object() else {
        return Err("expected a JSON object with a \"kind\" field".to_string());
    };

    let times = match object.get("times") {
        None => 1,
        Some(value) => match value.as_u64() {
            Some(times) if (1..=MAX_FAULT_TIMES).contains(&times) => times,
            _ => return Err(format!("invalid \"times\" {value}; give a whole number from 1 to {MAX_FAULT_TIMES}")),
        },
    };

    let kind = required_string(item, "kind")?;
    let fault = match kind {
        "error" => {
            let status = required_status(item)?;
            let code = required_string(item, "code")?;
            match optional_string(item, "message")? {
                Some(message) => Fault::Error { status, code: code.to_string(), message: message.to_string() },
                None => Fault::error(status, code),
            }
        }
        "delay" => {
            let Some(millis) = item.get("millis").and_then(Value::as_u64) else {
                return Err("\"millis\" must be a whole number of milliseconds".to_string());
            };
            Fault::Delay { millis }
        }
        "drop_response" => Fault::DropResponse,
        "raw_body" => Fault::RawBody {
            status: required_status(item)?,
            content_type: optional_string(item, "content_type")?.unwrap_or("text/html").to_string(),
            body: required_string(item, "body")?.to_string(),
        },
        "ok_with_body" => Fault::OkWithBody { body: required_string(item, "body")?.to_string() },
        other => {
            return Err(format!(
                "unknown fault kind {other:?}; use error, delay, drop_response, raw_body or ok_with_body"
            ))
        }
    };

    fault.validate()?;
    Ok((fault, times))
}

fn required_string<'a>(item: &'a Value, field: &str) -> Result<&'a str, String> {
    optional_string(item, field)?.ok_or_else(|| format!("the string field {field:?} is missing"))
}

fn optional_string<'a>(item: &'a Value, field: &str) -> Result<Option<&'a str>, String> {
    match item.get(field) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(format!("{field:?} must be a string, not {other}")),
    }
}

fn required_status(item: &Value) -> Result<u16, String> {
    item.get("status")
        .and_then(Value::as_u64)
        .and_then(|status| u16::try_from(status).ok())
        .ok_or_else(|| "\"status\" must be an HTTP status, such as 503".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parse_every_kind() {
        let body = json!([
            {"kind": "error", "status": 503, "code": "ServiceUnavailable", "times": 2},
            {"kind": "delay", "millis": 250},
            {"kind": "drop_response"},
            {"kind": "raw_body", "status": 502, "body": "<html>502 Bad Gateway</html>"},
            {"kind": "ok_with_body", "body": "{}"},
        ]);
        let faults = parse_faults(&body).unwrap();
        assert_eq!(faults[0], (Fault::error(503, "ServiceUnavailable"), 2));
        assert_eq!(faults[1], (Fault::Delay { millis: 250 }, 1));
        assert_eq!(faults[2], (Fault::DropResponse, 1));
        let html = Fault::RawBody {
            status: 502,
            content_type: "text/html".to_string(),
            body: "<html>502 Bad Gateway</html>".to_string(),
        };
        assert_eq!(faults[3], (html, 1));
        assert_eq!(faults[4], (Fault::OkWithBody { body: "{}".to_string() }, 1));
    }

    #[test]
    fn parse_rejects_bad_status() {
        let error = parse_faults(&json!({"kind": "error", "status": 99, "code": "X"})).unwrap_err();
        assert!(error.contains("invalid fault status 99"), "{error}");
    }

    #[test]
    fn parse_rejects_unknown_kind() {
        let error = parse_faults(&json!({"kind": "explode"})).unwrap_err();
        assert!(error.contains("unknown fault kind"), "{error}");
    }

    #[test]
    fn queue_keeps_order() {
        let queue = FaultQueue::default();
        queue.push(Fault::DropResponse, 2);
        queue.push(Fault::Delay { millis: 1 }, 1);
        assert_eq!(queue.pop(), Some(Fault::DropResponse));
        assert_eq!(queue.pop(), Some(Fault::DropResponse));
        assert_eq!(queue.pop(), Some(Fault::Delay { millis: 1 }));
        assert_eq!(queue.pop(), None);
    }
}
