//! Parsers for the text forms that C and scripting callers pass to the signer:
//! a query string as sent on the wire, `Name: value` header lines, and a
//! `;`-separated signed-headers list.

use super::canonical::trim_http_whitespace;
use super::encode::percent_decode;
use crate::error::Error;

/// Splits a wire query string such as `clientToken=a%20b&flag` into decoded pairs.
///
/// A parameter without `=` has the value `None`. Empty segments (`a=1&&b=2`) are
/// skipped. A leading `?` is rejected, because it is not part of the query.
pub fn parse_wire_query(query: &str) -> Result<Vec<(String, Option<String>)>, Error> {
    if query.starts_with('?') {
        return Err(Error::invalid_argument(format!(
            "invalid query {query:?}: pass the query without the leading '?'"
        )));
    }

    let mut pairs = Vec::new();
    for segment in query.split('&').filter(|segment| !segment.is_empty()) {
        let (name, value) = match segment.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (segment, None),
        };
        let decode = |text: &str| {
            percent_decode(text).ok_or_else(|| {
                Error::invalid_argument(format!(
                    "invalid query parameter {segment:?}: it has a bad percent-escape or is not UTF-8 once decoded"
                ))
            })
        };
        pairs.push((decode(name)?, value.map(decode).transpose()?));
    }
    Ok(pairs)
}

/// Splits `Name: value` lines separated by `\n` (a `\r` before it is dropped) into
/// pairs. Blank lines are skipped. A line without `:`, or with an empty or
/// non-token name, is rejected.
pub fn parse_header_lines(text: &str) -> Result<Vec<(String, String)>, Error> {
    let mut headers = Vec::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }

        let Some((name, value)) = line.split_once(':') else {
            return Err(Error::invalid_argument(format!(
                "invalid header line {line:?}: expected 'Name: value'"
            )));
        };
        let name = trim_http_whitespace(name);
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return Err(Error::invalid_argument(format!(
                "invalid header name {name:?} in line {line:?}: use letters, digits and -"
            )));
        }
        headers.push((name.to_string(), trim_http_whitespace(value).to_string()));
    }
    Ok(headers)
}

/// Splits a `;`-separated list of header names. Empty text gives an empty list,
/// which selects the default signed set.
pub fn parse_signed_header_list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Returns whether `byte` may appear in an HTTP header name (an RFC 9110 token).
fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_pairs_decoded() {
        let pairs = parse_wire_query("clientToken=a%20b&flag&&x=").unwrap();
        assert_eq!(pairs[0], ("clientToken".to_string(), Some("a b".to_string())));
        assert_eq!(pairs[1], ("flag".to_string(), None));
        assert_eq!(pairs[2], ("x".to_string(), Some(String::new())));
        assert_eq!(pairs.len(), 3);
    }

    #[test]
    fn query_rejects_bad_escape() {
        assert!(parse_wire_query("a=%zz").unwrap_err().message().contains("percent-escape"));
        assert!(parse_wire_query("?a=1").is_err());
    }

    #[test]
    fn header_lines_parsed() {
        let headers = parse_header_lines("Host: h\r\nx-bce-date:  d \n\n").unwrap();
        assert_eq!(headers, [("Host".to_string(), "h".to_string()), ("x-bce-date".to_string(), "d".to_string())]);
    }

    #[test]
    fn header_lines_rejected() {
        assert!(parse_header_lines("no colon").is_err());
        assert!(parse_header_lines(": value").is_err());
        assert!(parse_header_lines("bad name: v").is_err());
    }

    #[test]
    fn signed_list_split() {
        assert_eq!(parse_signed_header_list(" Host;;x-bce-date "), ["host", "x-bce-date"]);
        assert!(parse_signed_header_list("").is_empty());
    }
}
