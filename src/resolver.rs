//! Host name resolution for the client's agent, without a thread per request.
//!
//! ureq 3 resolves the host before every request, pooled connections included,
//! and when a timeout is set, its default resolver spawns a thread for each
//! lookup so that it can give up on time. The client sets a timeout on every
//! attempt, so that thread more than doubled the time of a rename against a
//! local server (benches and numbers in BENCHMARKS.md).
//! This resolver returns IP literals directly and keeps a host name's addresses
//! for [`CACHE_TTL`], calling the default resolver only on a miss.

use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// How long a host name's addresses are reused. Kept-alive connections outlive
/// it anyway, so it only bounds how late a new connection uses a changed DNS record.
pub const CACHE_TTL: Duration = Duration::from_secs(30);

/// The last host name lookup: `scheme://authority`, when it was made, and its
/// addresses.
#[derive(Debug)]
struct CachedLookup {
    key: String,
    resolved_at: Instant,
    addresses: ResolvedSocketAddrs,
}

/// A [`Resolver`] that skips lookups of IP literals and caches the last host
/// name. A client talks to one endpoint, so one entry is enough.
#[derive(Debug, Default)]
pub struct CachingResolver {
    inner: DefaultResolver,
    last: Mutex<Option<CachedLookup>>,
}

impl Resolver for CachingResolver {
    fn resolve(&self, uri: &Uri, config: &Config, timeout: NextTimeout) -> Result<ResolvedSocketAddrs, ureq::Error> {
        if let Some(address) = ip_literal_address(uri) {
            let mut addresses = self.empty();
            addresses.push(address);
            return Ok(addresses);
        }

        let key = match (uri.scheme_str(), uri.authority()) {
            (Some(scheme), Some(authority)) => format!("{scheme}://{authority}"),
            // The default resolver returns the right error for an incomplete URL.
            _ => return self.inner.resolve(uri, config, timeout),
        };
        if let Some(addresses) = self.cached(&key) {
            return Ok(addresses);
        }

        let addresses = self.inner.resolve(uri, config, timeout)?;
        let lookup = CachedLookup {
            key,
            resolved_at: Instant::now(),
            addresses: addresses.clone(),
        };
        // A poisoned lock only means another thread panicked while storing a lookup.
        *self.last.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(lookup);
        Ok(addresses)
    }
}

impl CachingResolver {
    fn cached(&self, key: &str) -> Option<ResolvedSocketAddrs> {
        let last = self.last.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        last.as_ref()
            .filter(|lookup| lookup.key == key && lookup.resolved_at.elapsed() < CACHE_TTL)
            .map(|lookup| lookup.addresses.clone())
    }
}

/// Returns the socket address of a URL whose host is an IPv4 or bracketed IPv6
/// literal, with the scheme's default port when the URL gives none.
fn ip_literal_address(uri: &Uri) -> Option<SocketAddr> {
    let authority = uri.authority()?;
    let host = authority.host();
    let host = host.strip_prefix('[').and_then(|inner| inner.strip_suffix(']')).unwrap_or(host);
    let ip: IpAddr = host.parse().ok()?;
    let port = match (authority.port_u16(), uri.scheme_str()) {
        (Some(port), _) => port,
        (None, Some("http")) => 80,
        (None, Some("https")) => 443,
        _ => return None,
    };
    Some(SocketAddr::new(ip, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(url: &str) -> Option<SocketAddr> {
        ip_literal_address(&url.parse::<Uri>().unwrap())
    }

    #[test]
    fn ip_literals_resolved_directly() {
        assert_eq!(literal("http://127.0.0.1:8080/x"), Some("127.0.0.1:8080".parse().unwrap()));
        assert_eq!(literal("https://[::1]/x"), Some("[::1]:443".parse().unwrap()));
        assert_eq!(literal("http://10.0.0.1/x"), Some("10.0.0.1:80".parse().unwrap()));
    }

    #[test]
    fn host_names_not_literals() {
        assert_eq!(literal("https://bcc.bj.baidubce.com/v2"), None);
        assert_eq!(literal("http://localhost:8080/"), None);
    }

    #[test]
    fn cache_misses_other_endpoint() {
        let resolver = CachingResolver::default();
        *resolver.last.lock().unwrap() = Some(CachedLookup {
            key: "https://a.example".to_string(),
            resolved_at: Instant::now(),
            addresses: resolver.empty(),
        });
        assert!(resolver.cached("https://a.example").is_some());
        assert!(resolver.cached("https://b.example").is_none());
    }
}
