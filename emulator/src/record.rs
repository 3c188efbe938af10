//! The signing headers of recent API requests, kept so that tests can prove that
//! each retry was signed afresh and kept its clientToken.
//!
//! The values stay in memory and are never logged, because an Authorization value
//! is a valid signature until it expires.

use std::collections::VecDeque;
use std::fmt;
use std::sync::{Mutex, MutexGuard};

use hyper::HeaderMap;

use crate::target::RequestTarget;

/// Maximum number of requests kept. Older ones are dropped first, so a long test
/// run does not grow the emulator's memory without bound.
pub const MAX_RECORDED_REQUESTS: usize = 256;

/// The ids and signing headers of one API request, faulted requests included.
#[derive(Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The `x-bce-request-id` that the emulator sent, or would have sent, back.
    pub request_id: String,
    /// The `x-bce-date` header, if sent and valid UTF-8.
    pub x_bce_date: Option<String>,
    /// The `Authorization` header, if sent and valid UTF-8.
    pub authorization: Option<String>,
    /// The first decoded `clientToken` query parameter, if any.
    pub client_token: Option<String>,
}

impl fmt::Debug for RecordedRequest {
    /// Shows the Authorization value's length only, so that a failed assertion
    /// never prints a signature.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let authorization = self.authorization.as_ref().map(|value| format!("<{} bytes>", value.len()));
        f.debug_struct("RecordedRequest")
            .field("request_id", &self.request_id)
            .field("x_bce_date", &self.x_bce_date)
            .field("authorization", &authorization)
            .field("client_token", &self.client_token)
            .finish()
    }
}

impl RecordedRequest {
    /// Reads the recorded fields from a request's headers and URI.
    pub fn new(request_id: &str, headers: &HeaderMap, uri: &hyper::Uri) -> Self {
        let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok()).map(str::to_string);
        // The API handler rejects an undecodable URI later, so here it only means
        // that no token is recorded.
        let client_token = RequestTarget::decode(uri)
            .ok()
            .and_then(|target| target.query_values("clientToken").next().flatten().map(str::to_string));
        RecordedRequest {
            request_id: request_id.to_string(),
            x_bce_date: header("x-bce-date"),
            authorization: header("authorization"),
            client_token,
        }
    }
}

/// The last [`MAX_RECORDED_REQUESTS`] API requests, oldest first.
#[derive(Debug, Default)]
pub struct RequestLog {
    recent: Mutex<VecDeque<RecordedRequest>>,
}

impl RequestLog {
    pub fn push(&self, request: RecordedRequest) {
        let mut recent = self.lock();
        if recent.len() == MAX_RECORDED_REQUESTS {
            recent.pop_front();
        }
        recent.push_back(request);
    }

    pub fn recent(&self) -> Vec<RecordedRequest> {
        self.lock().iter().cloned().collect()
    }

    fn lock(&self) -> MutexGuard<'_, VecDeque<RecordedRequest>> {
        // push and pop cannot panic halfway, so a poisoned log is still whole.
        self.recent.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(id: usize) -> RecordedRequest {
        RecordedRequest {
            request_id: id.to_string(),
            x_bce_date: None,
            authorization: Some("bce-auth-v1/ak/2024-01-01T00:00:00Z/1800//signature".to_string()),
            client_token: None,
        }
    }

    #[test]
    fn log_keeps_newest() {
        let log = RequestLog::default();
        for id in 0..MAX_RECORDED_REQUESTS + 2 {
            log.push(request(id));
        }
        let recent = log.recent();
        assert_eq!(recent.len(), MAX_RECORDED_REQUESTS);
        assert_eq!(recent[0].request_id, "2");
        assert_eq!(recent.last().unwrap().request_id, (MAX_RECORDED_REQUESTS + 1).to_string());
    }

    #[test]
    fn debug_hides_signature() {
        let text = format!("{:?}", request(1));
        assert!(!text.contains("signature"), "{text}");
        assert!(text.contains("<51 bytes>"), "{text}");
    }

    #[test]
    fn token_read_from_query() {
        let uri: hyper::Uri = "/v2/image/rename?clientToken=abc%2D1".parse().unwrap();
        let recorded = RecordedRequest::new("id", &HeaderMap::new(), &uri);
        assert_eq!(recorded.client_token.as_deref(), Some("abc-1"));
    }
}
