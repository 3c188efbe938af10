//! The client handle, its configuration struct, and the rename call.

use std::ffi::c_char;
use std::time::Duration;

use super::error::bcc_error;
use super::guard::{optional_str, required_str, run};
use super::result::bcc_rename_result;
use super::status::bcc_status;
use crate::client::Client;
use crate::config::{read_ca_file, ClientConfig};
use crate::credentials::Credentials;
use crate::error::Error;

/// Settings for bcc_client_new(). Zero-initialize it (`bcc_client_config config =
/// {0};`) and set what you need: every 0 or NULL field takes its default. The
/// strings are copied, so they need to live only during the call.
#[repr(C)]
pub struct bcc_client_config {
    /// Access key ID. Required.
    pub access_key_id: *const c_char,
    /// Secret access key. Required. Never logged or put in an error message.
    pub secret_access_key: *const c_char,
    /// STS session token, sent as x-bce-security-token; NULL or "" for none.
    pub security_token: *const c_char,
    /// BCC region id, such as "gz"; NULL means "bj". Ignored when endpoint is set.
    pub region: *const c_char,
    /// Endpoint URL, such as "http://127.0.0.1:8080"; NULL means
    /// https://bcc.{region}.baidubce.com.
    pub endpoint: *const c_char,
    /// Path of a PEM file of CA certificates to trust instead of the public roots; NULL for the public roots.
    pub ca_file: *const c_char,
    /// Connect timeout in ms, TLS handshake included; 0 means 5000.
    pub connect_timeout_ms: u32,
    /// Timeout of one attempt in ms; 0 means 30000.
    pub request_timeout_ms: u32,
    /// Maximum attempts, the first included; 0 means 3, and 1 turns retries off.
    pub max_attempts: u32,
    /// Delay before the first retry in ms; 0 means 100. Later delays double.
    pub retry_base_delay_ms: u32,
    /// Maximum delay between attempts in ms; 0 means 2000.
    pub retry_max_delay_ms: u32,
    /// Maximum time of one call, all attempts included, in ms; 0 means 60000.
    pub deadline_ms: u32,
    /// Signature lifetime in seconds; 0 means 1800.
    pub expiration_seconds: u32,
    /// Nonzero skips the local image name check and lets the server decide.
    pub disable_name_validation: i32,
}

/// A BCC client: credentials, settings and a pool of keep-alive connections.
/// Create it with bcc_client_new() or bcc_client_new_from_env() and free it with
/// bcc_client_free(). It is thread-safe: any number of threads may call
/// bcc_image_rename() on one client at once, and should, to share connections.
pub struct bcc_client {
    client: Client,
}

/// Builds the Rust configuration from the C struct, applying the 0-means-default
/// rule field by field.
unsafe fn config_from_c(config: &bcc_client_config) -> Result<ClientConfig, Error> {
    let access_key_id = required_str(config.access_key_id, "config.access_key_id")?;
    let secret_access_key = required_str(config.secret_access_key, "config.secret_access_key")?;
    let mut credentials = Credentials::new(access_key_id, secret_access_key)?;
    if let Some(token) = optional_str(config.security_token, "config.security_token")? {
        credentials = credentials.with_security_token(token)?;
    }

    let mut rust_config = ClientConfig::new(credentials);
    if let Some(region) = optional_str(config.region, "config.region")? {
        rust_config.region = region.to_string();
    }
    rust_config.endpoint = optional_str(config.endpoint, "config.endpoint")?.map(str::to_string);
    if let Some(path) = optional_str(config.ca_file, "config.ca_file")? {
        rust_config.ca_certificates_pem = Some(read_ca_file(path.as_ref())?);
    }

    let milliseconds = |value: u32, default: Duration| {
        if value == 0 {
            default
        } else {
            Duration::from_millis(u64::from(value))
        }
    };
    rust_config.connect_timeout = milliseconds(config.connect_timeout_ms, rust_config.connect_timeout);
    rust_config.request_timeout = milliseconds(config.request_timeout_ms, rust_config.request_timeout);
    rust_config.retry.base_delay = milliseconds(config.retry_base_delay_ms, rust_config.retry.base_delay);
    rust_config.retry.max_delay = milliseconds(config.retry_max_delay_ms, rust_config.retry.max_delay);
    rust_config.retry.deadline = milliseconds(config.deadline_ms, rust_config.retry.deadline);
    if config.max_attempts != 0 {
        rust_config.retry.max_attempts = config.max_attempts;
    }
    if config.expiration_seconds != 0 {
        rust_config.expiration_seconds = config.expiration_seconds;
    }
    rust_config.validate_names = config.disable_name_validation == 0;
    Ok(rust_config)
}

/// Builds a client from the configuration that `load` returns and stores it in
/// `*client_out`. The check of `client_out` comes first, so a NULL output fails
/// before any file or variable is read.
unsafe fn store_new_client(
    client_out: *mut *mut bcc_client,
    load: impl FnOnce() -> Result<ClientConfig, Error>,
) -> Result<(), Error> {
    if client_out.is_null() {
        return Err(Error::invalid_argument("invalid argument: client_out is NULL"));
    }
    super::log::install_logger();
    let client = Client::new(load()?)?;
    *client_out = Box::into_raw(Box::new(bcc_client { client }));
    Ok(())
}

/// Creates a client from `config`. On success, stores a new client in
/// `*client_out` and returns BCC_OK. On failure, leaves `*client_out` untouched,
/// stores an error in `*error_out` unless `error_out` is NULL, and returns its
/// status. Nothing is sent over the network.
#[no_mangle]
pub unsafe extern "C" fn bcc_client_new(
    config: *const bcc_client_config,
    client_out: *mut *mut bcc_client,
    error_out: *mut *mut bcc_error,
) -> bcc_status {
    run(error_out, || {
        let Some(config) = config.as_ref() else {
            return Err(Error::invalid_argument("invalid argument: config is NULL"));
        };
        store_new_client(client_out, || config_from_c(config))
    })
}

/// Creates a client from the environment: BCE_ACCESS_KEY_ID,
/// BCE_SECRET_ACCESS_KEY, BCE_SECURITY_TOKEN, BCE_REGION and BCE_ENDPOINT, with
/// every other setting at its default. When the keys are not set, the "current"
/// profile of bce-cli's ~/.bce/config.json is used if that file exists. Outputs
/// as for bcc_client_new(); no keys anywhere give BCC_MISSING_CREDENTIALS.
#[no_mangle]
pub unsafe extern "C" fn bcc_client_new_from_env(
    client_out: *mut *mut bcc_client,
    error_out: *mut *mut bcc_error,
) -> bcc_status {
    run(error_out, || store_new_client(client_out, ClientConfig::from_env))
}

/// Creates a client from profile `profile` of bce-cli's ~/.bce/config.json:
/// its credentials, region and endpoint, with empty fields filled from the
/// BCE_* environment variables as bce-cli does. A NULL `profile` uses the
/// file's "current" profile. A missing file, an unknown profile or missing keys
/// give BCC_MISSING_CREDENTIALS with a message naming the path and the profile.
/// Outputs as for bcc_client_new().
#[no_mangle]
pub unsafe extern "C" fn bcc_client_new_from_profile(
    profile: *const c_char,
    client_out: *mut *mut bcc_client,
    error_out: *mut *mut bcc_error,
) -> bcc_status {
    run(error_out, || {
        let profile = optional_str(profile, "profile")?;
        store_new_client(client_out, || match profile {
            Some(name) => ClientConfig::from_profile(name),
            None => ClientConfig::from_default_profile(),
        })
    })
}

/// Frees a client and closes its connections. NULL is allowed and does nothing.
/// No other thread may use the client during or after this call.
#[no_mangle]
pub unsafe extern "C" fn bcc_client_free(client: *mut bcc_client) {
    if !client.is_null() {
        // A panic in a destructor must not unwind into C either.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(Box::from_raw(client))));
    }
}

/// Renames the custom image `image_id` to `name` (PUT /v2/image/rename).
///
/// `client_token` is the idempotence token: NULL generates a UUID v4. Every retry
/// of the call sends the same token with a fresh signature, so the rename is
/// applied at most once. Inputs are checked before any I/O.
///
/// On success, returns BCC_OK and, unless `result_out` is NULL, stores a new
/// result in `*result_out`. On failure, leaves `*result_out` untouched, stores an
/// error in `*error_out` unless `error_out` is NULL, and returns its status.
/// Blocks until the call ends. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn bcc_image_rename(
    client: *const bcc_client,
    image_id: *const c_char,
    name: *const c_char,
    client_token: *const c_char,
    result_out: *mut *mut bcc_rename_result,
    error_out: *mut *mut bcc_error,
) -> bcc_status {
    run(error_out, || {
        let Some(client) = client.as_ref() else {
            return Err(Error::invalid_argument("invalid argument: client is NULL"));
        };
        let image_id = required_str(image_id, "image_id")?;
        let name = required_str(name, "name")?;
        let client_token = optional_str(client_token, "client_token")?;

        let output = client.client.rename_image(image_id, name, client_token)?;
        if !result_out.is_null() {
            *result_out = Box::into_raw(Box::new(bcc_rename_result::from(output)));
        }
        Ok(())
    })
}
