//! The endpoint of requests: `https://bcc.{region}.baidubce.com`, or an explicit URL.

use ureq::http::uri::{Scheme, Uri};

use crate::error::Error;

/// Region used when the caller names none: Beijing.
pub const DEFAULT_REGION: &str = "bj";

/// A parsed endpoint: the scheme and the exact `Host` header value to sign and send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// `http` or `https`.
    pub scheme: &'static str,
    /// The `Host` value: the host, plus `:port` when the port is not the scheme's
    /// default, as bce-auth-v1 signs it.
    pub host: String,
}

impl Endpoint {
    /// Returns the BCC endpoint of a region, over HTTPS.
    ///
    /// The official SDKs default to plain HTTP. This library defaults to HTTPS so
    /// that credentials and signatures never cross the network in clear text.
    pub fn for_region(region: &str) -> Result<Self, Error> {
        let valid = !region.is_empty()
            && region.len() <= 32
            && region.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
        if !valid {
            return Err(Error::invalid_argument(format!(
                "invalid region {region:?}: use a BCC region id such as bj, gz, su, bd, fwh, hkg or cd"
            )));
        }
        Ok(Endpoint {
            scheme: "https",
            host: format!("bcc.{region}.baidubce.com"),
        })
    }

    /// Parses an endpoint URL such as `https://bcc.bj.baidubce.com` or
    /// `http://127.0.0.1:8080`. A path other than `/`, a query or user
    /// information is rejected, because the API path is fixed.
    pub fn parse(url: &str) -> Result<Self, Error> {
        let invalid = |reason: &str| {
            Error::invalid_argument(format!(
                "invalid endpoint {url:?}: {reason}; use a URL such as https://bcc.bj.baidubce.com or http://127.0.0.1:8080"
            ))
        };

        let uri: Uri = url.parse().map_err(|_| invalid("it is not a URL"))?;
        let scheme = match uri.scheme() {
            Some(scheme) if *scheme == Scheme::HTTPS => "https",
            Some(scheme) if *scheme == Scheme::HTTP => "http",
            Some(_) => return Err(invalid("the scheme must be http or https")),
            None => return Err(invalid("the scheme is missing")),
        };
        let authority = uri.authority().ok_or_else(|| invalid("the host is missing"))?;
        if authority.as_str().contains('@') {
            return Err(invalid("user information is not allowed"));
        }
        if authority.host().is_empty() {
            return Err(invalid("the host is missing"));
        }
        if !matches!(uri.path(), "" | "/") || uri.query().is_some() {
            return Err(invalid("a path or query is not allowed"));
        }

        let default_port = if scheme == "https" { 443 } else { 80 };
        let host = authority.host().to_ascii_lowercase();
        let host = match authority.port_u16() {
            Some(port) if port != default_port => format!("{host}:{port}"),
            _ => host,
        };
        Ok(Endpoint { scheme, host })
    }

    /// Returns the URL prefix, such as `https://bcc.bj.baidubce.com`.
    pub fn base_url(&self) -> String {
        format!("{}://{}", self.scheme, self.host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_endpoint_is_https() {
        let endpoint = Endpoint::for_region("gz").unwrap();
        assert_eq!(endpoint.base_url(), "https://bcc.gz.baidubce.com");
    }

    #[test]
    fn region_rejects_odd_text() {
        for region in ["", "BJ", "bj.evil.com", "b j"] {
            assert!(Endpoint::for_region(region).is_err(), "{region:?}");
        }
    }

    #[test]
    fn parse_drops_default_port() {
        assert_eq!(Endpoint::parse("https://Bcc.bj.baidubce.com:443/").unwrap().host, "bcc.bj.baidubce.com");
        assert_eq!(Endpoint::parse("http://127.0.0.1:80").unwrap().host, "127.0.0.1");
    }

    #[test]
    fn parse_keeps_other_port() {
        let endpoint = Endpoint::parse("http://127.0.0.1:8080").unwrap();
        assert_eq!(endpoint.scheme, "http");
        assert_eq!(endpoint.host, "127.0.0.1:8080");
    }

    #[test]
    fn parse_rejects_bad_urls() {
        for url in ["", "bcc.bj.baidubce.com", "ftp://host", "http://user:pw@host", "http://host/v2", "http://host/?a=1"] {
            let error = Endpoint::parse(url).unwrap_err();
            assert!(error.message().starts_with("invalid endpoint"), "{url}: {error}");
        }
    }
}
