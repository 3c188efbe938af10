//! The image name rule: 1 to 65 characters, an ASCII letter first, then ASCII
//! letters, digits, Han ideographs, '-', '_', '/' or '.'.

use bcc_image::{validate_client_token, validate_image_id, validate_image_name, ErrorKind};

#[test]
fn name_rule_table() {
    let han_64 = "测".repeat(64);
    let han_65 = "测".repeat(65);
    let cases: Vec<(String, bool, &str)> = vec![
        ("a".to_string(), true, "1 character"),
        (format!("a{}", "b".repeat(64)), true, "65 characters"),
        (format!("a{}", "b".repeat(65)), false, "66 characters"),
        (String::new(), false, "empty"),
        ("1abc".to_string(), false, "leading digit"),
        ("测试abc".to_string(), false, "leading Chinese character"),
        ("-abc".to_string(), false, "leading hyphen"),
        ("new name".to_string(), false, "space"),
        ("name😀".to_string(), false, "emoji"),
        ("a-b".to_string(), true, "hyphen"),
        ("a_b".to_string(), true, "underscore"),
        ("a/b".to_string(), true, "slash"),
        ("a.b".to_string(), true, "dot"),
        ("a测试".to_string(), true, "Chinese after a letter"),
        (format!("a{han_64}"), true, "letter and 64 Chinese characters"),
        (format!("a{han_65}"), false, "letter and 65 Chinese characters"),
        ("aΩ".to_string(), false, "Greek letter"),
        ("aé".to_string(), false, "accented letter"),
        ("a\u{00A0}b".to_string(), false, "no-break space"),
        ("a𠀀".to_string(), true, "Extension B ideograph"),
        ("a，b".to_string(), false, "full-width comma"),
        ("Z9".to_string(), true, "uppercase and digit"),
    ];

    for (name, valid, case) in cases {
        let result = validate_image_name(&name);
        assert_eq!(result.is_ok(), valid, "{case}: {name:?} gave {result:?}");
    }
}

#[test]
fn name_error_shows_value_and_fix() {
    let error = validate_image_name("new name").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidArgument);
    assert!(error.message().contains("\"new name\""), "{error}");
    assert!(error.message().contains("position 4"), "{error}");
    assert!(error.message().contains("use letters, digits"), "{error}");
}

#[test]
fn name_too_long_counts_characters() {
    let error = validate_image_name(&format!("a{}", "测".repeat(65))).unwrap_err();
    assert!(error.message().contains("66 characters"), "{error}");
}

#[test]
fn client_token_rules() {
    assert!(validate_client_token("1849ef6b-f73c-4f5d-b88b-259ca47af849").is_ok());
    assert!(validate_client_token(&"t".repeat(64)).is_ok());
    assert!(validate_client_token(&"t".repeat(65)).unwrap_err().message().contains("maximum is 64"));
    assert!(validate_client_token("").is_err());
    assert!(validate_client_token("令牌").is_err());
    assert!(validate_client_token("a b").is_err());
}

#[test]
fn image_id_rules() {
    assert!(validate_image_id("m-1849ef6b").is_ok());
    assert!(validate_image_id("").unwrap_err().message().contains("empty"));
    assert!(validate_image_id("m 1").is_err());
    assert!(validate_image_id(&"m".repeat(129)).is_err());
}
