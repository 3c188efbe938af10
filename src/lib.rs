//! Calls Baidu AI Cloud's BCC "Modify Custom Image Name" API
//! (`PUT /v2/image/rename`) with `bce-auth-v1` signatures.
//!
//! A rename goes through these modules in order:
//! [`validate`] checks the inputs, [`request`] builds the URL, body and signed
//! headers with [`sign`], [`transport`] sends one attempt over a kept-alive
//! connection, [`error_body`] reads an error response, and [`client`] retries as
//! [`retry`] allows. [`ffi`] exports the same client to C.
//!
//! ```no_run
//! use bcc_image::{Client, ClientConfig, Credentials};
//!
//! let credentials = Credentials::new("my-access-key-id", "my-secret-access-key")?;
//! let client = Client::new(ClientConfig::new(credentials))?;
//! let output = client.rename_image("m-1849ef6b", "newName", None)?;
//! println!("request id {:?}, clientToken {}", output.request_id, output.client_token);
//! # Ok::<(), bcc_image::Error>(())
//! ```

#![warn(missing_docs)]

pub mod client;
pub mod config;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod error_body;
pub mod logging;
pub mod ffi;
pub mod profile;
mod rename_signer;
pub mod request;
mod resolver;
pub mod retry;
pub mod sign;
pub mod transport;
pub mod validate;

pub use client::{Client, RenameOutput};
pub use config::ClientConfig;
pub use credentials::{Credentials, Secret};
pub use endpoint::Endpoint;
pub use error::{Error, ErrorKind};
pub use retry::RetryPolicy;
pub use validate::{validate_client_token, validate_image_id, validate_image_name};
