//! Client settings, with the defaults a caller gets when it sets nothing.

use std::time::Duration;

use crate::credentials::{non_empty_env, Credentials};
use crate::endpoint::{Endpoint, DEFAULT_REGION};
use crate::error::{Error, ErrorKind};
use crate::profile::{default_config_path, load_profile};
use crate::retry::RetryPolicy;
use crate::sign::DEFAULT_EXPIRATION_SECONDS;

/// Environment variable of the region, such as `gz`.
pub const ENV_REGION: &str = "BCE_REGION";
/// Environment variable of an explicit endpoint URL, which overrides the region.
pub const ENV_ENDPOINT: &str = "BCE_ENDPOINT";

/// API version in the request path, `/v2/image/rename`.
pub const DEFAULT_API_VERSION: u32 = 2;
/// Time allowed to open a TCP connection and finish the TLS handshake.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Time allowed for one attempt, from sending the request to reading the response.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything a [`crate::Client`] needs. Build it with [`ClientConfig::new`] and
/// change the public fields.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// The keys that sign every request.
    pub credentials: Credentials,
    /// BCC region id, used when `endpoint` is `None`.
    pub region: String,
    /// Explicit endpoint URL, such as `http://127.0.0.1:8080` for the emulator.
    pub endpoint: Option<String>,
    /// API version in the path. Baidu's current version is 2.
    pub api_version: u32,
    /// Connect timeout, TLS handshake included.
    pub connect_timeout: Duration,
    /// Timeout of one attempt. [`RetryPolicy::deadline`] bounds all attempts.
    pub request_timeout: Duration,
    /// Whether image names are checked locally before sending. Turn it off to let
    /// the server decide, for example on names with a space.
    pub validate_names: bool,
    /// Signature lifetime in seconds.
    pub expiration_seconds: u32,
    /// When and how often failed attempts are retried.
    pub retry: RetryPolicy,
    /// Extra trusted CA certificates in PEM form. When set, only these CAs are
    /// trusted, which suits a private endpoint or a test server.
    pub ca_certificates_pem: Option<Vec<u8>>,
}

impl ClientConfig {
    /// Returns a configuration with every default: region `bj` over HTTPS, API
    /// version 2, name validation on, and the default timeouts and retries.
    pub fn new(credentials: Credentials) -> Self {
        ClientConfig {
            credentials,
            region: DEFAULT_REGION.to_string(),
            endpoint: None,
            api_version: DEFAULT_API_VERSION,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            validate_names: true,
            expiration_seconds: DEFAULT_EXPIRATION_SECONDS,
            retry: RetryPolicy::default(),
            ca_certificates_pem: None,
        }
    }

    /// Reads credentials, region and endpoint from `BCE_ACCESS_KEY_ID`,
    /// `BCE_SECRET_ACCESS_KEY`, `BCE_SECURITY_TOKEN`, `BCE_REGION` and
    /// `BCE_ENDPOINT`, and takes the defaults for the rest.
    ///
    /// When the environment has no keys, the `current` profile of bce-cli's
    /// `~/.bce/config.json` is used if that file exists.
    pub fn from_env() -> Result<Self, Error> {
        let env_credentials = Credentials::from_env();
        let default_path = default_config_path().filter(|path| path.exists());

        let mut config = match (env_credentials, default_path) {
            (Ok(credentials), _) => ClientConfig::new(credentials),
            (Err(error), Some(path)) if error.kind() == ErrorKind::MissingCredentials => {
                return ClientConfig::from_profile_file(&path, None);
            }
            (Err(error), _) => return Err(error),
        };
        if let Some(region) = non_empty_env(ENV_REGION) {
            config.region = region;
        }
        config.endpoint = non_empty_env(ENV_ENDPOINT);
        Ok(config)
    }

    /// Reads profile `name` of bce-cli's `~/.bce/config.json`: its credentials,
    /// region and endpoint. Empty profile fields are filled from the `BCE_*`
    /// environment variables, as bce-cli does. A missing file or profile is an
    /// error that names both.
    pub fn from_profile(name: &str) -> Result<Self, Error> {
        let Some(path) = default_config_path() else {
            return Err(Error::new(
                ErrorKind::MissingCredentials,
                format!("cannot load profile {name:?}: HOME is not set, so ~/.bce/config.json cannot be found"),
            ));
        };
        ClientConfig::from_profile_file(&path, Some(name))
    }

    /// Reads the `current` profile of bce-cli's `~/.bce/config.json`.
    pub fn from_default_profile() -> Result<Self, Error> {
        let Some(path) = default_config_path() else {
            return Err(Error::new(
                ErrorKind::MissingCredentials,
                "cannot load the current profile: HOME is not set, so ~/.bce/config.json cannot be found",
            ));
        };
        ClientConfig::from_profile_file(&path, None)
    }

    /// Reads a profile from a bce-cli configuration file at `path`: profile
    /// `name`, or the file's `current` profile when `name` is `None`.
    pub fn from_profile_file(path: &std::path::Path, name: Option<&str>) -> Result<Self, Error> {
        let profile = load_profile(path, name)?;
        let mut config = ClientConfig::new(profile.credentials);
        if let Some(region) = profile.region {
            config.region = region;
        }
        config.endpoint = profile.endpoint.or_else(|| non_empty_env(ENV_ENDPOINT));
        Ok(config)
    }

    /// Returns the endpoint that requests go to.
    pub fn resolve_endpoint(&self) -> Result<Endpoint, Error> {
        match &self.endpoint {
            Some(url) => Endpoint::parse(url),
            None => Endpoint::for_region(&self.region),
        }
    }

    /// Checks every setting and returns the first problem found.
    pub fn validate(&self) -> Result<Endpoint, Error> {
        if self.api_version == 0 {
            return Err(Error::invalid_argument("invalid API version 0: use 2, the current BCC API version"));
        }
        if self.connect_timeout.is_zero() || self.request_timeout.is_zero() {
            return Err(Error::invalid_argument(
                "invalid timeout: connect and request timeouts must be greater than zero",
            ));
        }
        if self.expiration_seconds == 0 {
            return Err(Error::invalid_argument(
                "invalid signature expiration 0 s: use a positive number of seconds, such as 1800",
            ));
        }
        self.retry.validate()?;
        self.resolve_endpoint()
    }
}

/// Reads PEM-encoded CA certificates from `path`, for
/// [`ClientConfig::ca_certificates_pem`].
pub fn read_ca_file(path: &std::path::Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|error| {
        let problem = if error.kind() == std::io::ErrorKind::NotFound {
            "not found".to_string()
        } else {
            format!("could not be read ({error})")
        };
        Error::invalid_argument(format!(
            "invalid CA certificate file {}: the file {problem}; give the path of a PEM file",
            path.display()
        ))
    })
}
