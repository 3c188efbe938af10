//! Starting and stopping: nothing is left listening or running after a stop.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bcc_emulator::Emulator;
use common::{send, start_emulator, Call, IMAGE_ID};

/// Serializes the tests of this file, because the thread count is per process.
static SERIAL: Mutex<()> = Mutex::new(());

/// Counts this process's threads whose name starts with `bcc-emulator`.
fn emulator_threads() -> usize {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .filter_map(Result::ok)
        .filter_map(|task| std::fs::read_to_string(task.path().join("comm")).ok())
        .filter(|name| name.starts_with("bcc-emulator"))
        .count()
}

#[test]
fn stop_closes_listener_and_threads() {
    let _serial = SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let emulator = start_emulator();
    let addr = emulator.addr();
    let running_threads = emulator_threads();

    emulator.stop();

    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(), "{addr} still accepts");
    if cfg!(target_os = "linux") {
        assert!(running_threads >= 1, "no emulator thread was found while running");
        assert_eq!(emulator_threads(), 0, "emulator threads remain after stop");
    }
}

#[test]
fn drop_closes_idle_connection() {
    let _serial = SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let emulator = start_emulator();
    let mut stream = TcpStream::connect(emulator.addr()).expect("the emulator accepts");
    stream.set_read_timeout(Some(Duration::from_secs(5))).expect("a read timeout can be set");

    let request = format!("GET /v2/image/{IMAGE_ID} HTTP/1.1\r\nHost: {}\r\n\r\n", emulator.addr());
    stream.write_all(request.as_bytes()).expect("the request is sent");
    let mut buffer = [0_u8; 4096];
    let read = stream.read(&mut buffer).expect("a response arrives");
    let response = String::from_utf8_lossy(&buffer[..read]).to_string();

    drop(emulator);
    let after_drop = stream.read(&mut buffer);

    assert!(response.starts_with("HTTP/1.1 400"), "unsigned response: {response}");
    assert!(response.to_ascii_lowercase().contains("x-bce-request-id:"), "response: {response}");
    assert!(matches!(after_drop, Ok(0)) || after_drop.is_err(), "connection still open: {after_drop:?}");
}

#[test]
fn emulator_shared_across_threads() {
    let _serial = SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let emulator = Arc::new(start_emulator());
    let threads: Vec<_> = (0..4)
        .map(|index| {
            let emulator = Arc::clone(&emulator);
            std::thread::spawn(move || send(&emulator, &Call::rename(IMAGE_ID, &format!("name{index}"), None)).status)
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().expect("the thread finishes"), 200);
    }
    assert_eq!(emulator.renames_applied(IMAGE_ID), 4);
}

#[test]
fn start_fails_on_used_port() {
    let _serial = SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let first = start_emulator();
    let config = bcc_emulator::EmulatorConfig { listen: first.addr(), ..Default::default() };
    let second = Emulator::start(config);
    assert!(second.is_err(), "a second emulator bound {}", first.addr());
}

#[test]
fn stop_inside_async_runtime() {
    let _serial = SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime starts");
    let status = runtime.block_on(async {
        let emulator = start_emulator();
        let status = send(&emulator, &Call::get_image(IMAGE_ID)).status;
        emulator.stop();
        status
    });
    assert_eq!(status, 200);
}
