//! The rename request: its URL, JSON body and signed headers, built with no I/O.

use crate::credentials::Credentials;
use crate::rename_signer::{rename_authorization, RenameSigningParts};
use crate::sign::{self, uri_encode_into};

/// `Content-Type` of the request body, as Baidu's API reference gives it.
pub const CONTENT_TYPE_JSON: &str = "application/json;charset=utf-8";

/// One rename, ready to be signed and sent any number of times.
#[derive(Debug, Clone)]
pub struct RenameRequest {
    /// Decoded path, such as `/v2/image/rename`.
    pub path: String,
    /// Full URL, with the clientToken encoded exactly as the signer encodes it.
    pub url: String,
    /// The `Host` header value.
    pub host: String,
    /// The clientToken, which stays the same across retries.
    pub client_token: String,
    /// `{"name":…,"imageId":…}`.
    pub body: String,
    /// The body's length in bytes, as the `content-length` value.
    pub content_length: String,
}

/// The headers of one attempt. Values that stay the same across attempts are
/// borrowed from the request and the credentials, so that signing an attempt
/// allocates only the date and the Authorization value.
#[derive(Debug, Clone)]
pub struct AttemptHeaders<'a> {
    /// The `host` value.
    pub host: &'a str,
    /// The `content-length` value.
    pub content_length: &'a str,
    /// The `x-bce-date` value, `YYYY-MM-DDThh:mm:ssZ`.
    pub date: String,
    /// The `x-bce-security-token` value, for STS credentials.
    pub security_token: Option<&'a str>,
    /// The `Authorization` value.
    pub authorization: String,
}

impl AttemptHeaders<'_> {
    /// Returns the headers as (name, value) pairs, in sending order with
    /// `authorization` last.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let fixed = [
            ("host", self.host),
            ("content-type", CONTENT_TYPE_JSON),
            ("content-length", self.content_length),
            ("x-bce-date", self.date.as_str()),
        ];
        let token = self.security_token.map(|token| ("x-bce-security-token", token));
        fixed
            .into_iter()
            .chain(token)
            .chain(std::iter::once(("authorization", self.authorization.as_str())))
    }
}

impl RenameRequest {
    /// Builds the request. The arguments must already be validated.
    pub fn new(base_url: &str, host: &str, api_version: u32, image_id: &str, name: &str, client_token: &str) -> Self {
        let path = format!("/v{api_version}/image/rename");

        let mut url = String::with_capacity(base_url.len() + path.len() + 13 + client_token.len());
        url.push_str(base_url);
        url.push_str(&path);
        url.push_str("?clientToken=");
        uri_encode_into(&mut url, client_token, false);

        // serde_json escapes both strings. Writing the object by hand keeps the field
        // order of Baidu's documentation, `name` first.
        let body = format!("{{\"name\":{},\"imageId\":{}}}", json_string(name), json_string(image_id));
        let content_length = body.len().to_string();
        RenameRequest {
            path,
            url,
            host: host.to_string(),
            client_token: client_token.to_string(),
            body,
            content_length,
        }
    }

    /// Returns the headers of one attempt at `timestamp` (Unix seconds), the
    /// `Authorization` header last.
    ///
    /// The signed headers are listed in the Authorization value, so the server
    /// checks exactly these: `host`, `content-type`, `content-length`,
    /// `x-bce-date`, and `x-bce-security-token` for STS credentials. Each is sent
    /// with exactly the value that was signed.
    pub fn signed_headers<'a>(&'a self, credentials: &'a Credentials, timestamp: u64, expiration_seconds: u32) -> AttemptHeaders<'a> {
        let date = sign::format_timestamp(timestamp);
        let parts = RenameSigningParts {
            path: &self.path,
            client_token: &self.client_token,
            host: &self.host,
            content_length: &self.content_length,
            date: &date,
        };
        let authorization = rename_authorization(credentials, &parts, expiration_seconds);

        AttemptHeaders {
            host: &self.host,
            content_length: &self.content_length,
            date,
            security_token: credentials.security_token().map(|token| token.expose()),
            authorization,
        }
    }
}

fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baidu_example_request_shape() {
        let request = RenameRequest::new(
            "https://bcc.bj.baidubce.com",
            "bcc.bj.baidubce.com",
            2,
            "m-1849ef6b",
            "newName",
            "1849ef6b-f73c-4f5d-b88b-259ca47af849",
        );
        assert_eq!(request.url, "https://bcc.bj.baidubce.com/v2/image/rename?clientToken=1849ef6b-f73c-4f5d-b88b-259ca47af849");
        assert_eq!(request.body, r#"{"name":"newName","imageId":"m-1849ef6b"}"#);
    }

    #[test]
    fn headers_list_signed_names() {
        let credentials = Credentials::new("ak", "sk").unwrap().with_security_token("token").unwrap();
        let request = RenameRequest::new("http://h", "h", 2, "m-1", "a", "t");
        let headers = request.signed_headers(&credentials, 1_439_266_649, 1800);

        let pairs: Vec<(&str, &str)> = headers.pairs().collect();
        let (last_name, authorization) = pairs.last().unwrap();
        assert_eq!(*last_name, "authorization");
        assert!(authorization.starts_with(
            "bce-auth-v1/ak/2015-08-11T04:17:29Z/1800/content-length;content-type;host;x-bce-date;x-bce-security-token/"
        ));
        assert!(pairs.contains(&("x-bce-security-token", "token")));
        assert!(pairs.contains(&("content-length", "28")));
        assert!(pairs.contains(&("host", "h")));
        assert_eq!(pairs.len(), 6);
    }
}
