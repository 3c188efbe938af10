//! Calls Baidu AI Cloud's BCC "Modify Custom Image Name" API
//! (`PUT /v2/image/rename`) with `bce-auth-v1` signatures.

pub mod error;
pub mod sign;
pub mod validate;

pub use error::{Error, ErrorKind};
pub use validate::{validate_client_token, validate_image_id, validate_image_name};
