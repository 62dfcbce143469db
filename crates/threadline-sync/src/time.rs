//! Comment times as backends send them, to milliseconds since the epoch.
//! A small RFC 3339 reader instead of a date crate: this is all we need and
//! every KB ships to every reader.

use crate::description::TimeFormat;
use serde_json::Value;

/// `None` for anything that is not a sane time (NaN, out of range, garbage).
pub fn to_millis(value: &Value, format: TimeFormat) -> Option<i64> {
    // Years 0..=9999 either side of the epoch are plenty; beyond is garbage.
    const LIMIT_MS: f64 = 253_402_300_800_000.0;
    let ms = match (format, value) {
        (TimeFormat::UnixSeconds, Value::Number(n)) => n.as_f64()? * 1000.0,
        (TimeFormat::UnixMillis, Value::Number(n)) => n.as_f64()?,
        (TimeFormat::UnixSeconds, Value::String(s)) => number(s)? * 1000.0,
        (TimeFormat::UnixMillis, Value::String(s)) => number(s)?,
        (TimeFormat::Iso8601, Value::String(s)) => return parse_rfc3339(s),
        _ => return None,
    };
    (ms.is_finite() && ms.abs() < LIMIT_MS).then_some(ms as i64)
}

/// A number written as a JSON number ("1700000000", "1.7e9"). serde_json's
/// reader of any value, not `str::parse` (core's float parser would add
/// 14 KB gzip to the widget for this one call) nor its typed `f64` reader
/// (a second copy of its number code).
fn number(s: &str) -> Option<f64> {
    serde_json::from_str::<Value>(s.trim()).ok()?.as_f64()
}

/// `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH:MM]`; no zone means UTC.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.trim().as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0i64, |a, d| a * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    if b.len() == 10 {
        return Some(days_from_civil(year, month, day) * 86_400_000);
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    let mut millis = 0i64;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 3 {
                millis = millis * 10 + i64::from(b[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start)..3 {
            millis *= 10;
        }
    }
    let offset_min = match b.get(i) {
        None => 0,
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if b.len() == i + 6 && b[i + 3] == b':' => {
            let m = num(i + 1, 2)? * 60 + num(i + 4, 2)?;
            if *sign == b'+' {
                m
            } else {
                -m
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    Some(((days * 24 + hour) * 60 + minute - offset_min) * 60_000 + second * 1000 + millis)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's method).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
