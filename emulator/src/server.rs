//! The HTTP/1.1 server: accepts connections, applies faults, renders replies and
//! logs one line per request.

use std::fmt;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio_rustls::TlsAcceptor;

use crate::control::{self, CONTROL_PREFIX};
use crate::faults::Fault;
use crate::record::RecordedRequest;
use crate::response::{ApiError, Reply, JSON_CONTENT_TYPE};
use crate::shared::Shared;
use crate::{api, REQUEST_ID_HEADER};

/// Largest request body that is read, in bytes. A rename body is under 1 KiB.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// Pause after a failed accept, such as when the process is out of file
/// descriptors, so the loop does not spin.
const ACCEPT_RETRY_DELAY: Duration = Duration::from_millis(50);

/// The error a service returns to make hyper close the connection without a
/// response, which is how the `DropResponse` fault loses a response.
#[derive(Debug)]
struct ResponseDropped;

impl fmt::Display for ResponseDropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("response dropped by an injected fault")
    }
}

impl std::error::Error for ResponseDropped {}

/// A reply, or a request whose response is dropped after it was handled.
enum Outcome {
    Send(Reply),
    Drop(Reply),
}

/// Time allowed for a client's TLS handshake, so that a client that connects and
/// sends nothing does not hold a task forever.
const TLS_HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Accepts connections until `shutdown` fires or its sender is dropped. With an
/// acceptor, every connection starts with a TLS handshake.
pub async fn accept_loop(
    listener: TcpListener,
    tls: Option<TlsAcceptor>,
    shared: Arc<Shared>,
    mut shutdown: oneshot::Receiver<()>,
) {
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    shared.connections_accepted.fetch_add(1, Ordering::Relaxed);
                    let shared = Arc::clone(&shared);
                    match &tls {
                        Some(acceptor) => {
                            tokio::spawn(serve_tls_connection(acceptor.clone(), stream, peer, shared));
                        }
                        None => {
                            tokio::spawn(serve_connection(stream, peer, shared));
                        }
                    }
                }
                Err(error) => {
                    log::warn!("accepting a connection failed: {error}; retrying in {} ms", ACCEPT_RETRY_DELAY.as_millis());
                    tokio::time::sleep(ACCEPT_RETRY_DELAY).await;
                }
            },
        }
    }
}

async fn serve_tls_connection(acceptor: TlsAcceptor, stream: TcpStream, peer: SocketAddr, shared: Arc<Shared>) {
    // A client that rejects the certificate ends the handshake with an alert, which
    // is the expected outcome of the untrusted-certificate tests, so it is info.
    match tokio::time::timeout(TLS_HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
        Ok(Ok(tls_stream)) => serve_connection(tls_stream, peer, shared).await,
        Ok(Err(error)) => log::info!("TLS handshake with {peer} failed: {error}"),
        Err(_) => log::info!(
            "TLS handshake with {peer} timed out after {} s; closed the connection",
            TLS_HANDSHAKE_TIMEOUT.as_secs()
        ),
    }
}

async fn serve_connection<S>(stream: S, peer: SocketAddr, shared: Arc<Shared>)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    log::debug!("accepted connection from {peer}");
    let service = service_fn(move |request| {
        let shared = Arc::clone(&shared);
        async move { handle_request(&shared, request).await }
    });

    // keep_alive is hyper's default, so one connection serves many requests.
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service);
    match connection.await {
        Ok(()) => log::debug!("connection from {peer} closed"),
        Err(error) => log::debug!("connection from {peer} ended: {error}"),
    }
}

async fn handle_request(shared: &Shared, request: Request<Incoming>) -> Result<Response<Full<Bytes>>, ResponseDropped> {
    let request_id = uuid::Uuid::new_v4().to_string();
    let (parts, body) = request.into_parts();
    let target = parts.uri.path_and_query().map_or("/", |target| target.as_str()).to_string();
    let is_control = parts.uri.path().starts_with(CONTROL_PREFIX);

    // The body is read in full before any response is sent, so an early error
    // never leaves unread bytes that would end the keep-alive connection.
    let body = read_body(body).await;

    let outcome = if is_control {
        let reply = body.and_then(|body| control::handle(shared, &parts.method, parts.uri.path(), &body));
        Outcome::Send(render_result(reply, &request_id))
    } else {
        shared.requests_received.fetch_add(1, Ordering::Relaxed);
        shared.recent_requests.push(RecordedRequest::new(&request_id, &parts.headers, &parts.uri));
        match body {
            Ok(body) => handle_api_request(shared, &parts, &body, &request_id).await,
            Err(error) => Outcome::Send(Reply::error(&error, &request_id)),
        }
    };

    match outcome {
        Outcome::Send(reply) => {
            log_request(&parts.method, &target, &reply, &request_id, "");
            Ok(render(reply, &request_id))
        }
        Outcome::Drop(reply) => {
            log_request(&parts.method, &target, &reply, &request_id, " (response dropped by fault)");
            Err(ResponseDropped)
        }
    }
}

/// Applies the next queued fault, if any, around the normal handling.
async fn handle_api_request(shared: &Shared, parts: &hyper::http::request::Parts, body: &[u8], request_id: &str) -> Outcome {
    let handle = || render_result(api::handle(shared, &parts.method, &parts.uri, &parts.headers, body), request_id);

    let Some(fault) = shared.faults.pop() else {
        return Outcome::Send(handle());
    };
    log::debug!("applying fault {fault:?} to request {request_id}");

    match fault {
        Fault::Error { status, code, message } => {
            let error = ApiError::new(fault_status(status), &code, message);
            Outcome::Send(Reply::error(&error, request_id).with_note("injected error fault"))
        }
        Fault::Delay { millis } => {
            tokio::time::sleep(Duration::from_millis(millis)).await;
            Outcome::Send(handle())
        }
        Fault::DropResponse => Outcome::Drop(handle()),
        Fault::RawBody { status, content_type, body } => Outcome::Send(Reply {
            status: fault_status(status),
            content_type: Some(content_type),
            body: Bytes::from(body),
            code: None,
            note: Some("injected raw body fault".to_string()),
        }),
        Fault::OkWithBody { body } => {
            let mut reply = handle();
            if reply.status == StatusCode::OK {
                reply.content_type = Some(JSON_CONTENT_TYPE.to_string());
                reply.body = Bytes::from(body);
            }
            Outcome::Send(reply)
        }
    }
}

/// Converts a fault's status, which was checked when the fault was injected.
fn fault_status(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

async fn read_body(body: Incoming) -> Result<Bytes, ApiError> {
    match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) => Err(ApiError::bad_request(
            "InvalidHTTPRequest",
            format!("reading the request body failed: {error}; the maximum is {MAX_BODY_BYTES} bytes"),
        )),
    }
}

fn render_result(result: Result<Reply, ApiError>, request_id: &str) -> Reply {
    result.unwrap_or_else(|error| Reply::error(&error, request_id))
}

fn render(reply: Reply, request_id: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(reply.body));
    *response.status_mut() = reply.status;

    let headers = response.headers_mut();
    // A UUID is always a valid header value.
    headers.insert(REQUEST_ID_HEADER, HeaderValue::from_str(request_id).expect("a UUID is a valid header value"));
    if let Some(content_type) = reply.content_type {
        match HeaderValue::from_str(&content_type) {
            Ok(value) => {
                headers.insert(CONTENT_TYPE, value);
            }
            Err(_) => log::warn!("content type {content_type:?} of a fault is not a valid header value; sent none"),
        }
    }
    response
}

/// Logs one line per request. The Authorization value and other headers are never
/// logged, because they carry signatures and security tokens.
fn log_request(method: &hyper::Method, target: &str, reply: &Reply, request_id: &str, suffix: &str) {
    let code = reply.code.as_deref().map(|code| format!(" {code}")).unwrap_or_default();
    let note = reply.note.as_deref().map(|note| format!(": {note}")).unwrap_or_default();
    log::info!(
        "{method} {target} -> {}{code} request_id={request_id}{note}{suffix}",
        reply.status.as_u16()
    );
}
