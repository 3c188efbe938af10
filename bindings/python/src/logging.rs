//! Forwards the Rust `log` records of both crates to Python's `logging`.
//!
//! A record with target `bcc_image::client` goes to the Python logger
//! `bcc_image.client`, a child of `bcc_image`, so configuring `bcc_image` covers
//! every record of the client. Emulator records go to `bcc_emulator`.
//!
//! The bridge imports Python's `logging` when the first record arrives, not at
//! `import bcc_image`, because importing `logging` (with `traceback` and `re`)
//! takes longer than loading the rest of the package.

use std::sync::OnceLock;

use log::{LevelFilter, Log, Metadata, Record};
use pyo3::prelude::*;
use pyo3_log::{Caching, Logger};

/// A `log` logger that builds the pyo3-log bridge on its first use.
struct LazyBridge {
    bridge: OnceLock<Option<Logger>>,
}

impl LazyBridge {
    /// Returns the bridge, building it with the GIL on the first call. `None`
    /// means Python's `logging` could not be imported, and records are dropped.
    ///
    /// A thread that builds the bridge waits for the GIL while other threads
    /// wait for it here. That cannot deadlock as long as no thread logs while
    /// holding the GIL: the core logs only in `Client::rename_image` and in the
    /// emulator, and the binding calls both with the GIL released.
    fn bridge(&self) -> Option<&Logger> {
        self.bridge
            .get_or_init(|| {
                // Caching::Loggers caches each Python logger but reads its level on
                // every record, so a level set after the first call still applies.
                Python::attach(|py| Logger::new(py, Caching::Loggers).ok()).map(|logger| {
                    logger
                        .filter(LevelFilter::Warn)
                        .filter_target("bcc_image".to_string(), LevelFilter::Debug)
                        .filter_target("bcc_emulator".to_string(), LevelFilter::Debug)
                })
            })
            .as_ref()
    }
}

impl Log for LazyBridge {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        self.bridge().is_some_and(|bridge| bridge.enabled(metadata))
    }

    fn log(&self, record: &Record<'_>) {
        if let Some(bridge) = self.bridge() {
            bridge.log(record);
        }
    }

    fn flush(&self) {
        if let Some(bridge) = self.bridge() {
            bridge.flush();
        }
    }
}

/// Installs the bridge as the process's `log` logger. If another extension
/// installed one first, the records go to that logger instead, which also
/// receives a warning about it.
pub fn install(_py: Python<'_>) -> PyResult<()> {
    let bridge = LazyBridge { bridge: OnceLock::new() };
    if log::set_boxed_logger(Box::new(bridge)).is_err() {
        log::warn!("a Rust logger was already installed, so bcc_image records do not reach Python logging");
        return Ok(());
    }
    // The bridge filters by target and by each Python logger's level, so the
    // global maximum lets every level through to it.
    log::set_max_level(LevelFilter::Debug);
    Ok(())
}
