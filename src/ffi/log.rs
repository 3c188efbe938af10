//! Log output for C callers: a callback with a level, or stderr through `BCC_LOG`.

use std::ffi::{c_char, c_void, CString};
use std::sync::{Once, RwLock};

use log::{Level, LevelFilter, Log, Metadata, Record};

use super::guard::{run_status, to_c_string};
use super::status::bcc_status;
use crate::logging::{display_level, level_from_env, write_stderr_line};

/// Severity of a log record; a level passed to bcc_set_log_callback() selects
/// that level and every more severe one.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum bcc_log_level {
    /// No records.
    BCC_LOG_OFF = 0,
    /// Errors that no call returns; the library logs none today.
    BCC_LOG_ERROR = 1,
    /// Retries, with the attempt, reason, delay and request id.
    BCC_LOG_WARN = 2,
    /// The outcome of each call: the HTTP status and request id, or the error.
    BCC_LOG_INFO = 3,
    /// The start of each HTTP attempt, with method and path.
    BCC_LOG_DEBUG = 4,
    /// Everything, including the HTTP client's own records.
    BCC_LOG_TRACE = 5,
}

/// A log callback. `target` names the module, such as "bcc_image::client", and
/// `message` is one line of text without a trailing newline; both are valid only
/// during the call. The callback runs on the thread that made the library call,
/// possibly on several threads at once, so it must be thread-safe. A record never
/// contains a secret key, a security token or a signature.
pub type bcc_log_callback =
    Option<unsafe extern "C" fn(user_data: *mut c_void, level: bcc_log_level, target: *const c_char, message: *const c_char)>;

/// The installed callback. `user_data` is kept as an address, because the caller
/// promises that it stays valid and thread-safe.
#[derive(Clone, Copy)]
struct Callback {
    function: unsafe extern "C" fn(*mut c_void, bcc_log_level, *const c_char, *const c_char),
    user_data: usize,
    level: LevelFilter,
}

static CALLBACK: RwLock<Option<Callback>> = RwLock::new(None);
static INSTALL: Once = Once::new();

/// The one `log` logger of the C library. It sends each record to the callback
/// if one is set, and to stderr when `BCC_LOG` requests it.
struct CLogger {
    stderr_level: LevelFilter,
}

impl Log for CLogger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        let callback_level = current_callback().map_or(LevelFilter::Off, |callback| callback.level);
        metadata.level() <= callback_level.max(self.stderr_level)
    }

    fn log(&self, record: &Record<'_>) {
        let level = display_level(record);
        if level <= self.stderr_level {
            write_stderr_line(record);
        }
        let Some(callback) = current_callback() else {
            return;
        };
        if level > callback.level {
            return;
        }

        let target = to_c_string(record.target());
        let message: CString = to_c_string(&record.args().to_string());
        // SAFETY: the caller registered this function and user data, and promised
        // both stay valid until the callback is replaced.
        unsafe { (callback.function)(callback.user_data as *mut c_void, to_c_level(level), target.as_ptr(), message.as_ptr()) };
    }

    fn flush(&self) {}
}

fn current_callback() -> Option<Callback> {
    *CALLBACK.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn to_c_level(level: Level) -> bcc_log_level {
    match level {
        Level::Error => bcc_log_level::BCC_LOG_ERROR,
        Level::Warn => bcc_log_level::BCC_LOG_WARN,
        Level::Info => bcc_log_level::BCC_LOG_INFO,
        Level::Debug => bcc_log_level::BCC_LOG_DEBUG,
        Level::Trace => bcc_log_level::BCC_LOG_TRACE,
    }
}

fn to_level_filter(level: bcc_log_level) -> LevelFilter {
    match level {
        bcc_log_level::BCC_LOG_OFF => LevelFilter::Off,
        bcc_log_level::BCC_LOG_ERROR => LevelFilter::Error,
        bcc_log_level::BCC_LOG_WARN => LevelFilter::Warn,
        bcc_log_level::BCC_LOG_INFO => LevelFilter::Info,
        bcc_log_level::BCC_LOG_DEBUG => LevelFilter::Debug,
        bcc_log_level::BCC_LOG_TRACE => LevelFilter::Trace,
    }
}

/// Installs the C logger once per process, reading `BCC_LOG` at that moment.
pub(crate) fn install_logger() {
    INSTALL.call_once(|| {
        let stderr_level = level_from_env().unwrap_or(LevelFilter::Off);
        if log::set_boxed_logger(Box::new(CLogger { stderr_level })).is_ok() {
            update_max_level(stderr_level);
        }
    });
}

fn update_max_level(stderr_level: LevelFilter) {
    let callback_level = current_callback().map_or(LevelFilter::Off, |callback| callback.level);
    log::set_max_level(callback_level.max(stderr_level));
}

/// Sends the library's log records at `level` and more severe to `callback`,
/// replacing any earlier callback. A NULL callback or BCC_LOG_OFF stops the
/// callbacks. `user_data` is passed to every call unchanged, and must stay valid
/// until the callback is replaced.
///
/// Independently of the callback, setting the environment variable BCC_LOG to
/// error, warn, info, debug or trace before the first library call writes
/// records of that level to stderr. Returns BCC_OK, or BCC_INVALID_ARGUMENT for a
/// level outside the enum. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn bcc_set_log_callback(callback: bcc_log_callback, user_data: *mut c_void, level: i32) -> bcc_status {
    run_status(|| {
        let level = match level {
            0 => bcc_log_level::BCC_LOG_OFF,
            1 => bcc_log_level::BCC_LOG_ERROR,
            2 => bcc_log_level::BCC_LOG_WARN,
            3 => bcc_log_level::BCC_LOG_INFO,
            4 => bcc_log_level::BCC_LOG_DEBUG,
            5 => bcc_log_level::BCC_LOG_TRACE,
            _ => return bcc_status::BCC_INVALID_ARGUMENT,
        };
        install_logger();

        let new_callback = match (callback, level) {
            (Some(function), level) if level != bcc_log_level::BCC_LOG_OFF => Some(Callback {
                function,
                user_data: user_data as usize,
                level: to_level_filter(level),
            }),
            _ => None,
        };
        *CALLBACK.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = new_callback;
        update_max_level(level_from_env().unwrap_or(LevelFilter::Off));
        bcc_status::BCC_OK
    })
}
