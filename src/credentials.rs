//! Access keys, with the secret parts kept out of `Debug` output and messages.

use std::fmt;

use crate::error::{Error, ErrorKind};
use crate::sign::SecretKeyMac;

/// Environment variable of the access key ID, the name Baidu's CLI reads.
pub const ENV_ACCESS_KEY_ID: &str = "BCE_ACCESS_KEY_ID";
/// Environment variable of the secret access key.
pub const ENV_SECRET_ACCESS_KEY: &str = "BCE_SECRET_ACCESS_KEY";
/// Environment variable of the STS session token, sent as `x-bce-security-token`.
pub const ENV_SECURITY_TOKEN: &str = "BCE_SECURITY_TOKEN";

/// A secret string whose `Debug` output is `"<redacted>"`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// Returns the secret itself. Call it only to sign or send a request.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"<redacted>\"")
    }
}

/// An access key pair, and the session token of temporary (STS) credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: Secret,
    security_token: Option<Secret>,
    /// HMAC-SHA256 keyed with the secret access key, computed once because every
    /// signature starts with it.
    secret_key_mac: SecretKeyMac,
}

impl Credentials {
    /// Builds long-term credentials from an access key ID and a secret access key.
    ///
    /// Both must be non-empty printable ASCII. The access key ID must not contain
    /// `/`, because it becomes one field of the `/`-separated Authorization value.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Result<Self, Error> {
        let access_key_id = access_key_id.into();
        let secret_access_key = secret_access_key.into();

        if access_key_id.is_empty() {
            return Err(missing(&format!("the access key ID is empty; set it or {ENV_ACCESS_KEY_ID}")));
        }
        if !access_key_id.bytes().all(|byte| byte.is_ascii_graphic() && byte != b'/') {
            return Err(Error::invalid_argument(format!(
                "invalid access key ID {access_key_id:?}: it must be printable ASCII without spaces or '/'"
            )));
        }
        if secret_access_key.is_empty() {
            return Err(missing(&format!(
                "the secret access key is empty; set it or {ENV_SECRET_ACCESS_KEY}"
            )));
        }
        if !secret_access_key.bytes().all(|byte| byte.is_ascii_graphic()) {
            // The value itself is a secret, so the message does not show it.
            return Err(Error::invalid_argument(
                "invalid secret access key: it must be printable ASCII without spaces; check for a stray newline",
            ));
        }

        Ok(Credentials {
            access_key_id,
            secret_key_mac: SecretKeyMac::new(&secret_access_key),
            secret_access_key: Secret(secret_access_key),
            security_token: None,
        })
    }

    /// Adds the session token of temporary (STS) credentials. An empty token means
    /// none.
    pub fn with_security_token(mut self, security_token: impl Into<String>) -> Result<Self, Error> {
        let security_token = security_token.into();
        if security_token.is_empty() {
            self.security_token = None;
            return Ok(self);
        }
        if !security_token.bytes().all(|byte| byte.is_ascii_graphic()) {
            return Err(Error::invalid_argument(
                "invalid security token: it must be printable ASCII without spaces; check for a stray newline",
            ));
        }
        self.security_token = Some(Secret(security_token));
        Ok(self)
    }

    /// Reads `BCE_ACCESS_KEY_ID`, `BCE_SECRET_ACCESS_KEY` and, if set,
    /// `BCE_SECURITY_TOKEN`. An empty variable counts as unset.
    pub fn from_env() -> Result<Self, Error> {
        let access_key_id = non_empty_env(ENV_ACCESS_KEY_ID);
        let secret_access_key = non_empty_env(ENV_SECRET_ACCESS_KEY);

        let (access_key_id, secret_access_key) = match (access_key_id, secret_access_key) {
            (Some(access_key_id), Some(secret_access_key)) => (access_key_id, secret_access_key),
            (access_key_id, _) => {
                let unset = if access_key_id.is_none() {
                    format!("{ENV_ACCESS_KEY_ID} and {ENV_SECRET_ACCESS_KEY}")
                } else {
                    ENV_SECRET_ACCESS_KEY.to_string()
                };
                return Err(missing(&format!(
                    "no credentials found: {unset} not set; set {ENV_ACCESS_KEY_ID} and {ENV_SECRET_ACCESS_KEY} \
                     (and {ENV_SECURITY_TOKEN} for STS credentials), pass the keys explicitly, \
                     or configure a bce-cli profile in ~/.bce/config.json"
                )));
            }
        };

        let credentials = Credentials::new(access_key_id, secret_access_key)?;
        match non_empty_env(ENV_SECURITY_TOKEN) {
            Some(token) => credentials.with_security_token(token),
            None => Ok(credentials),
        }
    }

    /// Returns the access key ID, which is not secret: it appears in every Authorization value.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// Returns the secret access key.
    pub fn secret_access_key(&self) -> &Secret {
        &self.secret_access_key
    }

    /// HMAC-SHA256 keyed with the secret access key, ready to compute a signing key.
    pub fn secret_key_mac(&self) -> &SecretKeyMac {
        &self.secret_key_mac
    }

    /// Returns the STS session token, if any.
    pub fn security_token(&self) -> Option<&Secret> {
        self.security_token.as_ref()
    }
}

/// Returns the variable's value, or `None` when it is unset, empty or not UTF-8.
pub(crate) fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

fn missing(message: &str) -> Error {
    Error::new(ErrorKind::MissingCredentials, message)
}
