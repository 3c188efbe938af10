//! The C ABI. Every export runs inside one panic boundary (`guard.rs`), checks
//! its pointers, and writes outputs only on success.
//!
//! Names follow `bcc_<type>_<verb>`. Objects returned through `*_out` belong to
//! the caller and are freed with their own `_free` function, which accepts NULL.

// C type names are snake_case, as C callers expect.
#![allow(non_camel_case_types)]
// Each export states its pointer contract in its doc comment, which cbindgen puts
// in the header where C callers read it, instead of a Rust `# Safety` section.
#![allow(clippy::missing_safety_doc)]

mod client;
mod error;
mod guard;
mod log;
mod result;
mod sign;
mod status;

pub use client::*;
pub use error::*;
pub use log::*;
pub use result::*;
pub use sign::*;
pub use status::*;
