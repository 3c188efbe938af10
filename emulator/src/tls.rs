//! Optional TLS: serves https with a PEM certificate chain and private key, so
//! tests can check certificate verification and CA options of a client.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio_rustls::rustls::crypto::ring;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::TlsAcceptor;

/// PEM files of the server's identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    /// The server certificate, optionally followed by intermediate certificates.
    pub certificate_chain: PathBuf,
    /// The private key of the server certificate (PKCS#8, PKCS#1 or SEC1).
    pub private_key: PathBuf,
}

/// Reads the PEM files and builds the acceptor. Fails with `InvalidInput` and a
/// message naming the file when a file is missing, unreadable or contains no usable
/// certificate or key.
pub fn build_acceptor(files: &TlsFiles) -> io::Result<TlsAcceptor> {
    let certificates = read_certificates(&files.certificate_chain)?;
    let private_key = PrivateKeyDer::from_pem_file(&files.private_key)
        .map_err(|error| invalid_file("TLS private key", &files.private_key, error))?;

    // The provider is given explicitly, so the build does not depend on which
    // rustls provider features other crates in the graph turn on.
    let config = ServerConfig::builder_with_provider(Arc::new(ring::default_provider()))
        .with_safe_default_protocol_versions()
        .and_then(|builder| builder.with_no_client_auth().with_single_cert(certificates, private_key))
        .map_err(|error| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "invalid TLS identity {} and {}: {error}; give a certificate and its matching private key",
                    files.certificate_chain.display(),
                    files.private_key.display()
                ),
            )
        })?;
    Ok(TlsAcceptor::from(Arc::new(config)))
}

fn read_certificates(path: &Path) -> io::Result<Vec<CertificateDer<'static>>> {
    let certificates = CertificateDer::pem_file_iter(path)
        .and_then(|items| items.collect::<Result<Vec<_>, _>>())
        .map_err(|error| invalid_file("TLS certificate", path, error))?;
    if certificates.is_empty() {
        return Err(invalid_file("TLS certificate", path, "no CERTIFICATE block found"));
    }
    Ok(certificates)
}

fn invalid_file(file_kind: &str, path: &Path, error: impl std::fmt::Display) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("invalid {file_kind} file {}: {error}; give a PEM file", path.display()),
    )
}
