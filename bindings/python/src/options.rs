//! The keyword options of `Client` and `Client.from_env`, applied to a
//! `ClientConfig`. An option left as `None` keeps the core crate's default.

use std::path::PathBuf;
use std::time::Duration;

use bcc_image::config::read_ca_file;
use bcc_image::ClientConfig;
use pyo3::prelude::*;

use crate::errors::{invalid_argument, IntoPyResult};

/// Options shared by both constructors. Durations are in seconds.
#[derive(Debug, Default)]
pub struct ClientOptions {
    pub connect_timeout: Option<f64>,
    pub request_timeout: Option<f64>,
    pub validate_names: Option<bool>,
    pub expiration_seconds: Option<u32>,
    pub max_attempts: Option<u32>,
    pub retry_base_delay: Option<f64>,
    pub retry_max_delay: Option<f64>,
    pub deadline: Option<f64>,
    pub ca_file: Option<PathBuf>,
}

impl ClientOptions {
    /// Writes every option that was given into `config`.
    pub fn apply(self, py: Python<'_>, config: &mut ClientConfig) -> PyResult<()> {
        if let Some(seconds) = self.connect_timeout {
            config.connect_timeout = to_duration(py, "connect_timeout", seconds)?;
        }
        if let Some(seconds) = self.request_timeout {
            config.request_timeout = to_duration(py, "request_timeout", seconds)?;
        }
        if let Some(validate_names) = self.validate_names {
            config.validate_names = validate_names;
        }
        if let Some(expiration_seconds) = self.expiration_seconds {
            config.expiration_seconds = expiration_seconds;
        }
        if let Some(max_attempts) = self.max_attempts {
            config.retry.max_attempts = max_attempts;
        }
        if let Some(seconds) = self.retry_base_delay {
            config.retry.base_delay = to_duration(py, "retry_base_delay", seconds)?;
        }
        if let Some(seconds) = self.retry_max_delay {
            config.retry.max_delay = to_duration(py, "retry_max_delay", seconds)?;
        }
        if let Some(seconds) = self.deadline {
            config.retry.deadline = to_duration(py, "deadline", seconds)?;
        }
        if let Some(path) = self.ca_file {
            config.ca_certificates_pem = Some(read_ca_file(&path).into_py_result(py)?);
        }
        Ok(())
    }
}

/// Converts seconds to a `Duration`. Zero passes, so that the core crate's
/// check of each setting reports it with the reason.
fn to_duration(py: Python<'_>, option: &str, seconds: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(seconds).map_err(|_| {
        invalid_argument(
            py,
            format!("invalid {option} {seconds}: give a finite, non-negative number of seconds"),
        )
    })
}
