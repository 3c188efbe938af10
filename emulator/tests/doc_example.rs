//! The crate-level example of `src/lib.rs`, run as a test, because doctests are
//! off for this crate (see Cargo.toml).

use bcc_emulator::{Emulator, EmulatorConfig};

#[test]
fn crate_example_starts_emulator() -> Result<(), std::io::Error> {
    let emulator = Emulator::start(EmulatorConfig {
        credentials: vec![("AK".to_string(), "SK".to_string())],
        images: vec![("m-1849ef6b".to_string(), "oldName".to_string())],
        ..EmulatorConfig::default()
    })?;
    assert!(emulator.endpoint().starts_with("http://127.0.0.1:"));
    assert_eq!(emulator.image_name("m-1849ef6b").as_deref(), Some("oldName"));
    Ok(())
}
