//! A `log` logger that keeps warn and error records in memory, so a test can read
//! the lines that the library logged on its own thread.

use std::sync::{Mutex, Once};
use std::thread::ThreadId;

use log::{Level, LevelFilter, Log, Metadata, Record};

/// One captured log record.
#[derive(Debug, Clone)]
pub struct CapturedRecord {
    pub thread: ThreadId,
    pub level: Level,
    pub message: String,
}

struct CaptureLogger {
    records: Mutex<Vec<CapturedRecord>>,
}

static LOGGER: CaptureLogger = CaptureLogger { records: Mutex::new(Vec::new()) };
static INSTALL: Once = Once::new();

impl Log for CaptureLogger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        metadata.level() <= Level::Warn
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let captured = CapturedRecord {
            thread: std::thread::current().id(),
            level: record.level(),
            message: record.args().to_string(),
        };
        self.records.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(captured);
    }

    fn flush(&self) {}
}

/// Installs the logger for the whole test process. Later calls do nothing.
pub fn install() {
    INSTALL.call_once(|| {
        log::set_logger(&LOGGER).expect("no other logger is installed in this test binary");
        log::set_max_level(LevelFilter::Warn);
    });
}

/// Returns the records logged so far by the calling thread. Tests run on threads
/// of their own, so this leaves out the records of tests running in parallel.
pub fn records_of_this_thread() -> Vec<CapturedRecord> {
    let thread = std::thread::current().id();
    let records = LOGGER.records.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    records.iter().filter(|record| record.thread == thread).cloned().collect()
}
