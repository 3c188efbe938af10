//! HTTP for the rename: one ureq agent per client, one attempt per call here.

use std::io::Read;
use std::time::Duration;

use ureq::tls::{Certificate, RootCerts, TlsConfig};
use ureq::Agent;

use crate::config::ClientConfig;
use crate::error::{Error, ErrorKind};
use crate::error_body::parse_error_response;
use crate::request::{AttemptHeaders, RenameRequest};
use crate::resolver::CachingResolver;

/// `User-Agent` of every request: the library and its version.
pub const USER_AGENT: &str = concat!("bcc-image/", env!("CARGO_PKG_VERSION"), " (rust)");

/// Maximum error body read, in bytes. BCE error bodies are a few hundred bytes, so
/// anything larger is a proxy page or garbage and is cut.
const MAX_ERROR_BODY_BYTES: u64 = 64 * 1024;

/// Builds the agent that a client keeps for its lifetime, so connections are
/// reused (keep-alive) across calls and threads.
pub fn build_agent(config: &ClientConfig) -> Result<Agent, Error> {
    let mut builder = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(USER_AGENT)
        .timeout_connect(Some(config.connect_timeout));

    if let Some(pem) = &config.ca_certificates_pem {
        let certificates = parse_ca_certificates(pem)?;
        let tls = TlsConfig::builder().root_certs(RootCerts::new_with_certs(&certificates)).build();
        builder = builder.tls_config(tls);
    }
    let connector = ureq::unversioned::transport::DefaultConnector::new();
    Ok(Agent::with_parts(builder.build(), connector, CachingResolver::default()))
}

fn parse_ca_certificates(pem: &[u8]) -> Result<Vec<Certificate<'static>>, Error> {
    let mut certificates = Vec::new();
    for item in ureq::tls::parse_pem(pem) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(certificate)) => certificates.push(certificate),
            Ok(_) => {}
            Err(error) => {
                return Err(Error::invalid_argument(format!(
                    "invalid CA certificate: the PEM data could not be parsed ({error}); give PEM-encoded certificates"
                )))
            }
        }
    }
    if certificates.is_empty() {
        return Err(Error::invalid_argument(
            "invalid CA certificate: no certificate found; give PEM-encoded certificates (-----BEGIN CERTIFICATE-----)",
        ));
    }
    Ok(certificates)
}

/// Sends one attempt and returns the status and `x-bce-request-id` of a 2xx
/// response.
///
/// `timeout` bounds the whole attempt, connecting included.
pub fn send_rename(
    agent: &Agent,
    request: &RenameRequest,
    headers: &AttemptHeaders<'_>,
    timeout: Duration,
) -> Result<(u16, Option<String>), Error> {
    let mut builder = agent.put(&request.url);
    for (name, value) in headers.pairs() {
        builder = builder.header(name, value);
    }
    let builder = builder.config().timeout_global(Some(timeout)).build();

    let mut response = builder.send(request.body.as_bytes()).map_err(map_ureq_error)?;
    let status = response.status().as_u16();
    let request_id = response
        .headers()
        .get("x-bce-request-id")
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);

    // Reading the body to its end lets the agent reuse the connection, also when a
    // 200 unexpectedly carries a body. A body over the limit is cut there, so its
    // error still quotes the start, and its connection is closed, not reused.
    let mut body = Vec::new();
    let body = response
        .body_mut()
        .as_reader()
        .take(MAX_ERROR_BODY_BYTES)
        .read_to_end(&mut body)
        .map(|_| body)
        .map_err(|error| map_ureq_error(ureq::Error::from(error)));

    if (200..300).contains(&status) {
        body?;
        return Ok((status, request_id));
    }
    let body = body.unwrap_or_default();
    Err(parse_error_response(status, &body, request_id))
}

/// Turns a ureq error into a timeout, TLS or transport error.
fn map_ureq_error(error: ureq::Error) -> Error {
    match &error {
        ureq::Error::Timeout(which) => Error::new(
            ErrorKind::TimedOut,
            format!("request timed out ({which}); check the endpoint, or raise the timeout"),
        ),
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => tls_error(&error),
        ureq::Error::Io(io_error) if is_tls_io_error(io_error) => tls_error(&error),
        ureq::Error::Io(io_error) if io_error.kind() == std::io::ErrorKind::TimedOut => Error::new(
            ErrorKind::TimedOut,
            format!("request timed out ({io_error}); check the endpoint, or raise the timeout"),
        ),
        ureq::Error::HostNotFound => Error::new(
            ErrorKind::Transport,
            "connection failed: host not found; check the region or endpoint",
        ),
        _ => Error::new(ErrorKind::Transport, format!("connection failed: {error}; check the endpoint and network")),
    }
}

fn tls_error(error: &ureq::Error) -> Error {
    Error::new(
        ErrorKind::Tls,
        format!("TLS handshake failed: {error}; if the server uses a private CA, pass its certificate as the trusted CA"),
    )
}

/// Returns whether an I/O error wraps a rustls error, as ureq reports failed
/// certificate checks.
fn is_tls_io_error(error: &std::io::Error) -> bool {
    let Some(inner) = error.get_ref() else {
        return false;
    };
    let text = inner.to_string();
    text.contains("certificate") || text.contains("InvalidCertificate") || text.contains("handshake")
}
