//! Test certificates made with the `openssl` command: a private CA and a server
//! certificate that it signed for 127.0.0.1.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Days the certificates are valid. The files live only as long as a test run.
const VALID_DAYS: &str = "2";

/// The CA's settings: webpki, which rustls uses, accepts a CA certificate only
/// with the CA flag set, and checks the key usages.
const CA_CONFIG: &str = "\
[req]
distinguished_name = subject
prompt = no

[subject]
CN = bcc-image test CA

[ca_extensions]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
";

/// The server certificate's extensions. Clients match 127.0.0.1 against an IP
/// subject alternative name, never against the common name.
const SERVER_EXTENSIONS: &str = "\
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
authorityKeyIdentifier = keyid
";

static DIRECTORIES: AtomicUsize = AtomicUsize::new(0);

/// PEM files in a fresh folder under `CARGO_TARGET_TMPDIR/tls-certificates`.
pub struct TestCertificates {
    /// Certificate of the CA that signed `server_certificate`.
    pub ca_certificate: PathBuf,
    /// Server certificate for IP 127.0.0.1.
    pub server_certificate: PathBuf,
    /// Private key of `server_certificate`.
    pub server_key: PathBuf,
}

impl TestCertificates {
    /// Creates a CA and a server certificate for 127.0.0.1 that it signed.
    pub fn create() -> Self {
        let directory = fresh_directory();
        let ca_config = directory.join("ca.cnf");
        let ca_certificate = directory.join("ca.pem");
        std::fs::write(&ca_config, CA_CONFIG).unwrap();
        let ca_command = ["req", "-x509", "-new", "-config", "ca.cnf", "-extensions", "ca_extensions", "-days", VALID_DAYS];
        openssl_with_new_key(&directory, &ca_command, &["-keyout", "ca.key", "-out", "ca.pem"]);

        let server_key = directory.join("server.key");
        let request_command = ["req", "-new", "-config", "ca.cnf", "-subj", "/CN=127.0.0.1"];
        openssl_with_new_key(&directory, &request_command, &["-keyout", "server.key", "-out", "server.csr"]);

        let server_extensions = directory.join("server.ext");
        let server_certificate = directory.join("server.pem");
        std::fs::write(&server_extensions, SERVER_EXTENSIONS).unwrap();
        run_openssl(&directory, &[
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "2",
            "-days", VALID_DAYS, "-extfile", "server.ext", "-out", "server.pem",
        ]);

        TestCertificates { ca_certificate, server_certificate, server_key }
    }
}

/// Runs `openssl` with `command`, a new P-256 key without a passphrase, and `outputs`.
fn openssl_with_new_key(directory: &Path, command: &[&str], outputs: &[&str]) {
    let key_options = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    let arguments: Vec<&str> = command.iter().chain(&key_options).chain(outputs).copied().collect();
    run_openssl(directory, &arguments);
}

fn run_openssl(directory: &Path, arguments: &[&str]) {
    let output = Command::new("openssl")
        .args(arguments)
        .current_dir(directory)
        .output()
        .expect("the openssl command runs; install OpenSSL's command-line tool");
    assert!(
        output.status.success(),
        "openssl {} failed:\n{}",
        arguments.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn fresh_directory() -> PathBuf {
    let unique = DIRECTORIES.fetch_add(1, Ordering::Relaxed);
    let name = format!("{}-{unique}", std::process::id());
    let directory = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tls-certificates").join(name);
    // A folder left by an earlier process with the same id is replaced.
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).unwrap();
    directory
}
