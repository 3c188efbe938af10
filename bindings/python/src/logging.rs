//! Forwards the Rust `log` records of both crates to Python's `logging`.
//!
//! A record with target `bcc_image::client` goes to the Python logger
//! `bcc_image.client`, a child of `bcc_image`, so configuring `bcc_image` covers
//! every record of the client. Emulator records go to `bcc_emulator`.

use log::LevelFilter;
use pyo3::prelude::*;
use pyo3_log::{Caching, Logger};

/// Installs the bridge as the process's `log` logger. If another extension
/// installed one first, the records go to that logger instead, which also
/// receives a warning about it.
pub fn install(py: Python<'_>) -> PyResult<()> {
    // Caching::Loggers caches each Python logger but reads its level on every
    // record, so a level set after the first call still takes effect.
    let logger = Logger::new(py, Caching::Loggers)?
        .filter(LevelFilter::Warn)
        .filter_target("bcc_image".to_string(), LevelFilter::Debug)
        .filter_target("bcc_emulator".to_string(), LevelFilter::Debug);
    if logger.install().is_err() {
        log::warn!("a Rust logger was already installed, so bcc_image records do not reach Python logging");
    }
    Ok(())
}
