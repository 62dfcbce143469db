//! "5 minutes ago", "yesterday", "12 Mar 2024". Days are the reader's
//! calendar days, so the caller passes the reader's UTC offset: at 00:30 a
//! comment from 23:50 is "40 minutes ago", and one from 25 hours before is
//! "yesterday" only if it was written on the previous date.

use crate::{count, t, Key, Lang, Noun};
use alloc::format;
use alloc::string::String;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
/// A comment dated up to this far ahead of the reader's clock is clock skew
/// and reads "just now"; further ahead the date is wrong, so it is shown as it is.
const SKEW: i64 = DAY;
/// Real offsets span UTC−12 to UTC+14; anything beyond is a caller's mistake.
const MAX_OFFSET_MIN: i32 = 18 * 60;

/// How long ago `then_ms` was, as of `now_ms` (both milliseconds since the
/// Unix epoch), for a reader `utc_offset_min` minutes east of UTC — in the
/// browser `-new Date().getTimezoneOffset()` (UTC+4 is 240).
///
/// - under a minute, or up to a day in the future: "just now";
/// - under an hour: "N minutes ago"; under 24 hours: "N hours ago";
/// - then by calendar date: "yesterday", "N days ago" up to 6;
/// - older: the date, as [`date`].
pub fn relative_time(lang: Lang, now_ms: i64, then_ms: i64, utc_offset_min: i32) -> String {
    let elapsed = now_ms.saturating_sub(then_ms);
    if elapsed < -SKEW {
        return date(lang, then_ms, utc_offset_min);
    }
    if elapsed < MINUTE {
        return t(lang, Key::JustNow).into();
    }
    if elapsed < HOUR {
        return count(lang, Noun::MinutesAgo, (elapsed / MINUTE) as u64);
    }
    if elapsed < DAY {
        return count(lang, Noun::HoursAgo, (elapsed / HOUR) as u64);
    }
    // At least 24 hours have passed, so the dates differ by at least one.
    match local_day(now_ms, utc_offset_min).saturating_sub(local_day(then_ms, utc_offset_min)) {
        ..=1 => t(lang, Key::Yesterday).into(),
        days @ 2..=6 => count(lang, Noun::DaysAgo, days as u64),
        _ => date(lang, then_ms, utc_offset_min),
    }
}

/// The reader's calendar date of `ms`: "12 Mar 2024", «12 марта 2024 г.»,
/// «12 մարտի, 2024 թ.». For titles and for comments older than a week.
pub fn date(lang: Lang, ms: i64, utc_offset_min: i32) -> String {
    let (year, month, day) = civil_from_days(local_day(ms, utc_offset_min));
    match lang {
        Lang::En => crate::en::date(day, month, year),
        Lang::Hy => crate::hy::date(day, month, year),
        Lang::Ru => crate::ru::date(day, month, year),
    }
}

/// The instant in UTC as `<time datetime>` and JavaScript's `toISOString`
/// write it ("2024-03-12T09:05:00.000Z"; years past 0–9999 with a sign and
/// six digits). Computed here rather than by a JS `Date` per comment: a big
/// thread draws hundreds at once, and any stored number must give a string,
/// where `Date` throws outside its range.
pub fn iso_utc(ms: i64) -> String {
    let (y, m, d) = civil_from_days(ms.div_euclid(DAY));
    let t = ms.rem_euclid(DAY);
    let (h, min, s, milli) = (t / 3_600_000, t / MINUTE % 60, t / 1000 % 60, t % 1000);
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        format!("{}{:06}", if y < 0 { '-' } else { '+' }, y.unsigned_abs())
    };
    format!("{year}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
}

/// Days since 1970-01-01 in the reader's time zone.
fn local_day(ms: i64, utc_offset_min: i32) -> i64 {
    let offset = i64::from(utc_offset_min.clamp(-MAX_OFFSET_MIN, MAX_OFFSET_MIN)) * MINUTE;
    ms.saturating_add(offset).div_euclid(DAY)
}

/// (year, month 1–12, day 1–31) of a day count, proleptic Gregorian.
/// Howard Hinnant's `civil_from_days` (chrono-Compatible Low-Level Date
/// Algorithms): exact for every i64 day count `local_day` can produce.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn iso_like_javascript() {
        use super::iso_utc;
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_utc(-1), "1969-12-31T23:59:59.999Z");
        // new Date(1710234300123).toISOString()
        assert_eq!(iso_utc(1_710_234_300_123), "2024-03-12T09:05:00.123Z");
        // new Date(-62167219200000).toISOString(): year 0, and the year before it
        assert_eq!(iso_utc(-62_167_219_200_000), "0000-01-01T00:00:00.000Z");
        assert_eq!(iso_utc(-62_198_755_200_000), "-000001-01-01T00:00:00.000Z");
        // new Date(8.64e15).toISOString()
        assert_eq!(iso_utc(8_640_000_000_000_000), "+275760-09-13T00:00:00.000Z");
        assert_eq!(iso_utc(-8_640_000_000_000_000), "-271821-04-20T00:00:00.000Z");
        // Beyond JS dates: still a string, no panic.
        assert!(!iso_utc(i64::MAX).is_empty());
        assert!(!iso_utc(i64::MIN).is_empty());
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_794), (2024, 3, 12));
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
    }

    #[test]
    fn extreme_days_do_not_overflow() {
        let (_, m, d) = civil_from_days(i64::MIN.div_euclid(86_400_000));
        assert!((1..=12).contains(&m) && (1..=31).contains(&d));
        let (_, m, d) = civil_from_days(i64::MAX.div_euclid(86_400_000));
        assert!((1..=12).contains(&m) && (1..=31).contains(&d));
    }
}
