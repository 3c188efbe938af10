//! The retry policy: which failures are retried, and the delay between attempts.

use std::time::Duration;

use crate::error::{Error, ErrorKind};

/// Retry settings. Every attempt of one call keeps the same clientToken, so a
/// retry after a lost response is answered as a repeat and never renames twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Maximum number of attempts, the first included. 1 turns retries off.
    pub max_attempts: u32,
    /// Delay before the first retry. Later delays double, up to `max_delay`.
    pub base_delay: Duration,
    /// Maximum delay between two attempts.
    pub max_delay: Duration,
    /// Maximum time for the whole call, all attempts and delays included.
    pub deadline: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
            deadline: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Checks the settings and returns an `InvalidArgument` error naming the bad one.
    pub fn validate(&self) -> Result<(), Error> {
        if self.max_attempts == 0 {
            return Err(Error::invalid_argument(
                "invalid retry policy: max_attempts is 0; use 1 for no retries",
            ));
        }
        if self.deadline.is_zero() {
            return Err(Error::invalid_argument("invalid retry policy: the deadline is 0; give a positive duration"));
        }
        if self.base_delay > self.max_delay {
            return Err(Error::invalid_argument(format!(
                "invalid retry policy: base_delay {:?} is greater than max_delay {:?}",
                self.base_delay, self.max_delay
            )));
        }
        Ok(())
    }

    /// Returns the delay before retry number `retry` (1 for the first retry):
    /// `base_delay * 2^(retry-1)`, capped at `max_delay`, then scaled by a jitter
    /// factor in [0.5, 1.0) so that many clients do not retry in step.
    /// `jitter_source` is any random number.
    pub fn backoff_delay(&self, retry: u32, jitter_source: u64) -> Duration {
        let exponent = retry.saturating_sub(1).min(30);
        let uncapped = self.base_delay.saturating_mul(1u32 << exponent);
        let capped = uncapped.min(self.max_delay);

        let jitter = 0.5 + (jitter_source % 1_000_000) as f64 / 2_000_000.0;
        capped.mul_f64(jitter)
    }
}

/// Returns whether an attempt that failed with `error` may be retried.
///
/// Connection failures, timeouts, HTTP 500, 502, 503 and 504, and
/// `RequestExpired` are retried. `RequestExpired` is retried because every attempt
/// is signed afresh. No other 4xx is retried, because the same request would fail
/// the same way, and TLS failures are not retried because they are configuration
/// errors.
pub fn is_retryable(error: &Error) -> bool {
    match error.kind() {
        ErrorKind::Transport | ErrorKind::TimedOut => true,
        ErrorKind::Service => {
            matches!(error.http_status(), Some(500 | 502 | 503 | 504)) || error.code() == Some("RequestExpired")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_then_caps() {
        let policy = RetryPolicy {
            max_attempts: 10,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(350),
            deadline: Duration::from_secs(10),
        };
        // A jitter source of 999_999 gives a factor just under 1.0.
        let full = |retry| policy.backoff_delay(retry, 999_999).as_millis();
        assert_eq!(full(1), 99);
        assert_eq!(full(2), 199);
        assert_eq!(full(3), 349);
        assert_eq!(full(20), 349);
        assert_eq!(policy.backoff_delay(1, 0).as_millis(), 50);
    }

    #[test]
    fn retryable_service_errors() {
        let service = |status, code: &str| Error::service(status, Some(code.to_string()), String::new(), None);
        assert!(is_retryable(&service(503, "ServiceUnavailable")));
        assert!(is_retryable(&service(500, "InternalError")));
        assert!(is_retryable(&service(400, "RequestExpired")));
        assert!(!is_retryable(&service(400, "BadRequest")));
        assert!(!is_retryable(&service(403, "AccessDenied")));
        assert!(!is_retryable(&service(404, "NoSuchObject")));
        assert!(!is_retryable(&Error::invalid_argument("x")));
    }

    #[test]
    fn zero_attempts_rejected() {
        let policy = RetryPolicy { max_attempts: 0, ..RetryPolicy::default() };
        assert!(policy.validate().unwrap_err().message().contains("max_attempts"));
    }
}
