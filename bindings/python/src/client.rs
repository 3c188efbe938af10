//! `Client` and `RenameResult`.

use std::path::PathBuf;

use bcc_image::{ClientConfig, Credentials};
use pyo3::prelude::*;

use crate::errors::IntoPyResult;
use crate::options::ClientOptions;

/// A BCC client that renames custom images.
///
/// One client is safe to share across threads, and sharing it reuses its
/// pooled connections. `rename_image` releases the GIL while it waits on the
/// network.
#[pyclass(module = "bcc_image", frozen)]
pub struct Client {
    inner: bcc_image::Client,
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (
        access_key_id = None,
        secret_access_key = None,
        security_token = None,
        region = String::from(bcc_image::endpoint::DEFAULT_REGION),
        endpoint = None,
        *,
        connect_timeout = None,
        request_timeout = None,
        validate_names = None,
        expiration_seconds = None,
        max_attempts = None,
        retry_base_delay = None,
        retry_max_delay = None,
        deadline = None,
        ca_file = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        access_key_id: Option<String>,
        secret_access_key: Option<String>,
        security_token: Option<String>,
        region: String,
        endpoint: Option<String>,
        connect_timeout: Option<f64>,
        request_timeout: Option<f64>,
        validate_names: Option<bool>,
        expiration_seconds: Option<u32>,
        max_attempts: Option<u32>,
        retry_base_delay: Option<f64>,
        retry_max_delay: Option<f64>,
        deadline: Option<f64>,
        ca_file: Option<PathBuf>,
    ) -> PyResult<Self> {
        // A missing key becomes an empty one, so the core crate raises its
        // MissingCredentials error, which names the key.
        let mut credentials =
            Credentials::new(access_key_id.unwrap_or_default(), secret_access_key.unwrap_or_default())
                .into_py_result(py)?;
        if let Some(token) = security_token {
            credentials = credentials.with_security_token(token).into_py_result(py)?;
        }

        let mut config = ClientConfig::new(credentials);
        config.region = region;
        config.endpoint = endpoint;
        let options = ClientOptions {
            connect_timeout,
            request_timeout,
            validate_names,
            expiration_seconds,
            max_attempts,
            retry_base_delay,
            retry_max_delay,
            deadline,
            ca_file,
        };
        options.apply(py, &mut config)?;
        Client::build(py, config)
    }

    /// Builds a client from `BCE_ACCESS_KEY_ID`, `BCE_SECRET_ACCESS_KEY`,
    /// `BCE_SECURITY_TOKEN`, `BCE_REGION` and `BCE_ENDPOINT`, with the same
    /// keyword options as the constructor. When the environment has no keys,
    /// the `current` profile of bce-cli's `~/.bce/config.json` is used if that
    /// file exists.
    #[staticmethod]
    #[pyo3(signature = (
        *,
        connect_timeout = None,
        request_timeout = None,
        validate_names = None,
        expiration_seconds = None,
        max_attempts = None,
        retry_base_delay = None,
        retry_max_delay = None,
        deadline = None,
        ca_file = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn from_env(
        py: Python<'_>,
        connect_timeout: Option<f64>,
        request_timeout: Option<f64>,
        validate_names: Option<bool>,
        expiration_seconds: Option<u32>,
        max_attempts: Option<u32>,
        retry_base_delay: Option<f64>,
        retry_max_delay: Option<f64>,
        deadline: Option<f64>,
        ca_file: Option<PathBuf>,
    ) -> PyResult<Self> {
        let mut config = ClientConfig::from_env().into_py_result(py)?;
        let options = ClientOptions {
            connect_timeout,
            request_timeout,
            validate_names,
            expiration_seconds,
            max_attempts,
            retry_base_delay,
            retry_max_delay,
            deadline,
            ca_file,
        };
        options.apply(py, &mut config)?;
        Client::build(py, config)
    }

    /// Builds a client from profile `name` of bce-cli's `~/.bce/config.json`,
    /// or from the file's `current` profile when `name` is None, with the same
    /// keyword options as the constructor. Empty profile fields are filled from
    /// the `BCE_*` environment variables, as bce-cli does.
    #[staticmethod]
    #[pyo3(signature = (
        name = None,
        *,
        connect_timeout = None,
        request_timeout = None,
        validate_names = None,
        expiration_seconds = None,
        max_attempts = None,
        retry_base_delay = None,
        retry_max_delay = None,
        deadline = None,
        ca_file = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn from_profile(
        py: Python<'_>,
        name: Option<&str>,
        connect_timeout: Option<f64>,
        request_timeout: Option<f64>,
        validate_names: Option<bool>,
        expiration_seconds: Option<u32>,
        max_attempts: Option<u32>,
        retry_base_delay: Option<f64>,
        retry_max_delay: Option<f64>,
        deadline: Option<f64>,
        ca_file: Option<PathBuf>,
    ) -> PyResult<Self> {
        let config = match name {
            Some(name) => ClientConfig::from_profile(name),
            None => ClientConfig::from_default_profile(),
        };
        let mut config = config.into_py_result(py)?;
        let options = ClientOptions {
            connect_timeout,
            request_timeout,
            validate_names,
            expiration_seconds,
            max_attempts,
            retry_base_delay,
            retry_max_delay,
            deadline,
            ca_file,
        };
        options.apply(py, &mut config)?;
        Client::build(py, config)
    }

    /// Renames the custom image `image_id` to `name`, retrying as configured.
    ///
    /// Without a `client_token`, a UUID v4 is generated. Every attempt sends the
    /// same token, so the server applies the rename at most once.
    #[pyo3(signature = (image_id, name, client_token = None))]
    fn rename_image(
        &self,
        py: Python<'_>,
        image_id: &str,
        name: &str,
        client_token: Option<&str>,
    ) -> PyResult<RenameResult> {
        let output = py
            .detach(|| self.inner.rename_image(image_id, name, client_token))
            .into_py_result(py)?;
        Ok(RenameResult {
            request_id: output.request_id,
            client_token: output.client_token,
            attempts: output.attempts,
        })
    }

    /// Base URL that requests go to, such as `https://bcc.bj.baidubce.com`.
    #[getter]
    fn endpoint(&self) -> String {
        self.inner.endpoint().base_url()
    }

    /// Region id from the configuration. An explicit endpoint overrides it.
    #[getter]
    fn region(&self) -> &str {
        &self.inner.config().region
    }

    /// Access key ID that signs the requests. It is not secret: it appears in
    /// every Authorization header.
    #[getter]
    fn access_key_id(&self) -> &str {
        self.inner.config().credentials.access_key_id()
    }

    /// Shows the endpoint and the access key ID, never the secret key or token.
    fn __repr__(&self) -> String {
        format!(
            "Client(endpoint={:?}, access_key_id={:?})",
            self.endpoint(),
            self.access_key_id()
        )
    }
}

impl Client {
    fn build(py: Python<'_>, config: ClientConfig) -> PyResult<Self> {
        let inner = bcc_image::Client::new(config).into_py_result(py)?;
        Ok(Client { inner })
    }
}

/// Result of a successful rename.
#[pyclass(module = "bcc_image", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameResult {
    /// `x-bce-request-id` of the response, for Baidu support, or `None` if the
    /// server sent none.
    #[pyo3(get)]
    request_id: Option<String>,
    /// The clientToken sent: the caller's, or the UUID v4 generated for the call.
    #[pyo3(get)]
    client_token: String,
    /// HTTP attempts the call made, the successful one included.
    #[pyo3(get)]
    attempts: u32,
}

#[pymethods]
impl RenameResult {
    fn __repr__(&self) -> String {
        let request_id = match &self.request_id {
            Some(id) => format!("{id:?}"),
            None => "None".to_string(),
        };
        format!(
            "RenameResult(request_id={request_id}, client_token={:?}, attempts={})",
            self.client_token, self.attempts
        )
    }
}
