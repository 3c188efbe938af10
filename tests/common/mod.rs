//! Shared helpers: an in-process emulator on 127.0.0.1 and clients aimed at it.

#![allow(dead_code)] // Each test binary uses a different subset.

use std::time::Duration;

use bcc_emulator::{Emulator, EmulatorConfig};
use bcc_image::{Client, ClientConfig, Credentials};

pub const ACCESS_KEY_ID: &str = "f81d3b34e48048fbb2634dc7882d7e21";
pub const SECRET_ACCESS_KEY: &str = "0ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5";
pub const IMAGE_ID: &str = "m-1849ef6b";
pub const OLD_NAME: &str = "oldName";

/// Starts an emulator that accepts one key pair and has one image, `m-1849ef6b`.
pub fn start_emulator() -> Emulator {
    Emulator::start(EmulatorConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        credentials: vec![(ACCESS_KEY_ID.to_string(), SECRET_ACCESS_KEY.to_string())],
        images: vec![(IMAGE_ID.to_string(), OLD_NAME.to_string())],
        tls: None,
    })
    .expect("the emulator starts on 127.0.0.1")
}

/// Returns a configuration for the emulator with short timeouts and no retries,
/// which a test changes as it needs.
pub fn config_for(emulator: &Emulator) -> ClientConfig {
    let credentials = Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY).unwrap();
    let mut config = ClientConfig::new(credentials);
    config.endpoint = Some(emulator.endpoint());
    config.request_timeout = Duration::from_secs(5);
    config.retry.max_attempts = 1;
    config
}

pub fn client_for(emulator: &Emulator) -> Client {
    Client::new(config_for(emulator)).unwrap()
}
