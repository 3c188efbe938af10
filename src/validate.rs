//! Local checks of the rename's inputs, made before any network I/O.

use crate::error::Error;

/// Maximum image name length, in characters (Unicode scalar values), not bytes.
pub const MAX_IMAGE_NAME_CHARS: usize = 65;

/// Maximum clientToken length. Baidu documents the token as ASCII, at most 64
/// characters.
pub const MAX_CLIENT_TOKEN_LEN: usize = 64;

/// Maximum image id length that is accepted locally. Baidu documents no limit, and
/// real ids such as `m-1849ef6b` are short, so this only stops runaway input.
pub const MAX_IMAGE_ID_LEN: usize = 128;

/// Checks an image name against BCC's rule and returns an `InvalidArgument` error
/// that shows the name and the broken point.
///
/// The rule: 1 to 65 characters, the first an ASCII letter, the rest ASCII letters,
/// digits, Han ideographs, `-`, `_`, `/` or `.`. The Chinese version of Baidu's
/// rule shows a space among the special characters and the English one does not.
/// This check rejects spaces, and a client option turns it off to let the server
/// decide.
///
/// ```
/// use bcc_image::validate_image_name;
///
/// assert!(validate_image_name("web-server_v2.0").is_ok());
/// assert!(validate_image_name("a测试镜像").is_ok());
/// let error = validate_image_name("1st image").unwrap_err();
/// assert!(error.message().contains("must start with an ASCII letter"));
/// ```
pub fn validate_image_name(name: &str) -> Result<(), Error> {
    let length = name.chars().count();
    if length == 0 {
        return Err(Error::invalid_argument("invalid image name: the name is empty; give 1 to 65 characters"));
    }
    if length > MAX_IMAGE_NAME_CHARS {
        return Err(Error::invalid_argument(format!(
            "invalid image name {name:?}: it has {length} characters, and the maximum is {MAX_IMAGE_NAME_CHARS}"
        )));
    }

    let first = name.chars().next().unwrap_or_default();
    if !first.is_ascii_alphabetic() {
        return Err(Error::invalid_argument(format!(
            "invalid image name {name:?}: it starts with {first:?}, but it must start with an ASCII letter (a-z or A-Z)"
        )));
    }

    if let Some((position, rejected)) = name.chars().enumerate().find(|&(_, c)| !is_allowed_name_char(c)) {
        return Err(Error::invalid_argument(format!(
            "invalid image name {name:?}: character {rejected:?} (U+{:04X}) at position {} is not allowed; \
             use letters, digits, Chinese characters, '-', '_', '/' or '.'",
            u32::from(rejected),
            position + 1
        )));
    }
    Ok(())
}

/// Checks an image id: not empty, at most [`MAX_IMAGE_ID_LEN`] bytes, and printable
/// ASCII without spaces, because ids such as `m-1849ef6b` are always of that form.
pub fn validate_image_id(image_id: &str) -> Result<(), Error> {
    if image_id.is_empty() {
        return Err(Error::invalid_argument("invalid image id: the id is empty; give an id such as m-1849ef6b"));
    }
    if image_id.len() > MAX_IMAGE_ID_LEN {
        return Err(Error::invalid_argument(format!(
            "invalid image id: it is {} bytes long, and the maximum is {MAX_IMAGE_ID_LEN}",
            image_id.len()
        )));
    }
    if !image_id.bytes().all(|byte| byte.is_ascii_graphic()) {
        return Err(Error::invalid_argument(format!(
            "invalid image id {image_id:?}: it must be printable ASCII without spaces, such as m-1849ef6b"
        )));
    }
    Ok(())
}

/// Checks a caller's clientToken: 1 to 64 printable ASCII characters.
///
/// Baidu requires ASCII. Spaces and control characters are rejected too, because a
/// token is an opaque id and such characters are almost always a mistake.
pub fn validate_client_token(token: &str) -> Result<(), Error> {
    if token.is_empty() {
        return Err(Error::invalid_argument(
            "invalid clientToken: the token is empty; pass none to have a UUID generated",
        ));
    }
    if token.len() > MAX_CLIENT_TOKEN_LEN {
        return Err(Error::invalid_argument(format!(
            "invalid clientToken {token:?}: it is {} characters long, and the maximum is {MAX_CLIENT_TOKEN_LEN}",
            token.len()
        )));
    }
    if !token.bytes().all(|byte| byte.is_ascii_graphic()) {
        return Err(Error::invalid_argument(format!(
            "invalid clientToken {token:?}: it must be printable ASCII without spaces"
        )));
    }
    Ok(())
}

fn is_allowed_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.') || is_han_ideograph(c)
}

/// Returns whether `c` is a Han ideograph: the CJK Unified Ideographs block, its
/// extensions A to I, and the two compatibility ideograph blocks (Unicode 16).
pub fn is_han_ideograph(c: char) -> bool {
    matches!(u32::from(c),
        0x3400..=0x4DBF     // Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xF900..=0xFAFF   // Compatibility Ideographs
        | 0x20000..=0x2A6DF // Extension B
        | 0x2A700..=0x2EE5F // Extensions C, D, E, F and I
        | 0x2F800..=0x2FA1F // Compatibility Ideographs Supplement
        | 0x30000..=0x323AF // Extensions G and H
    )
}
