//! Credentials and endpoint from the environment. One test function changes the
//! environment, so that no other test in this binary races it.

use bcc_image::{ClientConfig, ErrorKind};

#[test]
fn environment_credentials() {
    for name in ["BCE_ACCESS_KEY_ID", "BCE_SECRET_ACCESS_KEY", "BCE_SECURITY_TOKEN", "BCE_REGION", "BCE_ENDPOINT"] {
        std::env::remove_var(name);
    }
    // A HOME without ~/.bce/config.json, so no bce-cli profile fills in.
    std::env::set_var("HOME", env!("CARGO_TARGET_TMPDIR"));

    // Nothing set: the error names both variables.
    let error = ClientConfig::from_env().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::MissingCredentials);
    assert!(error.message().contains("BCE_ACCESS_KEY_ID"), "{error}");
    assert!(error.message().contains("BCE_SECRET_ACCESS_KEY"), "{error}");

    // Only the secret missing: the error names it.
    std::env::set_var("BCE_ACCESS_KEY_ID", "AKID");
    let error = ClientConfig::from_env().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::MissingCredentials);
    assert!(error.message().contains("BCE_SECRET_ACCESS_KEY not set"), "{error}");

    // An empty variable counts as unset.
    std::env::set_var("BCE_SECRET_ACCESS_KEY", "");
    assert_eq!(ClientConfig::from_env().unwrap_err().kind(), ErrorKind::MissingCredentials);

    // Everything set.
    std::env::set_var("BCE_SECRET_ACCESS_KEY", "SK");
    std::env::set_var("BCE_SECURITY_TOKEN", "TOKEN");
    std::env::set_var("BCE_REGION", "gz");
    let config = ClientConfig::from_env().unwrap();
    assert_eq!(config.credentials.access_key_id(), "AKID");
    assert_eq!(config.credentials.secret_access_key().expose(), "SK");
    assert_eq!(config.credentials.security_token().map(|token| token.expose()), Some("TOKEN"));
    assert_eq!(config.resolve_endpoint().unwrap().base_url(), "https://bcc.gz.baidubce.com");

    // BCE_ENDPOINT overrides the region.
    std::env::set_var("BCE_ENDPOINT", "http://127.0.0.1:8080");
    let config = ClientConfig::from_env().unwrap();
    assert_eq!(config.resolve_endpoint().unwrap().base_url(), "http://127.0.0.1:8080");
}
