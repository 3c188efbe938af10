//! A local emulator of the BCC image API, for running the whole rename flow offline.
//!
//! It serves `PUT /v2/image/rename` and `GET /v2/image/{imageId}` over HTTP/1.1,
//! verifies `bce-auth-v1` signatures as Baidu's servers do, honors `clientToken`
//! idempotence and injects faults on request. Unsigned control endpoints under
//! `/_emulator/` steer it from any language.
//!
//! ```no_run
//! use bcc_emulator::{Emulator, EmulatorConfig};
//!
//! let emulator = Emulator::start(EmulatorConfig {
//!     credentials: vec![("AK".to_string(), "SK".to_string())],
//!     images: vec![("m-1849ef6b".to_string(), "oldName".to_string())],
//!     ..EmulatorConfig::default()
//! })?;
//! println!("send requests to {}", emulator.endpoint());
//! # Ok::<(), std::io::Error>(())
//! ```

mod api;
mod auth;
mod control;
mod emulator;
mod faults;
mod record;
mod response;
mod server;
mod shared;
mod state;
mod target;
mod tls;

pub use emulator::{Emulator, EmulatorConfig};
pub use faults::Fault;
pub use tls::TlsFiles;
pub use record::{RecordedRequest, MAX_RECORDED_REQUESTS};

/// Name of the response header that carries the request id of every response.
pub const REQUEST_ID_HEADER: &str = "x-bce-request-id";
