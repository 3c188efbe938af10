//! The client: validates, signs, sends and retries one rename.

use std::time::Instant;

use log::{debug, info, warn};

use crate::config::ClientConfig;
use crate::endpoint::Endpoint;
use crate::error::{Error, ErrorKind};
use crate::request::RenameRequest;
use crate::retry::is_retryable;
use crate::sign::now_unix_seconds;
use crate::transport::{build_agent, send_rename};
use crate::validate::{validate_client_token, validate_image_id, validate_image_name};

/// Result of a successful rename.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameOutput {
    /// The `x-bce-request-id` of the successful response, for Baidu support.
    /// `None` only if the server sent no such header.
    pub request_id: Option<String>,
    /// The clientToken used: the caller's, or the UUID v4 generated for the call.
    pub client_token: String,
    /// How many HTTP attempts the call made, the successful one included.
    pub attempts: u32,
}

/// A BCC client. It is `Send + Sync`: share one client across threads, so that
/// every call reuses its pooled keep-alive connections.
#[derive(Debug)]
pub struct Client {
    config: ClientConfig,
    endpoint: Endpoint,
    base_url: String,
    agent: ureq::Agent,
}

impl Client {
    /// Checks the configuration and builds the client. Nothing is sent yet.
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        let endpoint = config.validate()?;
        let agent = build_agent(&config)?;
        let base_url = endpoint.base_url();
        Ok(Client {
            config,
            endpoint,
            base_url,
            agent,
        })
    }

    /// Builds a client from `BCE_ACCESS_KEY_ID`, `BCE_SECRET_ACCESS_KEY`,
    /// `BCE_SECURITY_TOKEN`, `BCE_REGION` and `BCE_ENDPOINT`.
    pub fn from_env() -> Result<Self, Error> {
        Client::new(ClientConfig::from_env()?)
    }

    /// Returns the configuration the client was built with.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Returns the endpoint that requests go to.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Renames a custom image, retrying as the [`crate::RetryPolicy`] allows.
    ///
    /// `image_id`, `name` and `client_token` are checked before any I/O. Without a
    /// `client_token`, a UUID v4 is generated. Every attempt of the call sends the
    /// same token with a fresh `x-bce-date` and signature, so the server applies
    /// the rename at most once, even when a response is lost and the call retries.
    ///
    /// ```no_run
    /// use bcc_image::{Client, ErrorKind};
    ///
    /// let client = Client::from_env()?;
    /// match client.rename_image("m-1849ef6b", "newName", None) {
    ///     Ok(output) => println!("renamed, request id {:?}", output.request_id),
    ///     Err(error) if error.code() == Some("NoSuchObject") => eprintln!("no such image: {error}"),
    ///     Err(error) if error.kind() == ErrorKind::InvalidArgument => eprintln!("fix the input: {error}"),
    ///     Err(error) => eprintln!("rename failed: {error}"),
    /// }
    /// # Ok::<(), bcc_image::Error>(())
    /// ```
    pub fn rename_image(&self, image_id: &str, name: &str, client_token: Option<&str>) -> Result<RenameOutput, Error> {
        validate_image_id(image_id)?;
        if self.config.validate_names {
            validate_image_name(name)?;
        }
        let client_token = match client_token {
            Some(token) => {
                validate_client_token(token)?;
                token.to_string()
            }
            None => uuid::Uuid::new_v4().to_string(),
        };

        let request = RenameRequest::new(
            &self.base_url,
            &self.endpoint.host,
            self.config.api_version,
            image_id,
            name,
            &client_token,
        );
        let (request_id, attempts) = self.send_with_retries(&request, image_id)?;
        Ok(RenameOutput {
            request_id,
            client_token,
            attempts,
        })
    }

    /// Sends `request` until it succeeds, fails in a way that is not retried, or
    /// runs out of attempts or time. Returns the request id and the attempt count.
    fn send_with_retries(&self, request: &RenameRequest, image_id: &str) -> Result<(Option<String>, u32), Error> {
        let policy = &self.config.retry;
        let started = Instant::now();
        let mut attempt = 1;

        loop {
            let Some(remaining) = policy.deadline.checked_sub(started.elapsed()).filter(|left| !left.is_zero()) else {
                return Err(deadline_error(policy.deadline, attempt - 1));
            };
            let timeout = self.config.request_timeout.min(remaining);

            debug!(
                "sending PUT {} for image {image_id}, clientToken {}, attempt {attempt} of {}",
                request.path, request.client_token, policy.max_attempts
            );
            let headers = request.signed_headers(&self.config.credentials, now_unix_seconds(), self.config.expiration_seconds);
            let error = match send_rename(&self.agent, request, &headers, timeout) {
                Ok((status, request_id)) => {
                    info!(
                        "renamed image {image_id}: HTTP {status}, request id {}, {attempt} attempt(s)",
                        request_id.as_deref().unwrap_or("none")
                    );
                    return Ok((request_id, attempt));
                }
                Err(error) => error.with_attempts(attempt),
            };

            if !is_retryable(&error) || attempt >= policy.max_attempts {
                info!("rename of image {image_id} failed after {attempt} attempt(s): {error}");
                return Err(error);
            }

            let delay = policy.backoff_delay(attempt, jitter_source());
            if started.elapsed() + delay >= policy.deadline {
                info!("rename of image {image_id} failed: no time left in the deadline to retry after {error}");
                return Err(error);
            }
            warn!(
                "retrying rename of image {image_id} (attempt {} of {}) in {} ms after: {error}",
                attempt + 1,
                policy.max_attempts,
                delay.as_millis()
            );
            std::thread::sleep(delay);
            attempt += 1;
        }
    }
}

fn deadline_error(deadline: std::time::Duration, attempts: u32) -> Error {
    Error::new(
        ErrorKind::TimedOut,
        format!(
            "rename timed out: the deadline of {} ms ran out; raise the retry deadline",
            deadline.as_millis()
        ),
    )
    .with_attempts(attempts)
}

/// Returns a random number for backoff jitter. A UUID v4 carries 122 random bits
/// from the operating system, and `uuid` is already a dependency.
fn jitter_source() -> u64 {
    uuid::Uuid::new_v4().as_u64_pair().0
}
