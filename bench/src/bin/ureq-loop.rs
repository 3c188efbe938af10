//! The raw baseline: one `ureq::Agent` that sends the same rename PUT over and
//! over with headers signed once, before the loop.
//!
//! It sends what `bcc_image::Client` sends (URL, headers, body, User-Agent) but
//! skips validation, the clientToken, per-request signing and retries, so the gap between
//! this loop and the library's is the library's own cost per request.
//!
//! Usage: `ureq-loop ENDPOINT REQUESTS [THREADS]`. After a warm-up request per
//! thread, it prints one JSON line: `{"requests":N,"threads":T,"seconds":S}`.

use std::time::Instant;

use bcc_image::request::RenameRequest;
use bcc_image::sign::now_unix_seconds;
use bcc_image::transport::USER_AGENT;
use bcc_image::{Credentials, Endpoint};
use ureq::Agent;

const CLIENT_TOKEN: &str = "1849ef6b-f73c-4f5d-b88b-259ca47af849";

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (endpoint, requests, threads) = match parse_arguments(&arguments) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("ureq-loop: {message}\nusage: ureq-loop ENDPOINT REQUESTS [THREADS]");
            std::process::exit(2);
        }
    };

    let credentials = Credentials::new("bench-ak", "bench-sk").expect("the benchmark keys are valid");
    let request = RenameRequest::new(&endpoint.base_url(), &endpoint.host, 2, "m-1849ef6b", "newName", CLIENT_TOKEN);
    let attempt_headers = request.signed_headers(&credentials, now_unix_seconds(), 1800);
    let headers: Vec<(&'static str, String)> =
        attempt_headers.pairs().map(|(name, value)| (name, value.to_string())).collect();
    let agent: Agent = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(USER_AGENT)
        .build()
        .into();

    let per_thread = requests / threads;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| send(&agent, &request, &headers, 1));
        }
    });
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| send(&agent, &request, &headers, per_thread));
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    println!("{{\"requests\":{},\"threads\":{threads},\"seconds\":{seconds}}}", per_thread * threads);
}

/// Sends `count` requests one after another, reading each body to its end so
/// that the agent reuses the connection. Exits the process on a failure.
fn send(agent: &Agent, request: &RenameRequest, headers: &[(&'static str, String)], count: usize) {
    for _ in 0..count {
        let mut builder = agent.put(&request.url);
        for (name, value) in headers {
            builder = builder.header(*name, value.as_str());
        }
        let mut response = match builder.send(request.body.as_bytes()) {
            Ok(response) => response,
            Err(error) => {
                eprintln!("ureq-loop: request to {} failed: {error}", request.url);
                std::process::exit(1);
            }
        };
        if let Err(error) = response.body_mut().read_to_vec() {
            eprintln!("ureq-loop: reading the response body failed: {error}");
            std::process::exit(1);
        }
        if response.status() != 200 {
            eprintln!("ureq-loop: expected HTTP 200, got {}", response.status());
            std::process::exit(1);
        }
    }
}

fn parse_arguments(arguments: &[String]) -> Result<(Endpoint, usize, usize), String> {
    let [endpoint, requests, rest @ ..] = arguments else {
        return Err("missing arguments".to_string());
    };
    let endpoint = Endpoint::parse(endpoint).map_err(|error| error.to_string())?;
    let requests: usize = requests.parse().map_err(|_| format!("invalid request count {requests:?}"))?;
    let threads: usize = match rest {
        [] => 1,
        [threads] => threads.parse().map_err(|_| format!("invalid thread count {threads:?}"))?,
        _ => return Err("too many arguments".to_string()),
    };
    if requests == 0 || threads == 0 {
        return Err("the request and thread counts must be positive".to_string());
    }
    Ok((endpoint, requests, threads))
}
