//! Test helpers: start an emulator and send bce-auth-v1 signed requests to it
//! with ureq over a real socket on 127.0.0.1.

#![allow(dead_code)] // Each test file uses a different part of this module.

use bcc_emulator::{Emulator, EmulatorConfig};
use bcc_image::sign::{now_unix_seconds, sign, uri_encode, SigningInput};
use serde_json::Value;

pub const ACCESS_KEY: &str = "AKTESTEXAMPLE";
pub const SECRET_KEY: &str = "SKtestexample0123456789";
pub const IMAGE_ID: &str = "m-1849ef6b";
pub const OLD_NAME: &str = "oldName";
pub const OTHER_IMAGE_ID: &str = "m-00000002";
pub const JSON_TYPE: &str = "application/json;charset=utf-8";

/// Starts an emulator with one access key and two images.
pub fn start_emulator() -> Emulator {
    Emulator::start(EmulatorConfig {
        credentials: vec![(ACCESS_KEY.to_string(), SECRET_KEY.to_string())],
        images: vec![
            (IMAGE_ID.to_string(), OLD_NAME.to_string()),
            (OTHER_IMAGE_ID.to_string(), "second".to_string()),
        ],
        ..EmulatorConfig::default()
    })
    .expect("the emulator starts on 127.0.0.1")
}

/// An agent that returns 4xx and 5xx responses instead of errors.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

/// One request, described as a client would send it, with ways to break it.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: &'static str,
    /// Decoded path, such as `/v2/image/rename`.
    pub path: String,
    /// Decoded query parameters.
    pub query: Vec<(String, String)>,
    /// Query parameters used for signing in place of the sent ones.
    pub signed_query: Option<Vec<(String, String)>>,
    pub body: Vec<u8>,
    pub access_key: String,
    pub secret_key: String,
    /// Signing time in Unix seconds.
    pub timestamp: u64,
    pub expiration_seconds: u32,
    /// Headers that are sent and signed, apart from `host`, which is added.
    pub headers: Vec<(String, String)>,
    /// Header names listed in signedHeaders. Empty signs the default set.
    pub signed_headers: Vec<String>,
    /// Header values used for signing in place of the sent ones.
    pub signing_overrides: Vec<(String, String)>,
    /// Headers that are signed but not sent.
    pub unsent_headers: Vec<String>,
    /// An Authorization value sent in place of the computed one; `Some("")` sends none.
    pub authorization: Option<String>,
}

impl Call {
    /// Builds a signed rename of `image_id` to `name`, with `clientToken` when given.
    pub fn rename(image_id: &str, name: &str, client_token: Option<&str>) -> Call {
        let body = serde_json::json!({"name": name, "imageId": image_id}).to_string().into_bytes();
        Call::put_rename_body(body, client_token)
    }

    /// Builds a signed rename with the body given as is.
    pub fn put_rename_body(body: Vec<u8>, client_token: Option<&str>) -> Call {
        let query = client_token.map(|token| vec![("clientToken".to_string(), token.to_string())]).unwrap_or_default();
        let length = body.len().to_string();
        Call {
            method: "PUT",
            path: "/v2/image/rename".to_string(),
            query,
            signed_query: None,
            body,
            access_key: ACCESS_KEY.to_string(),
            secret_key: SECRET_KEY.to_string(),
            timestamp: now_unix_seconds(),
            expiration_seconds: 1800,
            headers: vec![
                ("content-type".to_string(), JSON_TYPE.to_string()),
                ("content-length".to_string(), length),
            ],
            signed_headers: vec![
                "host".to_string(),
                "content-type".to_string(),
                "content-length".to_string(),
                "x-bce-date".to_string(),
            ],
            signing_overrides: Vec::new(),
            unsent_headers: Vec::new(),
            authorization: None,
        }
    }

    /// Builds a signed `GET /v2/image/{image_id}`.
    pub fn get_image(image_id: &str) -> Call {
        Call {
            method: "GET",
            path: format!("/v2/image/{image_id}"),
            query: Vec::new(),
            signed_query: None,
            body: Vec::new(),
            access_key: ACCESS_KEY.to_string(),
            secret_key: SECRET_KEY.to_string(),
            timestamp: now_unix_seconds(),
            expiration_seconds: 1800,
            headers: Vec::new(),
            signed_headers: vec!["host".to_string(), "x-bce-date".to_string()],
            signing_overrides: Vec::new(),
            unsent_headers: Vec::new(),
            authorization: None,
        }
    }

    /// Sends the call to `endpoint` and returns the response, or the transport error.
    pub fn send(&self, agent: &ureq::Agent, endpoint: &str) -> Result<Answer, ureq::Error> {
        let host = endpoint.trim_start_matches("http://").to_string();
        let mut sent_headers = vec![("host".to_string(), host)];
        sent_headers.extend(self.headers.iter().cloned());
        sent_headers.push(("x-bce-date".to_string(), bcc_image::sign::format_timestamp(self.timestamp)));

        let signing_headers: Vec<(String, String)> = sent_headers
            .iter()
            .map(|(name, value)| {
                let overridden = self.signing_overrides.iter().find(|(other, _)| other == name);
                (name.clone(), overridden.map_or(value.clone(), |(_, value)| value.clone()))
            })
            .collect();
        let query: Vec<(String, Option<String>)> =
            self.signed_query.as_ref().unwrap_or(&self.query).iter().map(|(name, value)| (name.clone(), Some(value.clone()))).collect();
        let signature = sign(
            &self.access_key,
            &self.secret_key,
            &SigningInput {
                method: self.method,
                path: &self.path,
                query: &query,
                headers: &signing_headers,
                timestamp: self.timestamp,
                expiration_seconds: self.expiration_seconds,
                signed_headers: &self.signed_headers,
            },
        );

        let mut url = format!("{endpoint}{}", self.encoded_path());
        for (index, (name, value)) in self.query.iter().enumerate() {
            url.push(if index == 0 { '?' } else { '&' });
            url.push_str(&format!("{}={}", uri_encode(name), uri_encode(value)));
        }

        let mut request = ureq::http::Request::builder().method(self.method).uri(&url);
        for (name, value) in &sent_headers {
            if !self.unsent_headers.contains(name) {
                request = request.header(name.as_str(), value.as_str());
            }
        }
        match self.authorization.as_deref() {
            None => request = request.header("authorization", signature.authorization.as_str()),
            Some("") => {}
            Some(value) => request = request.header("authorization", value),
        }

        let response = if self.body.is_empty() {
            agent.run(request.body(()).expect("the test request is valid"))?
        } else {
            agent.run(request.body(self.body.clone()).expect("the test request is valid"))?
        };
        Answer::read(response)
    }

    fn encoded_path(&self) -> String {
        let mut out = String::new();
        bcc_image::sign::uri_encode_into(&mut out, &self.path, true);
        out
    }
}

/// A response as a user would check it.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub request_id: Option<String>,
    pub content_type: Option<String>,
    pub body: String,
}

impl Answer {
    pub fn read(mut response: ureq::http::Response<ureq::Body>) -> Result<Answer, ureq::Error> {
        let header = |name: &str| response.headers().get(name).and_then(|value| value.to_str().ok()).map(String::from);
        let request_id = header("x-bce-request-id");
        let content_type = header("content-type");
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string()?;
        Ok(Answer { status, request_id, content_type, body })
    }

    /// Returns the body parsed as JSON, or `Value::Null` when it is not JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    /// Returns the BCE error code of the body.
    pub fn code(&self) -> Option<String> {
        self.json().get("code").and_then(Value::as_str).map(String::from)
    }

    /// Returns the requestId of the error body.
    pub fn body_request_id(&self) -> Option<String> {
        self.json().get("requestId").and_then(Value::as_str).map(String::from)
    }
}

/// Sends `call` to `emulator` on a fresh agent and panics on a transport error.
pub fn send(emulator: &Emulator, call: &Call) -> Answer {
    call.send(&agent(), &emulator.endpoint()).expect("the emulator answers")
}

/// Checks what every BCE error carries: the status, the code, a JSON content
/// type and a requestId equal to the `x-bce-request-id` header.
pub fn assert_bce_error(answer: &Answer, status: u16, code: &str) {
    assert_eq!(answer.status, status, "status; body: {}", answer.body);
    assert_eq!(answer.code().as_deref(), Some(code), "code; body: {}", answer.body);
    assert_eq!(answer.content_type.as_deref(), Some(JSON_TYPE), "content type");
    assert!(answer.request_id.is_some(), "x-bce-request-id header is missing");
    assert_eq!(answer.body_request_id(), answer.request_id, "requestId in body and header");
}
