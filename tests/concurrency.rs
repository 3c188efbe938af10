//! One client shared by 8 threads, each making 200 renames of one image, from Rust
//! and from C: every rename succeeds and is applied exactly once.

mod c_harness;
mod common;

use std::collections::HashSet;
use std::time::Duration;

use bcc_image::Client;
use common::{config_for, start_emulator, IMAGE_ID};

const THREADS: usize = 8;
const RENAMES_PER_THREAD: usize = 200;

#[test]
fn shared_client_renames_once() {
    let emulator = start_emulator();
    let mut config = config_for(&emulator);
    // Retries stay on, as in production, and the timeouts are generous for a
    // loaded 2-core machine. The emulator replays a retried token without applying
    // it again, so the counts below hold either way.
    config.retry.max_attempts = 3;
    config.request_timeout = Duration::from_secs(30);
    let client = Client::new(config).unwrap();

    let results: Vec<Vec<Result<String, String>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..THREADS)
            .map(|thread| {
                let client = &client;
                scope.spawn(move || rename_many(client, thread))
            })
            .collect();
        workers.into_iter().map(|worker| worker.join().expect("a rename thread panicked")).collect()
    });

    let outcomes: Vec<&Result<String, String>> = results.iter().flatten().collect();
    let failures: Vec<&String> = outcomes.iter().filter_map(|outcome| outcome.as_ref().err()).collect();
    let tokens: HashSet<&String> = outcomes.iter().filter_map(|outcome| outcome.as_ref().ok()).collect();
    assert_eq!(outcomes.len(), THREADS * RENAMES_PER_THREAD);
    assert!(failures.is_empty(), "{} renames failed, the first: {}", failures.len(), failures[0]);
    assert_eq!(tokens.len(), THREADS * RENAMES_PER_THREAD, "a clientToken came back twice");
    // Each token can be applied at most once, so 1600 applied renames for 1600
    // tokens means each was applied exactly once.
    assert_eq!(emulator.renames_applied(IMAGE_ID), (THREADS * RENAMES_PER_THREAD) as u64);
}

/// Makes one thread's renames, and returns for each the clientToken of the output
/// or the error's message.
fn rename_many(client: &Client, thread: usize) -> Vec<Result<String, String>> {
    (0..RENAMES_PER_THREAD)
        .map(|index| {
            let token = format!("rust-{thread}-{index}");
            let name = format!("rustName-{thread}-{index}");
            match client.rename_image(IMAGE_ID, &name, Some(&token)) {
                Ok(output) if output.client_token == token => Ok(output.client_token),
                Ok(output) => Err(format!("rename {token} returned clientToken {}", output.client_token)),
                Err(error) => Err(format!("rename {token} failed: {error}")),
            }
        })
        .collect()
}

#[test]
fn c_shared_client_renames_once() {
    let emulator = start_emulator();
    let binary = c_harness::compile("tests/c/concurrency.c", &["-pthread"]);
    let threads = THREADS.to_string();
    let renames = RENAMES_PER_THREAD.to_string();

    let output = c_harness::run(&binary, &[&emulator.endpoint(), IMAGE_ID, &threads, &renames]);

    let expected_line = format!("{} renames succeeded, 0 failed", THREADS * RENAMES_PER_THREAD);
    assert!(output.success, "stdout:\n{}\nstderr:\n{}", output.stdout, output.stderr);
    assert!(output.stdout.contains(&expected_line), "{}", output.stdout);
    assert_eq!(emulator.renames_applied(IMAGE_ID), (THREADS * RENAMES_PER_THREAD) as u64);
}
