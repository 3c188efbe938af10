//! The unsigned control endpoints under `/_emulator/`, for tests in any language.
//!
//! They need no signature, so anyone who can reach the port can change the
//! emulator. That is why the emulator is meant to listen on loopback only.

use std::sync::atomic::Ordering;

use hyper::{Method, StatusCode};
use serde_json::{json, Value};

use crate::faults::parse_faults;
use crate::response::{ApiError, Reply};
use crate::shared::Shared;

/// Path prefix of every control endpoint.
pub const CONTROL_PREFIX: &str = "/_emulator/";

/// Handles one control request. `path` is the raw request path.
pub fn handle(shared: &Shared, method: &Method, path: &str, body: &[u8]) -> Result<Reply, ApiError> {
    let endpoint = path.strip_prefix(CONTROL_PREFIX).unwrap_or(path);
    match (method, endpoint) {
        (&Method::GET, "images") => Ok(Reply::json(&images(shared))),
        (&Method::GET, "stats") => Ok(Reply::json(&stats(shared))),
        (&Method::POST, "faults") => inject_faults(shared, body),
        (&Method::POST, "clock") => set_clock(shared, body),
        (&Method::POST, "reset") => {
            shared.faults.clear();
            shared.clock_offset_seconds.store(0, Ordering::Relaxed);
            Ok(Reply::json(&stats(shared)).with_note("cleared faults and clock offset"))
        }
        _ => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "NoSuchObject",
            format!(
                "no such control endpoint: {method} {path}; use GET images or stats, or POST faults, clock or reset \
                 under {CONTROL_PREFIX}"
            ),
        )),
    }
}

fn images(shared: &Shared) -> Value {
    let images: Vec<Value> = shared
        .images
        .images()
        .into_iter()
        .map(|(id, name, renames_applied)| json!({"id": id, "name": name, "renames_applied": renames_applied}))
        .collect();
    json!({ "images": images })
}

fn stats(shared: &Shared) -> Value {
    let renames_applied: u64 = shared.images.images().iter().map(|(_, _, count)| count).sum();
    json!({
        "requests_received": shared.requests_received.load(Ordering::Relaxed),
        "connections_accepted": shared.connections_accepted.load(Ordering::Relaxed),
        "renames_applied": renames_applied,
        "faults_pending": shared.faults.len(),
        "clock_offset_seconds": shared.clock_offset_seconds.load(Ordering::Relaxed),
    })
}

fn inject_faults(shared: &Shared, body: &[u8]) -> Result<Reply, ApiError> {
    let value = parse_json(body)?;
    let faults = parse_faults(&value).map_err(|message| ApiError::bad_request("BadRequest", message))?;

    let mut queued = 0;
    for (fault, times) in faults {
        log::info!("queued fault {fault:?} for {times} API request(s)");
        shared.faults.push(fault, times);
        queued += times;
    }
    Ok(Reply::json(&json!({"queued": queued, "faults_pending": shared.faults.len()})))
}

fn set_clock(shared: &Shared, body: &[u8]) -> Result<Reply, ApiError> {
    let value = parse_json(body)?;
    let Some(offset) = value.get("offset_seconds").and_then(Value::as_i64) else {
        return Err(ApiError::bad_request(
            "BadRequest",
            "expected {\"offset_seconds\": N}, where N is whole seconds added to the server clock",
        ));
    };

    shared.clock_offset_seconds.store(offset, Ordering::Relaxed);
    Ok(Reply::json(&json!({"offset_seconds": offset})).with_note(format!("clock offset set to {offset} s")))
}

fn parse_json(body: &[u8]) -> Result<Value, ApiError> {
    serde_json::from_slice(body)
        .map_err(|error| ApiError::bad_request("MalformedJSON", format!("the request body is not valid JSON: {error}")))
}
