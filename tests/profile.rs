//! bce-cli profiles in `~/.bce/config.json`. One test function changes the
//! environment, so no other test in this binary races it.

use std::path::PathBuf;

use bcc_image::{ClientConfig, ErrorKind};

const CONFIG: &str = r#"{
  "current": "dev",
  "profiles": [
    {"name": "dev", "mode": "AK", "access_key_id": "dev-ak", "secret_access_key": "dev-sk",
     "security_token": "", "region": "gz", "endpoint": "", "language": "en"},
    {"name": "sts", "mode": "StsToken", "access_key_id": "sts-ak", "secret_access_key": "sts-sk",
     "security_token": "sts-token", "region": "", "endpoint": "http://127.0.0.1:9000", "language": "zh"},
    {"name": "sts-without-token", "mode": "StsToken", "access_key_id": "a", "secret_access_key": "b"},
    {"name": "empty-keys", "mode": "AK", "access_key_id": "", "secret_access_key": ""},
    {"name": "odd-mode", "mode": "Password", "access_key_id": "a", "secret_access_key": "b"}
  ]
}"#;

/// Creates `<tmp>/<test>/.bce/config.json` with `text` and returns the home folder.
fn write_home(test: &str, text: &str) -> PathBuf {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("profile-homes").join(test);
    std::fs::create_dir_all(home.join(".bce")).unwrap();
    std::fs::write(home.join(".bce").join("config.json"), text).unwrap();
    home
}

fn clear_environment() {
    for name in ["BCE_ACCESS_KEY_ID", "BCE_SECRET_ACCESS_KEY", "BCE_SECURITY_TOKEN", "BCE_REGION", "BCE_ENDPOINT"] {
        std::env::remove_var(name);
    }
}

#[test]
fn profiles_from_config_file() {
    clear_environment();
    let home = write_home("main", CONFIG);
    let path = home.join(".bce").join("config.json");
    let path_text = path.display().to_string();

    // The current profile, with its region.
    let config = ClientConfig::from_profile_file(&path, None).unwrap();
    assert_eq!(config.credentials.access_key_id(), "dev-ak");
    assert_eq!(config.credentials.secret_access_key().expose(), "dev-sk");
    assert_eq!(config.credentials.security_token(), None);
    assert_eq!(config.resolve_endpoint().unwrap().base_url(), "https://bcc.gz.baidubce.com");

    // A named StsToken profile with an endpoint.
    let config = ClientConfig::from_profile_file(&path, Some("sts")).unwrap();
    assert_eq!(config.credentials.security_token().map(|token| token.expose()), Some("sts-token"));
    assert_eq!(config.endpoint.as_deref(), Some("http://127.0.0.1:9000"));

    // An unknown profile: the error names it, the path and the known profiles.
    let error = ClientConfig::from_profile_file(&path, Some("prod")).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::MissingCredentials);
    assert!(error.message().contains("\"prod\" not found"), "{error}");
    assert!(error.message().contains(&path_text), "{error}");
    assert!(error.message().contains("dev, sts"), "{error}");

    // StsToken mode requires a token.
    let error = ClientConfig::from_profile_file(&path, Some("sts-without-token")).unwrap_err();
    assert!(error.message().contains("has mode StsToken but no security_token"), "{error}");

    // An unknown mode is rejected.
    let error = ClientConfig::from_profile_file(&path, Some("odd-mode")).unwrap_err();
    assert!(error.message().contains("invalid mode \"Password\""), "{error}");

    // Empty keys without environment variables.
    let error = ClientConfig::from_profile_file(&path, Some("empty-keys")).unwrap_err();
    assert!(error.message().contains("has no access_key_id or secret_access_key"), "{error}");

    // Empty keys are filled from the environment, as bce-cli does.
    std::env::set_var("BCE_ACCESS_KEY_ID", "env-ak");
    std::env::set_var("BCE_SECRET_ACCESS_KEY", "env-sk");
    let config = ClientConfig::from_profile_file(&path, Some("empty-keys")).unwrap();
    assert_eq!(config.credentials.access_key_id(), "env-ak");
    clear_environment();

    // A malformed file: the error names the path and the profile.
    let bad_home = write_home("malformed", "{\"profiles\": [");
    let bad_path = bad_home.join(".bce").join("config.json");
    let error = ClientConfig::from_profile_file(&bad_path, Some("dev")).unwrap_err();
    assert!(error.message().contains("not valid JSON"), "{error}");
    assert!(error.message().contains(&bad_path.display().to_string()), "{error}");
    assert!(error.message().contains("\"dev\""), "{error}");

    // A missing file.
    let missing = home.join("nowhere.json");
    let error = ClientConfig::from_profile_file(&missing, Some("dev")).unwrap_err();
    assert!(error.message().contains("not found"), "{error}");
    assert!(error.message().contains("nowhere.json"), "{error}");

    // from_profile reads $HOME/.bce/config.json.
    std::env::set_var("HOME", &home);
    let config = ClientConfig::from_profile("sts").unwrap();
    assert_eq!(config.credentials.access_key_id(), "sts-ak");

    // from_env falls back to the current profile when the environment has no keys.
    let config = ClientConfig::from_env().unwrap();
    assert_eq!(config.credentials.access_key_id(), "dev-ak");

    // The environment comes before the profile.
    std::env::set_var("BCE_ACCESS_KEY_ID", "env-ak");
    std::env::set_var("BCE_SECRET_ACCESS_KEY", "env-sk");
    let config = ClientConfig::from_env().unwrap();
    assert_eq!(config.credentials.access_key_id(), "env-ak");
    clear_environment();

    // No keys and no file: the error names the variables.
    std::env::set_var("HOME", home.join("empty-home"));
    let error = ClientConfig::from_env().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::MissingCredentials);
    assert!(error.message().contains("BCE_ACCESS_KEY_ID"), "{error}");
}
