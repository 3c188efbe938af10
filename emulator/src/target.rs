//! The decoded request target: path and query parameters as text.

use bcc_image::sign::percent_decode;
use hyper::{StatusCode, Uri};

use crate::response::ApiError;

/// A query parameter: its name and its value, `None` when sent without `=`.
pub type QueryParameter = (String, Option<String>);

/// The path and query of a request after percent-decoding, the form that the
/// canonical request is built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestTarget {
    pub path: String,
    pub query: Vec<QueryParameter>,
}

impl RequestTarget {
    /// Decodes the path and the query of `uri`.
    ///
    /// A truncated or non-hex `%` escape, or an escape that decodes to bytes that
    /// are not UTF-8, is `InvalidURI` (400). Empty `&&` segments are skipped.
    pub fn decode(uri: &Uri) -> Result<Self, ApiError> {
        let path = decode_part(uri.path(), "path")?;

        let mut query = Vec::new();
        for segment in uri.query().unwrap_or("").split('&') {
            if segment.is_empty() {
                continue;
            }
            let parameter = match segment.split_once('=') {
                Some((name, value)) => (decode_part(name, "query")?, Some(decode_part(value, "query")?)),
                None => (decode_part(segment, "query")?, None),
            };
            query.push(parameter);
        }

        Ok(RequestTarget { path, query })
    }

    /// Returns the values of every query parameter named `name`, in order.
    pub fn query_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = Option<&'a str>> + 'a {
        self.query
            .iter()
            .filter(move |(parameter, _)| parameter == name)
            .map(|(_, value)| value.as_deref())
    }
}

fn decode_part(text: &str, part: &str) -> Result<String, ApiError> {
    percent_decode(text).ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "InvalidURI",
            format!("invalid URI: the {part} {text:?} has a malformed %-escape or is not UTF-8 once decoded"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_path_and_query() {
        let uri: Uri = "/v2/image/m%2D1?clientToken=a%20b&flag&&x=".parse().unwrap();
        let target = RequestTarget::decode(&uri).unwrap();
        assert_eq!(target.path, "/v2/image/m-1");
        assert_eq!(
            target.query,
            [
                ("clientToken".to_string(), Some("a b".to_string())),
                ("flag".to_string(), None),
                ("x".to_string(), Some(String::new())),
            ]
        );
    }

    #[test]
    fn decode_rejects_bad_escape() {
        let uri: Uri = "/v2/image/m%zz".parse().unwrap();
        let error = RequestTarget::decode(&uri).unwrap_err();
        assert_eq!(error.code, "InvalidURI");
    }
}
