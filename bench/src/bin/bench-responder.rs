//! A minimal HTTP/1.1 keep-alive server that replaces a fast BCC endpoint.
//!
//! Every request gets `200 OK`, an `x-bce-request-id` and an empty body, with no
//! signature check, so that the client, not the server, is what a benchmark
//! measures. Each connection has its own thread, so two client threads on two
//! connections are never served one after the other.
//!
//! Usage: `bench-responder [ADDRESS]` (default `127.0.0.1:0`). The first line on
//! stdout is `listening on http://ADDRESS`. Two unsigned control requests:
//! `GET /_responder/stats` returns `{"connections":N,"requests":N}` and
//! `POST /_responder/reset` zeroes both. Only connections that carried a request
//! outside `/_responder/` are counted, so reading the stats does not change them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

const CONTROL_PREFIX: &str = "/_responder/";

/// Connections and requests seen since the start or the last reset.
#[derive(Default)]
struct Counters {
    connections: AtomicU64,
    requests: AtomicU64,
}

fn main() {
    let address = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:0".to_string());
    let listener = match TcpListener::bind(&address) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("bench-responder: listening on {address} failed: {error}");
            std::process::exit(1);
        }
    };
    let local = listener.local_addr().expect("a bound listener has an address");
    println!("listening on http://{local}");
    // The driver reads the port from this line, so it must not wait in a buffer.
    std::io::stdout().flush().expect("stdout is writable");

    let counters = Arc::new(Counters::default());
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let counters = Arc::clone(&counters);
                std::thread::spawn(move || serve_connection(stream, &counters));
            }
            Err(error) => eprintln!("bench-responder: accepting a connection failed: {error}"),
        }
    }
}

/// Serves requests on one connection until the client closes it or sends
/// something that is not a request.
fn serve_connection(stream: TcpStream, counters: &Counters) {
    // Each response goes out in one write, so waiting to coalesce would only add latency.
    let _ = stream.set_nodelay(true);
    let mut writer = match stream.try_clone() {
        Ok(writer) => writer,
        Err(error) => {
            eprintln!("bench-responder: cloning a connection failed: {error}");
            return;
        }
    };
    let mut reader = BufReader::new(stream);
    let mut counted = false;

    while let Some((method, target, content_length)) = read_request_head(&mut reader) {
        if content_length > 0 && std::io::copy(&mut (&mut reader).take(content_length), &mut std::io::sink()).is_err() {
            return;
        }

        let response = if let Some(control) = target.strip_prefix(CONTROL_PREFIX) {
            control_response(&method, control, counters)
        } else {
            if !counted {
                counters.connections.fetch_add(1, Ordering::Relaxed);
                counted = true;
            }
            let id = counters.requests.fetch_add(1, Ordering::Relaxed) + 1;
            format!("HTTP/1.1 200 OK\r\nx-bce-request-id: bench-{id}\r\ncontent-length: 0\r\n\r\n")
        };
        if writer.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

/// Reads a request line and headers. Returns the method, the target and the
/// `Content-Length`, or `None` at the end of the stream or on a malformed head.
fn read_request_head(reader: &mut impl BufRead) -> Option<(String, String, u64)> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();

    let mut content_length = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let header = line.trim_end();
        if header.is_empty() {
            return Some((method, target, content_length));
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse().ok()?;
            }
        }
    }
}

fn control_response(method: &str, control: &str, counters: &Counters) -> String {
    let body = match (method, control) {
        ("GET", "stats") => format!(
            "{{\"connections\":{},\"requests\":{}}}",
            counters.connections.load(Ordering::Relaxed),
            counters.requests.load(Ordering::Relaxed)
        ),
        ("POST", "reset") => {
            counters.connections.store(0, Ordering::Relaxed);
            counters.requests.store(0, Ordering::Relaxed);
            "{}".to_string()
        }
        _ => {
            let body = format!("{{\"message\":\"no control request {method} {CONTROL_PREFIX}{control}\"}}");
            return format!("HTTP/1.1 404 Not Found\r\ncontent-length: {}\r\n\r\n{body}", body.len());
        }
    };
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}
