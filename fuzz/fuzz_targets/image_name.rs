//! A name that passes validation must satisfy every point of the rule.

#![no_main]

use bcc_image::validate::is_han_ideograph;
use bcc_image::validate_image_name;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|name: &str| {
    if validate_image_name(name).is_ok() {
        let count = name.chars().count();
        assert!((1..=65).contains(&count));
        assert!(name.chars().next().unwrap().is_ascii_alphabetic());
        assert!(name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_/.".contains(c) || is_han_ideograph(c)));
    }
});
