//! Secrets never appear in Debug output or error messages.

use bcc_image::{Client, ClientConfig, Credentials, ErrorKind};

const SECRET: &str = "SECRETsecret0123456789";
const TOKEN: &str = "STSTOKENsts0123456789";

#[test]
fn credentials_debug_redacts_secrets() {
    let credentials = Credentials::new("AKID", SECRET).unwrap().with_security_token(TOKEN).unwrap();
    let text = format!("{credentials:?}");
    assert!(text.contains("AKID"), "{text}");
    assert!(!text.contains(SECRET), "{text}");
    assert!(!text.contains(TOKEN), "{text}");
}

#[test]
fn client_debug_redacts_secrets() {
    let credentials = Credentials::new("AKID", SECRET).unwrap().with_security_token(TOKEN).unwrap();
    let client = Client::new(ClientConfig::new(credentials)).unwrap();
    let text = format!("{client:?}");
    assert!(!text.contains(SECRET), "{text}");
    assert!(!text.contains(TOKEN), "{text}");
}

#[test]
fn bad_secret_error_hides_value() {
    let error = Credentials::new("AKID", "secret with space").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidArgument);
    assert!(!error.to_string().contains("secret with space"), "{error}");
}

#[test]
fn transport_error_hides_secrets() {
    let credentials = Credentials::new("AKID", SECRET).unwrap().with_security_token(TOKEN).unwrap();
    let mut config = ClientConfig::new(credentials);
    // Port 1 on loopback refuses the connection at once.
    config.endpoint = Some("http://127.0.0.1:1".to_string());
    config.retry.max_attempts = 1;
    let error = Client::new(config).unwrap().rename_image("m-1849ef6b", "newName", None).unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Transport);
    let text = format!("{error} {error:?}");
    assert!(!text.contains(SECRET), "{text}");
    assert!(!text.contains(TOKEN), "{text}");
    assert!(!text.contains("bce-auth-v1"), "{text}");
}
