//! The emulated BCC API: `PUT /v2/image/rename` and `GET /v2/image/{imageId}`.

use hyper::{HeaderMap, Method, StatusCode, Uri};
use serde_json::{json, Value};

use crate::auth;
use crate::response::{ApiError, Reply};
use crate::shared::Shared;
use crate::state::{RenameError, RenameOutcome};
use crate::target::RequestTarget;

/// The only API version that BCC serves.
const SUPPORTED_VERSION: &str = "2";

/// Baidu's limit for clientToken: ASCII, at most 64 characters.
const MAX_CLIENT_TOKEN_LEN: usize = 64;

/// Verifies and handles one API request (any path outside `/_emulator/`).
pub fn handle(shared: &Shared, method: &Method, uri: &Uri, headers: &HeaderMap, body: &[u8]) -> Result<Reply, ApiError> {
    let target = RequestTarget::decode(uri)?;

    let Some((version, resource)) = split_version(&target.path) else {
        return Err(no_such_resource(method, &target.path));
    };

    // Every /v{N}/ request is verified before routing, so an unsigned client learns
    // nothing about which versions, paths or images exist.
    let access_key_id = auth::verify(method, &target, headers, &shared.credentials, shared.now())?;

    if version != SUPPORTED_VERSION {
        return Err(ApiError::not_found(
            "InvalidVersion",
            format!("API version v{version} is not supported; use v{SUPPORTED_VERSION}"),
        ));
    }

    if *method == Method::PUT && resource == "image/rename" {
        return rename(shared, &access_key_id, &target, body);
    }
    if *method == Method::GET {
        if let Some(image_id) = resource.strip_prefix("image/").filter(|id| !id.is_empty() && !id.contains('/')) {
            return get_image(shared, image_id);
        }
    }
    Err(no_such_resource(method, &target.path))
}

/// Splits `/v{digits}/{resource}` into the version digits and the resource.
fn split_version(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix("/v")?;
    let (version, resource) = rest.split_once('/')?;
    if version.is_empty() || !version.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some((version, resource))
}

fn rename(shared: &Shared, access_key_id: &str, target: &RequestTarget, body: &[u8]) -> Result<Reply, ApiError> {
    let client_token = client_token(target)?;
    let (image_id, name) = parse_rename_body(body)?;

    let outcome = shared.images.rename(access_key_id, client_token, &image_id, &name);
    match outcome {
        Ok(RenameOutcome::Applied { old_name }) => {
            Ok(Reply::empty_ok().with_note(format!("renamed {image_id} from {old_name:?} to {name:?}")))
        }
        Ok(RenameOutcome::Replayed) => Ok(Reply::empty_ok().with_note(format!(
            "clientToken {:?} repeats an applied rename of {image_id} to {name:?}; nothing changed",
            client_token.unwrap_or_default()
        ))),
        Err(RenameError::TokenMismatch { image_id: first_id, name: first_name }) => Err(ApiError::forbidden(
            "IdempotentParameterMismatch",
            format!(
                "clientToken {:?} was already used to rename {first_id} to {first_name:?}; \
                 use a new clientToken for a different request",
                client_token.unwrap_or_default()
            ),
        )),
        Err(RenameError::InvalidName(reason)) => Err(ApiError::bad_request("Image.ImageNameInvalid", reason)),
        Err(RenameError::NoSuchImage) => Err(no_such_image(&image_id)),
    }
}

/// Returns the clientToken query parameter. An empty or absent value means no token.
fn client_token(target: &RequestTarget) -> Result<Option<&str>, ApiError> {
    let values: Vec<Option<&str>> = target.query_values("clientToken").collect();
    if values.len() > 1 {
        return Err(ApiError::bad_request("BadRequest", "clientToken is given more than once; give it once"));
    }

    let token = values.first().copied().flatten().filter(|token| !token.is_empty());
    if let Some(token) = token {
        if !token.is_ascii() || token.len() > MAX_CLIENT_TOKEN_LEN {
            return Err(ApiError::bad_request(
                "BadRequest",
                format!("invalid clientToken {token:?}: it must be ASCII and at most {MAX_CLIENT_TOKEN_LEN} characters"),
            ));
        }
    }
    Ok(token)
}

/// Parses `{"name": …, "imageId": …}` into (image id, name). Other fields are
/// ignored, as a JSON API usually does.
fn parse_rename_body(body: &[u8]) -> Result<(String, String), ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|error| ApiError::bad_request("MalformedJSON", format!("the request body is not valid JSON: {error}")))?;

    let Some(object) = value.as_object() else {
        return Err(ApiError::bad_request(
            "BadRequest",
            "the request body must be a JSON object such as {\"name\":\"newName\",\"imageId\":\"m-1849ef6b\"}",
        ));
    };

    let string_field = |field: &str| -> Result<String, ApiError> {
        match object.get(field) {
            Some(Value::String(text)) => Ok(text.clone()),
            Some(other) => Err(ApiError::bad_request("BadRequest", format!("{field:?} must be a string, not {other}"))),
            None => Err(ApiError::bad_request("BadRequest", format!("the string field {field:?} is missing"))),
        }
    };
    Ok((string_field("imageId")?, string_field("name")?))
}

fn get_image(shared: &Shared, image_id: &str) -> Result<Reply, ApiError> {
    let Some(name) = shared.images.image_name(image_id) else {
        return Err(no_such_image(image_id));
    };
    Ok(Reply::json(&json!({"image": {"id": image_id, "name": name}})))
}

fn no_such_image(image_id: &str) -> ApiError {
    ApiError::not_found("NoSuchObject", format!("image {image_id:?} does not exist"))
}

/// Returns the error for any path or method that the emulator does not serve.
///
/// It is `NoSuchObject` (404), because BCE lists `InvalidURI` under 400 and a valid
/// URI that names nothing is a missing resource. The message names the request, so
/// it cannot be mistaken for a missing image.
fn no_such_resource(method: &Method, path: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "NoSuchObject",
        format!(
            "no such resource: {method} {path}; the emulator serves PUT /v2/image/rename and GET /v2/image/{{imageId}}"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_version_needs_digits() {
        assert_eq!(split_version("/v2/image/rename"), Some(("2", "image/rename")));
        assert_eq!(split_version("/v10/x"), Some(("10", "x")));
        assert_eq!(split_version("/vx/image"), None);
        assert_eq!(split_version("/v2"), None);
        assert_eq!(split_version("/image/rename"), None);
    }

    #[test]
    fn rename_body_field_types() {
        assert!(parse_rename_body(br#"{"name":"a","imageId":"m-1","extra":1}"#).is_ok());
        assert_eq!(parse_rename_body(b"{").unwrap_err().code, "MalformedJSON");
        assert_eq!(parse_rename_body(br#"{"name":1,"imageId":"m-1"}"#).unwrap_err().code, "BadRequest");
        assert_eq!(parse_rename_body(br#"["a"]"#).unwrap_err().code, "BadRequest");
    }
}
