//! Renames over https against the emulator with a private CA: an untrusted
//! certificate fails with a clear TLS error, and the call succeeds only when the
//! caller passes that CA, from Rust and from C.

mod c_harness;
mod common;
mod tls_certs;

use std::time::Duration;

use bcc_emulator::{Emulator, EmulatorConfig, TlsFiles};
use bcc_image::config::read_ca_file;
use bcc_image::{Client, ClientConfig, Credentials, ErrorKind};
use common::{ACCESS_KEY_ID, IMAGE_ID, OLD_NAME, SECRET_ACCESS_KEY};
use tls_certs::TestCertificates;

/// Starts an https emulator with the server certificate of `certificates`.
fn start_tls_emulator(certificates: &TestCertificates) -> Emulator {
    Emulator::start(EmulatorConfig {
        credentials: vec![(ACCESS_KEY_ID.to_string(), SECRET_ACCESS_KEY.to_string())],
        images: vec![(IMAGE_ID.to_string(), OLD_NAME.to_string())],
        tls: Some(TlsFiles {
            certificate_chain: certificates.server_certificate.clone(),
            private_key: certificates.server_key.clone(),
        }),
        ..EmulatorConfig::default()
    })
    .expect("the TLS emulator starts on 127.0.0.1")
}

/// Returns a configuration for `emulator` that allows retries, so a test can
/// check that TLS failures are not retried.
fn https_config(emulator: &Emulator) -> ClientConfig {
    let mut config = ClientConfig::new(Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY).unwrap());
    config.endpoint = Some(emulator.endpoint());
    config.request_timeout = Duration::from_secs(10);
    config.retry.max_attempts = 3;
    config.retry.base_delay = Duration::from_millis(10);
    config
}

#[test]
fn untrusted_certificate_is_tls_error() {
    let certificates = TestCertificates::create();
    let emulator = start_tls_emulator(&certificates);

    let error = Client::new(https_config(&emulator)).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap_err();

    assert!(emulator.endpoint().starts_with("https://127.0.0.1:"));
    assert_eq!(error.kind(), ErrorKind::Tls, "{error}");
    assert!(error.message().contains("UnknownIssuer"), "the problem is not named: {error}");
    assert!(error.message().contains("pass its certificate as the trusted CA"), "no fix given: {error}");
    assert_eq!(error.attempts(), 1, "a certificate error is not retried");
    assert_eq!(emulator.requests_received(), 0);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some(OLD_NAME));
}

#[test]
fn trusted_ca_renames_over_https() {
    let certificates = TestCertificates::create();
    let emulator = start_tls_emulator(&certificates);
    let mut config = https_config(&emulator);
    config.ca_certificates_pem = Some(read_ca_file(&certificates.ca_certificate).unwrap());

    let output = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap();

    assert_eq!(output.attempts, 1);
    assert_eq!(emulator.requests_received(), 1);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("newName"));
}

#[test]
fn other_ca_is_not_trusted() {
    let certificates = TestCertificates::create();
    let other_certificates = TestCertificates::create();
    let emulator = start_tls_emulator(&certificates);
    let mut config = https_config(&emulator);
    config.ca_certificates_pem = Some(read_ca_file(&other_certificates.ca_certificate).unwrap());

    let error = Client::new(config).unwrap().rename_image(IMAGE_ID, "newName", None).unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Tls, "{error}");
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some(OLD_NAME));
}

#[test]
fn missing_ca_file_names_path() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-ca.pem");

    let error = read_ca_file(&path).unwrap_err();

    assert_eq!(error.kind(), ErrorKind::InvalidArgument);
    assert!(error.message().contains(&path.display().to_string()), "{error}");
    assert!(error.message().contains("not found"), "{error}");
}

#[test]
fn non_pem_ca_rejected() {
    let credentials = Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY).unwrap();
    let mut config = ClientConfig::new(credentials);
    config.endpoint = Some("https://127.0.0.1:9".to_string());
    config.ca_certificates_pem = Some(b"this is not a certificate".to_vec());

    let error = Client::new(config).unwrap_err();

    assert_eq!(error.kind(), ErrorKind::InvalidArgument);
    assert!(error.message().contains("no certificate found"), "{error}");
}

#[test]
fn c_ca_file_option() {
    let certificates = TestCertificates::create();
    let emulator = start_tls_emulator(&certificates);
    let missing_ca_file = certificates.ca_certificate.with_file_name("missing-ca.pem");
    let binary = c_harness::compile("tests/c/tls.c", &[]);

    let output = c_harness::run(
        &binary,
        &[
            &emulator.endpoint(),
            &certificates.ca_certificate.display().to_string(),
            &missing_ca_file.display().to_string(),
        ],
    );

    assert!(output.success, "stdout:\n{}\nstderr:\n{}", output.stdout, output.stderr);
    assert!(output.stdout.contains(", 0 failed"), "{}", output.stdout);
    assert_eq!(emulator.image_name(IMAGE_ID).as_deref(), Some("tlsName"));
}
