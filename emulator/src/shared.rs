//! The state that the server tasks and the `Emulator` handle share.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

use crate::faults::FaultQueue;
use crate::record::RequestLog;
use crate::state::ImageStore;

#[derive(Debug)]
pub struct Shared {
    /// Secret access keys by access key id.
    pub credentials: HashMap<String, String>,
    pub images: ImageStore,
    pub faults: FaultQueue,
    /// Seconds added to the real clock when signatures are checked.
    pub clock_offset_seconds: AtomicI64,
    pub connections_accepted: AtomicU64,
    /// API requests only: those under `/_emulator/` are not counted.
    pub requests_received: AtomicU64,
    /// Signing headers of the latest API requests, for tests.
    pub recent_requests: RequestLog,
}

impl Shared {
    pub fn new(credentials: &[(String, String)], images: &[(String, String)]) -> Self {
        Shared {
            credentials: credentials.iter().cloned().collect(),
            images: ImageStore::new(images),
            faults: FaultQueue::default(),
            clock_offset_seconds: AtomicI64::new(0),
            connections_accepted: AtomicU64::new(0),
            requests_received: AtomicU64::new(0),
            recent_requests: RequestLog::default(),
        }
    }

    /// Returns the server time in Unix seconds: the real clock plus the offset.
    pub fn now(&self) -> i64 {
        let real = bcc_image::sign::now_unix_seconds() as i64;
        real.saturating_add(self.clock_offset_seconds.load(Ordering::Relaxed))
    }
}
