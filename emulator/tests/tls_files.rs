//! TLS files that cannot be used stop the emulator from starting, with a message
//! that names the file.

use std::path::PathBuf;

use bcc_emulator::{Emulator, EmulatorConfig, TlsFiles};

fn start_with(tls: TlsFiles) -> std::io::Error {
    let config = EmulatorConfig { tls: Some(tls), ..EmulatorConfig::default() };
    Emulator::start(config).expect_err("the emulator must not start")
}

#[test]
fn missing_certificate_file_named() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-server.pem");

    let error = start_with(TlsFiles { certificate_chain: missing.clone(), private_key: missing.clone() });

    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    assert!(error.to_string().contains(&missing.display().to_string()), "{error}");
    assert!(error.to_string().contains("invalid TLS certificate file"), "{error}");
}

#[test]
fn file_without_certificate_rejected() {
    let not_pem = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("not-a-certificate.pem");
    std::fs::write(&not_pem, "this is not PEM\n").unwrap();

    let error = start_with(TlsFiles { certificate_chain: not_pem.clone(), private_key: not_pem });

    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    assert!(error.to_string().contains("no CERTIFICATE block found"), "{error}");
}
