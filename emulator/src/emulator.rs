//! The public handle: starts the server, inspects and steers it, and stops it.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

use crate::faults::Fault;
use crate::record::RecordedRequest;
use crate::server::accept_loop;
use crate::shared::Shared;
use crate::tls::{build_acceptor, TlsFiles};

/// Worker threads of the server runtime. Two keep a slow (delayed) request from
/// stalling the others without costing much in tests that start many emulators.
const WORKER_THREADS: usize = 2;

/// Listening address, accepted credentials and initial images of an emulator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmulatorConfig {
    /// Address to listen on; port 0 picks a free port.
    pub listen: SocketAddr,
    /// Accepted credentials as (access key id, secret access key).
    pub credentials: Vec<(String, String)>,
    /// Images as (image id, name).
    pub images: Vec<(String, String)>,
    /// Serve https with this certificate and key; `None` serves plain http.
    pub tls: Option<TlsFiles>,
}

impl Default for EmulatorConfig {
    /// Listens on 127.0.0.1 at a free port over http, with no credentials and no
    /// images.
    fn default() -> Self {
        EmulatorConfig {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            credentials: Vec::new(),
            images: Vec::new(),
            tls: None,
        }
    }
}

/// A running emulator. Stopping it, or dropping it, closes the listening socket and
/// every connection and ends its threads.
#[derive(Debug)]
pub struct Emulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    scheme: &'static str,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Emulator {
    /// Binds the listening socket and serves on background threads.
    ///
    /// Returns once the socket listens, so requests can be sent at once. Fails when
    /// the TLS files are invalid, the address cannot be bound or the threads cannot
    /// start.
    pub fn start(config: EmulatorConfig) -> std::io::Result<Emulator> {
        // The TLS files are read first, so that a bad file fails before anything runs.
        let tls = config.tls.as_ref().map(build_acceptor).transpose()?;
        let scheme = if tls.is_some() { "https" } else { "http" };

        let listener = std::net::TcpListener::bind(config.listen)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;

        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(WORKER_THREADS)
            .thread_name("bcc-emulator-worker")
            .enable_io()
            .enable_time()
            .build()?;
        let registered = {
            let _context = runtime.enter();
            tokio::net::TcpListener::from_std(listener)
        };
        let listener = match registered {
            Ok(listener) => listener,
            Err(error) => {
                // shutdown_background does not block, so unlike a plain drop it cannot
                // panic inside a caller's async runtime.
                runtime.shutdown_background();
                return Err(error);
            }
        };

        let shared = Arc::new(Shared::new(&config.credentials, &config.images));
        let (shutdown, shutdown_received) = oneshot::channel();
        let loop_shared = Arc::clone(&shared);

        // The runtime lives and is dropped on this thread, never in the caller's
        // context, because dropping a runtime inside another async runtime panics.
        // Dropping it cancels every connection task and closes their sockets.
        let (started, thread_started) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new().name("bcc-emulator".to_string()).spawn(move || {
            // The send fails only if start() has already returned, so it is ignored.
            let _ = started.send(());
            runtime.block_on(accept_loop(listener, tls, loop_shared, shutdown_received));
            drop(runtime);
        })?;
        // Waiting here means the server thread runs, with its name set, when start()
        // returns, so callers that inspect the process's threads see it. The recv
        // fails only if the thread ended first, and then stop() reports its panic.
        let _ = thread_started.recv();

        log::info!(
            "emulator listening on {scheme}://{addr} with {} access key(s) and {} image(s)",
            config.credentials.len(),
            config.images.len()
        );
        Ok(Emulator {
            shared,
            addr,
            scheme,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    /// Returns the address the emulator listens on, with the port it picked.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Returns the endpoint URL for clients, such as `http://127.0.0.1:41234`, or
    /// `https://…` when the emulator serves TLS.
    pub fn endpoint(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    /// Returns the current name of an image, or `None` for an unknown id.
    pub fn image_name(&self, image_id: &str) -> Option<String> {
        self.shared.images.image_name(image_id)
    }

    /// Returns every image as (id, name), sorted by id.
    pub fn images(&self) -> Vec<(String, String)> {
        self.shared.images.images().into_iter().map(|(id, name, _)| (id, name)).collect()
    }

    /// Returns how many renames were applied to an image: replays of a clientToken
    /// and rejected renames do not count. Returns 0 for an unknown id.
    pub fn renames_applied(&self, image_id: &str) -> u64 {
        self.shared.images.renames_applied(image_id)
    }

    /// Returns how many TCP connections were accepted, control connections included.
    pub fn connections_accepted(&self) -> u64 {
        self.shared.connections_accepted.load(Ordering::Relaxed)
    }

    /// Returns how many API requests arrived, those under `/_emulator/` excluded.
    pub fn requests_received(&self) -> u64 {
        self.shared.requests_received.load(Ordering::Relaxed)
    }

    /// Returns the latest API requests, oldest first, with their `x-bce-date`,
    /// `Authorization` and clientToken, so a test can check that each retry was
    /// signed afresh. At most [`crate::MAX_RECORDED_REQUESTS`] are kept.
    pub fn recent_requests(&self) -> Vec<RecordedRequest> {
        self.shared.recent_requests.recent()
    }

    /// Queues `fault` for the next API request after those already queued.
    ///
    /// # Panics
    ///
    /// Panics when the fault's status is not from 200 to 599, because no response
    /// could carry it.
    pub fn inject_fault(&self, fault: Fault) {
        self.inject_faults(fault, 1);
    }

    /// Queues `fault` for the next `times` API requests after those already queued.
    ///
    /// # Panics
    ///
    /// Panics when the fault's status is not from 200 to 599.
    pub fn inject_faults(&self, fault: Fault, times: u64) {
        if let Err(message) = fault.validate() {
            panic!("{message}");
        }
        self.shared.faults.push(fault, times);
    }

    /// Returns how many queued faults are still waiting for a request.
    pub fn faults_pending(&self) -> usize {
        self.shared.faults.len()
    }

    /// Removes every queued fault.
    pub fn clear_faults(&self) {
        self.shared.faults.clear();
    }

    /// Sets the seconds added to the real clock when signatures are checked. A
    /// positive offset makes the server clock run ahead of the client's.
    pub fn set_clock_offset(&self, seconds: i64) {
        self.shared.clock_offset_seconds.store(seconds, Ordering::Relaxed);
    }

    /// Stops serving and waits for the server threads to end.
    pub fn stop(self) {
        drop(self);
    }

    fn shut_down(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            // An error means the accept loop has already ended, which is the goal.
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            if thread.join().is_err() {
                log::error!("the emulator server thread panicked");
            }
            log::info!("emulator on {} stopped", self.endpoint());
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.shut_down();
    }
}
