//! The canonical request of bce-auth-v1: method, URI, query string and headers,
//! one per line, joined by `\n` with no trailing newline.

use super::encode::uri_encode_into;

/// Headers signed when the Authorization value lists none: these four, plus every
/// header whose name starts with `x-bce-`.
const DEFAULT_SIGNED_HEADERS: [&str; 4] = ["host", "content-length", "content-type", "content-md5"];

/// Trims the ASCII whitespace that Python's `bytes.strip()` removes (space, tab,
/// LF, CR, vertical tab, form feed). Baidu's official Python SDK trims header
/// names and values this way, so a value that ends in a no-break space keeps it,
/// where Rust's `str::trim` would remove it and sign different bytes.
pub fn trim_http_whitespace(text: &str) -> &str {
    text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'))
}

/// Returns whether a lowercase header name belongs to the default signed set.
pub fn is_default_signed_header(lowercase_name: &str) -> bool {
    lowercase_name.starts_with("x-bce-") || DEFAULT_SIGNED_HEADERS.contains(&lowercase_name)
}

/// Appends the canonical URI: the decoded path percent-encoded with `/` kept, or
/// `/` for an empty path.
pub fn push_canonical_uri(out: &mut String, path: &str) {
    if path.is_empty() {
        out.push('/');
    } else {
        uri_encode_into(out, path, true);
    }
}

/// Appends the canonical query string.
///
/// Each pair becomes `encode(name)=encode(value)`, keeping the `=` for an absent or
/// empty value. The whole strings are sorted by byte order and joined with `&`. A
/// parameter named `authorization`, in any case, is left out, as the Go, Java and
/// JavaScript SDKs do.
pub fn push_canonical_query<Name, Value>(out: &mut String, query: &[(Name, Option<Value>)])
where
    Name: AsRef<str>,
    Value: AsRef<str>,
{
    let mut encoded: Vec<String> = Vec::with_capacity(query.len());
    for (name, value) in query {
        let name = name.as_ref();
        if name.eq_ignore_ascii_case("authorization") {
            continue;
        }

        let mut pair = String::with_capacity(name.len() + 1 + value.as_ref().map_or(0, |v| v.as_ref().len()));
        uri_encode_into(&mut pair, name, false);
        pair.push('=');
        if let Some(value) = value {
            uri_encode_into(&mut pair, value.as_ref(), false);
        }
        encoded.push(pair);
    }

    encoded.sort_unstable();
    for (index, pair) in encoded.iter().enumerate() {
        if index > 0 {
            out.push('&');
        }
        out.push_str(pair);
    }
}

/// Appends the canonical headers.
///
/// `signed_headers` contains lowercase, trimmed names. When it is empty, the default
/// set applies. Each header becomes `lowercase(trim(name)):encode(trim(value))`. A
/// header whose trimmed value is empty is skipped, and the lines are sorted by byte
/// order.
pub fn push_canonical_headers<Name, Value>(out: &mut String, headers: &[(Name, Value)], signed_headers: &[String])
where
    Name: AsRef<str>,
    Value: AsRef<str>,
{
    let mut lines: Vec<String> = Vec::with_capacity(headers.len());
    for (name, value) in headers {
        let name = trim_http_whitespace(name.as_ref());
        let value = trim_http_whitespace(value.as_ref());
        if value.is_empty() {
            continue;
        }

        // The line starts with the lowercase name, so the name is lowercased once,
        // straight into the line, and checked there.
        let mut line = String::with_capacity(name.len() + 1 + value.len());
        line.push_str(name);
        line.make_ascii_lowercase();
        let signed = if signed_headers.is_empty() {
            is_default_signed_header(&line)
        } else {
            signed_headers.contains(&line)
        };
        if !signed {
            continue;
        }

        line.push(':');
        uri_encode_into(&mut line, value, false);
        lines.push(line);
    }

    lines.sort_unstable();
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        out.push_str(line);
    }
}

/// Returns the `signedHeaders` list in its canonical form: trimmed, lowercase,
/// sorted and without duplicates or empty names.
pub fn normalize_signed_headers<Name: AsRef<str>>(names: &[Name]) -> Vec<String> {
    let mut normalized: Vec<String> = names
        .iter()
        .map(|name| trim_http_whitespace(name.as_ref()).to_ascii_lowercase())
        .filter(|name| !name.is_empty())
        .collect();
    normalized.sort_unstable();
    normalized.dedup();
    normalized
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_sorts_encoded_pairs() {
        let query = [("a_b", Some("2")), ("a", Some("lower")), ("A", Some("upper")), ("a-b", Some("1"))];
        let mut out = String::new();
        push_canonical_query(&mut out, &query);
        assert_eq!(out, "A=upper&a-b=1&a=lower&a_b=2");
    }

    #[test]
    fn query_keeps_equals_for_missing_value() {
        let query: [(&str, Option<&str>); 2] = [("imageType", None), ("marker", Some(""))];
        let mut out = String::new();
        push_canonical_query(&mut out, &query);
        assert_eq!(out, "imageType=&marker=");
    }

    #[test]
    fn query_drops_authorization_parameter() {
        let query = [("Authorization", Some("x")), ("b", Some("1"))];
        let mut out = String::new();
        push_canonical_query(&mut out, &query);
        assert_eq!(out, "b=1");
    }

    #[test]
    fn headers_default_set_and_empty_values() {
        let headers = [("Host", "h"), ("User-Agent", "ua"), ("x-bce-empty", "  "), ("X-Bce-Date", " d ")];
        let mut out = String::new();
        push_canonical_headers(&mut out, &headers, &[]);
        assert_eq!(out, "host:h\nx-bce-date:d");
    }

    #[test]
    fn headers_keep_no_break_space() {
        let headers = [("x-bce-meta", "\u{00A0}v\u{00A0} ")];
        let mut out = String::new();
        push_canonical_headers(&mut out, &headers, &[]);
        assert_eq!(out, "x-bce-meta:%C2%A0v%C2%A0");
    }

    #[test]
    fn headers_listed_set_only() {
        let headers = [("Host", "h"), ("x-bce-date", "d")];
        let mut out = String::new();
        push_canonical_headers(&mut out, &headers, &["host".to_string()]);
        assert_eq!(out, "host:h");
    }

    #[test]
    fn signed_header_names_normalized() {
        assert_eq!(normalize_signed_headers(&[" Host", "x-bce-date", "host", ""]), ["host", "x-bce-date"]);
    }
}
