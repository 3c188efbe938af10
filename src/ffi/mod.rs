//! The C ABI. Every export runs inside the panic boundary of [`guard`], checks
//! its pointers, and writes outputs only on success.
//!
//! Names follow `bcc_<type>_<verb>`. Objects returned through `*_out` belong to
//! the caller and are freed with their own `_free` function, which accepts NULL.

#![allow(non_camel_case_types)]

mod client;
mod error;
mod guard;
mod result;
mod sign;
mod status;

pub use client::*;
pub use error::*;
pub use result::*;
pub use sign::*;
pub use status::*;
