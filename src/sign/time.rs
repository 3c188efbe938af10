//! UTC timestamps in the form bce-auth-v1 uses: `YYYY-MM-DDThh:mm:ssZ`.

use std::time::{SystemTime, UNIX_EPOCH};

const SECONDS_PER_DAY: u64 = 86_400;

/// Returns the current time as whole Unix seconds.
pub fn now_unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0)
}

/// Formats Unix seconds as `YYYY-MM-DDThh:mm:ssZ` in UTC, the form of `x-bce-date`
/// and of the Authorization timestamp.
pub fn format_timestamp(unix_seconds: u64) -> String {
    let mut out = String::with_capacity(TIMESTAMP_LEN);
    push_timestamp(&mut out, unix_seconds);
    out
}

/// Length of a timestamp for years up to 9999.
const TIMESTAMP_LEN: usize = 20;

/// Appends `unix_seconds` as [`format_timestamp`] formats it.
///
/// Signing runs this on every attempt, so years up to 9999 are written digit by
/// digit, which avoids the formatting machinery of `format!`.
pub fn push_timestamp(out: &mut String, unix_seconds: u64) {
    let days = unix_seconds / SECONDS_PER_DAY;
    let second_of_day = unix_seconds % SECONDS_PER_DAY;
    let (year, month, day) = civil_from_days(days as i64);
    let (hour, minute, second) = (second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60);

    if year > 9999 {
        out.push_str(&format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z"));
        return;
    }
    let year = year as u64;
    let mut text = *b"0000-00-00T00:00:00Z";
    for (index, digit) in [year / 1000, year / 100 % 10, year / 10 % 10, year % 10].into_iter().enumerate() {
        text[index] = b'0' + digit as u8;
    }
    for (start, value) in [(5, u64::from(month)), (8, u64::from(day)), (11, hour), (14, minute), (17, second)] {
        text[start] = b'0' + (value / 10) as u8;
        text[start + 1] = b'0' + (value % 10) as u8;
    }
    out.push_str(std::str::from_utf8(&text).expect("the timestamp is ASCII digits and separators"));
}

/// Parses `YYYY-MM-DDThh:mm:ssZ` back into Unix seconds.
///
/// Returns `None` for any other form, for an out-of-range field, and for dates
/// before 1970.
pub fn parse_timestamp(text: &str) -> Option<u64> {
    // Checking for ASCII first makes every slice below fall on a char boundary.
    let bytes = text.as_bytes();
    if bytes.len() != 20 || !text.is_ascii() {
        return None;
    }
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (19, b'Z')];
    if separators.iter().any(|&(index, expected)| bytes[index] != expected) {
        return None;
    }

    let number = |range: std::ops::Range<usize>| -> Option<u64> {
        let digits = &text[range];
        if digits.bytes().all(|byte| byte.is_ascii_digit()) {
            digits.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);

    if year < 1970 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }

    let days = days_from_civil(year as i64, month as u32, day as u32);
    if civil_from_days(days) != (year as i64, month as u32, day as u32) {
        return None; // A day that the month does not have, such as 02-30.
    }
    Some(days as u64 * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second)
}

/// Converts days since 1970-01-01 into a proleptic Gregorian (year, month, day),
/// using Howard Hinnant's `civil_from_days` algorithm.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Converts a proleptic Gregorian date into days since 1970-01-01, the inverse of
/// [`civil_from_days`].
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_index = i64::from(if month > 2 { month - 3 } else { month + 9 });
    let day_of_year = (153 * month_index + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_baidu_example_time() {
        assert_eq!(format_timestamp(1_439_266_649), "2015-08-11T04:17:29Z");
        assert_eq!(format_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_timestamp(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn format_years_past_9999() {
        assert_eq!(format_timestamp(253_402_300_799), "9999-12-31T23:59:59Z");
        assert_eq!(format_timestamp(253_402_300_800), "10000-01-01T00:00:00Z");
    }

    #[test]
    fn parse_reverses_format() {
        for seconds in [0, 1_439_266_649, 951_782_400, 4_102_444_799] {
            assert_eq!(parse_timestamp(&format_timestamp(seconds)), Some(seconds));
        }
    }

    #[test]
    fn parse_rejects_malformed_times() {
        for text in ["", "2015-08-11 04:17:29Z", "2015-08-11T04:17:29", "2015-02-30T00:00:00Z",
            "2015-13-01T00:00:00Z", "2015-08-11T24:00:00Z", "+015-08-11T04:17:29Z", "1969-12-31T23:59:59Z",
            "2015-08-11T04:17:2测"]
        {
            assert_eq!(parse_timestamp(text), None, "{text}");
        }
    }
}
