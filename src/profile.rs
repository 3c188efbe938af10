//! Profiles of Baidu's bce-cli in `~/.bce/config.json`, an optional source of
//! credentials, region and endpoint.
//!
//! The file is `{"current": NAME, "profiles": [{"name", "mode", "access_key_id",
//! "secret_access_key", "security_token", "region", "endpoint", "language"}]}`.
//! `mode` is `AK` or `StsToken`, and `StsToken` requires a security token. Like
//! bce-cli, empty profile fields are filled from `BCE_ACCESS_KEY_ID`,
//! `BCE_SECRET_ACCESS_KEY`, `BCE_SECURITY_TOKEN` and `BCE_REGION`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::config::ENV_REGION;
use crate::credentials::{non_empty_env, Credentials, ENV_ACCESS_KEY_ID, ENV_SECRET_ACCESS_KEY, ENV_SECURITY_TOKEN};
use crate::error::{Error, ErrorKind};

/// One profile, with its credentials checked.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The profile's name.
    pub name: String,
    /// Its credentials.
    pub credentials: Credentials,
    /// Its region, if set.
    pub region: Option<String>,
    /// Its endpoint URL, if set.
    pub endpoint: Option<String>,
}

/// Returns `$HOME/.bce/config.json`, or `None` when `HOME` is unset.
pub fn default_config_path() -> Option<PathBuf> {
    non_empty_env("HOME").map(|home| Path::new(&home).join(".bce").join("config.json"))
}

/// Reads profile `name` from the file at `path`, or the file's `current` profile
/// when `name` is `None`.
///
/// A missing or unreadable file, malformed JSON, an unknown profile and missing
/// keys are errors that name the path and the profile.
pub fn load_profile(path: &Path, name: Option<&str>) -> Result<Profile, Error> {
    let path_text = path.display();
    let requested = name.unwrap_or("(current)");
    let text = std::fs::read_to_string(path).map_err(|error| {
        let problem = if error.kind() == std::io::ErrorKind::NotFound {
            "the file was not found".to_string()
        } else {
            format!("the file could not be read ({error})")
        };
        profile_error(format!(
            "cannot load profile {requested:?} from {path_text}: {problem}; create it with bce-cli (bce configure) or use environment variables"
        ))
    })?;

    let document: Value = serde_json::from_str(&text).map_err(|error| {
        profile_error(format!("cannot load profile {requested:?} from {path_text}: the file is not valid JSON ({error})"))
    })?;

    let name = match name {
        Some(name) => name.to_string(),
        None => match document.get("current").and_then(Value::as_str) {
            Some(current) if !current.is_empty() => current.to_string(),
            _ => {
                return Err(profile_error(format!(
                    "cannot load a profile from {path_text}: no profile was named and the file has no \"current\" profile; name one"
                )))
            }
        },
    };

    let Some(profiles) = document.get("profiles").and_then(Value::as_array) else {
        return Err(profile_error(format!(
            "cannot load profile {name:?} from {path_text}: the file has no \"profiles\" list"
        )));
    };
    let Some(entry) = profiles.iter().find(|entry| entry.get("name").and_then(Value::as_str) == Some(name.as_str())) else {
        let known: Vec<&str> = profiles.iter().filter_map(|entry| entry.get("name").and_then(Value::as_str)).collect();
        return Err(profile_error(format!(
            "profile {name:?} not found in {path_text}; the file has {}",
            if known.is_empty() { "no profiles".to_string() } else { format!("profiles {}", known.join(", ")) }
        )));
    };

    parse_profile(entry, &name, &path_text.to_string())
}

/// Builds a profile from its JSON entry, filling empty fields from the
/// environment as bce-cli does.
fn parse_profile(entry: &Value, name: &str, path: &str) -> Result<Profile, Error> {
    let field = |key: &str, env_name: &str| -> Option<String> {
        let value = entry.get(key).and_then(Value::as_str).unwrap_or_default();
        if value.is_empty() {
            non_empty_env(env_name)
        } else {
            Some(value.to_string())
        }
    };

    let access_key_id = field("access_key_id", ENV_ACCESS_KEY_ID);
    let secret_access_key = field("secret_access_key", ENV_SECRET_ACCESS_KEY);
    let security_token = field("security_token", ENV_SECURITY_TOKEN);
    let mode = entry.get("mode").and_then(Value::as_str).unwrap_or("AK");

    let (Some(access_key_id), Some(secret_access_key)) = (access_key_id, secret_access_key) else {
        return Err(profile_error(format!(
            "profile {name:?} in {path} has no access_key_id or secret_access_key; set them in the profile or in \
             {ENV_ACCESS_KEY_ID} and {ENV_SECRET_ACCESS_KEY}"
        )));
    };
    let mut credentials = Credentials::new(access_key_id, secret_access_key)?;
    match (mode, security_token) {
        ("StsToken", None) => {
            return Err(profile_error(format!(
                "profile {name:?} in {path} has mode StsToken but no security_token; set it or {ENV_SECURITY_TOKEN}"
            )))
        }
        ("StsToken", Some(token)) => credentials = credentials.with_security_token(token)?,
        ("AK", _) => {}
        (other, _) => {
            return Err(profile_error(format!(
                "profile {name:?} in {path} has an invalid mode {other:?}; use \"AK\" or \"StsToken\""
            )))
        }
    }

    let endpoint = entry.get("endpoint").and_then(Value::as_str).filter(|value| !value.is_empty());
    Ok(Profile {
        name: name.to_string(),
        credentials,
        region: field("region", ENV_REGION),
        endpoint: endpoint.map(str::to_string),
    })
}

fn profile_error(message: String) -> Error {
    Error::new(ErrorKind::MissingCredentials, message)
}
