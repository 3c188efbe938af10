//! `bcc_image.testing.Emulator`: the `bcc-emulator` crate, run in-process.
//!
//! Every call into the emulator releases the GIL. Its server threads log through
//! the Python logging bridge, which takes the GIL, so holding the GIL while
//! waiting on those threads (on a lock, or to join them at stop) could deadlock.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use bcc_emulator::{Emulator as ServerHandle, EmulatorConfig, Fault, TlsFiles};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping};

/// A local BCC image API on 127.0.0.1 that verifies bce-auth-v1 signatures.
///
/// It starts on construction at a free port. Use it as a context manager, or
/// call `stop()`, to close its socket and end its threads.
#[pyclass(module = "bcc_image.testing")]
pub struct Emulator {
    server: Option<ServerHandle>,
}

#[pymethods]
impl Emulator {
    #[new]
    #[pyo3(signature = (credentials, images = None, *, tls_certificate = None, tls_private_key = None))]
    fn new(
        py: Python<'_>,
        credentials: &Bound<'_, PyAny>,
        images: Option<&Bound<'_, PyAny>>,
        tls_certificate: Option<PathBuf>,
        tls_private_key: Option<PathBuf>,
    ) -> PyResult<Self> {
        // HTTPS needs both files, so one without the other is a mistake to report.
        let tls = match (tls_certificate, tls_private_key) {
            (Some(certificate_chain), Some(private_key)) => Some(TlsFiles {
                certificate_chain,
                private_key,
            }),
            (None, None) => None,
            _ => {
                return Err(PyValueError::new_err(
                    "invalid TLS settings: give both tls_certificate and tls_private_key, or neither",
                ))
            }
        };
        let config = EmulatorConfig {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            credentials: extract_pairs(credentials, "credentials")?,
            images: match images {
                Some(images) => extract_pairs(images, "images")?,
                None => Vec::new(),
            },
            tls,
        };
        let server = py
            .detach(|| ServerHandle::start(config))
            .map_err(|error| PyOSError::new_err(format!("the emulator failed to start: {error}")))?;
        Ok(Emulator { server: Some(server) })
    }

    /// Base URL to pass as a client's `endpoint`, such as `http://127.0.0.1:40123`.
    #[getter]
    fn endpoint(&self) -> PyResult<String> {
        Ok(self.running()?.endpoint())
    }

    /// Current names of all images, by image id.
    #[getter]
    fn images<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let server = self.running()?;
        let images = py.detach(|| server.images());
        let dict = PyDict::new(py);
        for (image_id, name) in images {
            dict.set_item(image_id, name)?;
        }
        Ok(dict)
    }

    /// Current name of one image, or `None` if the emulator has no such image.
    fn image_name(&self, py: Python<'_>, image_id: &str) -> PyResult<Option<String>> {
        let server = self.running()?;
        Ok(py.detach(|| server.image_name(image_id)))
    }

    /// Number of renames applied to the image. A repeated clientToken is not
    /// counted again, because the emulator does not apply it again.
    fn renames_applied(&self, py: Python<'_>, image_id: &str) -> PyResult<u64> {
        let server = self.running()?;
        Ok(py.detach(|| server.renames_applied(image_id)))
    }

    /// Makes the next `times` API requests fail with HTTP `status` and the BCE
    /// error `code`, without applying them. Requests consume queued faults in order.
    #[pyo3(signature = (status, code, times = 1))]
    fn inject_error(&self, py: Python<'_>, status: u16, code: &str, times: u64) -> PyResult<()> {
        self.inject(py, Fault::error(status, code), times)
    }

    /// Makes the next `times` API requests wait `seconds` before they are handled.
    #[pyo3(signature = (seconds, times = 1))]
    fn inject_delay(&self, py: Python<'_>, seconds: f64, times: u64) -> PyResult<()> {
        let delay = Duration::try_from_secs_f64(seconds)
            .map_err(|_| PyValueError::new_err(format!("invalid delay {seconds}: give a non-negative number of seconds")))?;
        let millis = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        self.inject(py, Fault::Delay { millis }, times)
    }

    /// Makes the next `times` API requests apply the rename and then close the
    /// connection without a response, as when a response is lost.
    #[pyo3(signature = (times = 1))]
    fn inject_dropped_response(&self, py: Python<'_>, times: u64) -> PyResult<()> {
        self.inject(py, Fault::DropResponse, times)
    }

    /// Shifts the emulator's clock by `seconds`, to test `RequestExpired`.
    fn set_clock_offset(&self, py: Python<'_>, seconds: i64) -> PyResult<()> {
        let server = self.running()?;
        py.detach(|| server.set_clock_offset(seconds));
        Ok(())
    }

    /// Closes the socket and ends the server threads. Stopping twice does nothing.
    fn stop(&mut self, py: Python<'_>) {
        if let Some(server) = self.server.take() {
            py.detach(|| server.stop());
        }
    }

    fn __enter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    #[pyo3(signature = (_exc_type = None, _exc_value = None, _traceback = None))]
    fn __exit__(
        &mut self,
        py: Python<'_>,
        _exc_type: Option<&Bound<'_, PyAny>>,
        _exc_value: Option<&Bound<'_, PyAny>>,
        _traceback: Option<&Bound<'_, PyAny>>,
    ) -> bool {
        self.stop(py);
        false
    }

    fn __repr__(&self) -> String {
        match &self.server {
            Some(server) => format!("Emulator(endpoint={:?})", server.endpoint()),
            None => "Emulator(stopped)".to_string(),
        }
    }
}

impl Emulator {
    fn running(&self) -> PyResult<&ServerHandle> {
        self.server
            .as_ref()
            .ok_or_else(|| PyRuntimeError::new_err("the emulator is stopped; start a new Emulator"))
    }

    fn inject(&self, py: Python<'_>, fault: Fault, times: u64) -> PyResult<()> {
        fault.validate().map_err(PyValueError::new_err)?;
        let server = self.running()?;
        py.detach(|| server.inject_faults(fault, times));
        Ok(())
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            Python::attach(|py| py.detach(|| server.stop()));
        }
    }
}

/// Reads `(key, value)` string pairs from a mapping or from a sequence of pairs.
fn extract_pairs(value: &Bound<'_, PyAny>, argument: &str) -> PyResult<Vec<(String, String)>> {
    let pairs = if let Ok(mapping) = value.cast::<PyMapping>() {
        mapping.items()?.extract()
    } else {
        value.extract()
    };
    pairs.map_err(|_| {
        PyValueError::new_err(format!(
            "invalid {argument}: give a dict of str to str, or a list of (str, str) pairs"
        ))
    })
}
