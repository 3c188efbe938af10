//! Stderr output of log records, switched on by the `BCC_LOG` environment
//! variable.
//!
//! The library logs through the `log` crate: each attempt's start with method and
//! path (debug), each call's outcome with the HTTP status and request id, or its
//! final error (info), and each retry (warn). Errors that a call returns are
//! logged at info, not warn, because the caller receives and reports them.
//! Nothing logged contains a secret key, a security token or a signature. Rust
//! programs install any `log` logger. The C library uses these helpers to write
//! records to stderr when `BCC_LOG` is set.

use std::io::Write;

use log::{LevelFilter, Record};

/// Environment variable that sets the stderr log level: `error`, `warn`, `info`,
/// `debug`, `trace` or `off`.
pub const ENV_LOG: &str = "BCC_LOG";

/// Returns the level that `BCC_LOG` sets, or `None` when it is unset or not a
/// level name.
pub fn level_from_env() -> Option<LevelFilter> {
    let value = std::env::var(ENV_LOG).ok()?;
    value.trim().parse::<LevelFilter>().ok()
}

/// Returns the level at which `record` is shown. Records of other crates, such as
/// the HTTP client's ten or so debug lines per request, count as trace, so that
/// `debug` shows this library's records and `trace` shows everything.
pub fn display_level(record: &Record<'_>) -> log::Level {
    let target = record.target();
    if target.starts_with("bcc_image") || target.starts_with("bcc_emulator") {
        record.level()
    } else {
        log::Level::Trace
    }
}

/// Writes one line per record to stderr: `[bcc_image LEVEL] message`.
pub fn write_stderr_line(record: &Record<'_>) {
    let mut stderr = std::io::stderr().lock();
    // A failed write to stderr has nowhere better to be reported.
    let _ = writeln!(stderr, "[{} {}] {}", record.target(), record.level(), record.args());
}
