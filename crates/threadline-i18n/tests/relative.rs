//! Relative times at every boundary, in UTC and away from it.

use threadline_i18n::{date, relative_time, Lang};

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;
/// 2024-03-12 00:00 UTC.
const MAR_12: i64 = 19_794 * DAY;

fn en(now: i64, then: i64) -> String {
    relative_time(Lang::En, now, then, 0)
}

#[test]
fn minutes_and_hours() {
    let now = MAR_12 + 12 * HOUR;
    assert_eq!(en(now, now), "just now");
    assert_eq!(en(now, now - 59_999), "just now");
    assert_eq!(en(now, now - MIN), "1 minute ago");
    assert_eq!(en(now, now - 2 * MIN), "2 minutes ago");
    assert_eq!(en(now, now - HOUR + 1), "59 minutes ago");
    assert_eq!(en(now, now - HOUR), "1 hour ago");
    assert_eq!(en(now, now - 3 * HOUR - 59 * MIN), "3 hours ago");
    assert_eq!(en(now, now - DAY + 1), "23 hours ago");
}

#[test]
fn days_by_calendar_date() {
    let noon = MAR_12 + 12 * HOUR;
    assert_eq!(en(noon, noon - DAY), "yesterday");
    // 00:00 on the 11th is 36 hours back but still the previous date.
    assert_eq!(en(noon, MAR_12 - DAY), "yesterday");
    assert_eq!(en(noon, MAR_12 - DAY - 1), "2 days ago");
    // Just after midnight, 25 hours back is two dates back.
    let early = MAR_12 + 30 * MIN;
    assert_eq!(en(early, early - 25 * HOUR), "2 days ago");
    assert_eq!(en(noon, MAR_12 - 5 * DAY), "5 days ago");
    assert_eq!(en(noon, MAR_12 - 6 * DAY), "6 days ago");
    assert_eq!(en(noon, MAR_12 - 6 * DAY - 1), "5 Mar 2024");
    assert_eq!(en(noon, MAR_12 - 400 * DAY), "6 Feb 2023");
}

#[test]
fn the_readers_time_zone_decides_the_date() {
    // The 11th 19:30 UTC is 23:30 in Yerevan (UTC+4); 25 hours later it is
    // the 12th 20:30 UTC but already the 13th 00:30 in Yerevan.
    let then = MAR_12 - 4 * HOUR - 30 * MIN;
    let now = then + 25 * HOUR;
    assert_eq!(relative_time(Lang::En, now, then, 0), "yesterday");
    assert_eq!(relative_time(Lang::En, now, then, 240), "2 days ago");
    assert_eq!(relative_time(Lang::En, then + 23 * HOUR, then, 240), "23 hours ago");
    // West of UTC: 2024-03-12 03:00 UTC is the 11th 23:00 in New York (UTC−4).
    assert_eq!(date(Lang::En, MAR_12 + 3 * HOUR, -240), "11 Mar 2024");
    assert_eq!(date(Lang::En, MAR_12 + 3 * HOUR, 0), "12 Mar 2024");
}

#[test]
fn the_future_is_clock_skew_until_it_is_a_wrong_date() {
    let now = MAR_12;
    assert_eq!(en(now, now + 5 * MIN), "just now");
    assert_eq!(en(now, now + DAY), "just now");
    assert_eq!(en(now, now + DAY + 1), "13 Mar 2024");
    assert_eq!(en(now, now + 3 * 365 * DAY), "12 Mar 2027");
}

#[test]
fn extremes_do_not_panic() {
    for (now, then) in [(i64::MAX, i64::MIN), (i64::MIN, i64::MAX), (0, i64::MIN), (i64::MAX, 0), (0, 0)] {
        for lang in Lang::ALL {
            for offset in [i32::MIN, -720, 0, 840, i32::MAX] {
                assert!(!relative_time(lang, now, then, offset).is_empty());
            }
        }
    }
}

#[test]
fn russian_matches_icu() {
    // Intl.RelativeTimeFormat("ru") for the same values.
    let now = MAR_12 + 12 * HOUR;
    let ru = |then| relative_time(Lang::Ru, now, then, 0);
    assert_eq!(ru(now), "только что");
    assert_eq!(ru(now - MIN), "1 минуту назад");
    assert_eq!(ru(now - 2 * MIN), "2 минуты назад");
    assert_eq!(ru(now - 5 * MIN), "5 минут назад");
    assert_eq!(ru(now - 11 * MIN), "11 минут назад");
    assert_eq!(ru(now - 21 * MIN), "21 минуту назад");
    assert_eq!(ru(now - 22 * MIN), "22 минуты назад");
    assert_eq!(ru(now - HOUR), "1 час назад");
    assert_eq!(ru(now - 3 * HOUR), "3 часа назад");
    assert_eq!(ru(now - 5 * HOUR), "5 часов назад");
    assert_eq!(ru(now - 21 * HOUR), "21 час назад");
    assert_eq!(ru(now - DAY), "вчера");
    assert_eq!(ru(now - 2 * DAY), "2 дня назад");
    assert_eq!(ru(now - 5 * DAY), "5 дней назад");
    assert_eq!(ru(MAR_12 - 7 * DAY), "5 марта 2024\u{a0}г.");
    assert_eq!(ru(MAR_12 - 11 * DAY), "1 марта 2024\u{a0}г.");
    assert_eq!(ru(MAR_12 - 60 * DAY), "12 января 2024\u{a0}г.");
}

#[test]
fn armenian_matches_icu() {
    // Intl.RelativeTimeFormat("hy") / DateTimeFormat("hy", {dateStyle: "long"}).
    let now = MAR_12 + 12 * HOUR;
    let hy = |then| relative_time(Lang::Hy, now, then, 0);
    assert_eq!(hy(now), "հենց նոր");
    assert_eq!(hy(now - MIN), "1 րոպե առաջ");
    assert_eq!(hy(now - 5 * MIN), "5 րոպե առաջ");
    assert_eq!(hy(now - 3 * HOUR), "3 ժամ առաջ");
    assert_eq!(hy(now - DAY), "երեկ");
    assert_eq!(hy(now - 4 * DAY), "4 օր առաջ");
    assert_eq!(hy(MAR_12 - 7 * DAY), "5 մարտի, 2024\u{a0}թ.");
}

#[test]
fn month_names_for_every_month() {
    let expected = [
        ("Jan", "января", "հունվարի"),
        ("Feb", "февраля", "փետրվարի"),
        ("Mar", "марта", "մարտի"),
        ("Apr", "апреля", "ապրիլի"),
        ("May", "мая", "մայիսի"),
        ("Jun", "июня", "հունիսի"),
        ("Jul", "июля", "հուլիսի"),
        ("Aug", "августа", "օգոստոսի"),
        ("Sep", "сентября", "սեպտեմբերի"),
        ("Oct", "октября", "հոկտեմբերի"),
        ("Nov", "ноября", "նոյեմբերի"),
        ("Dec", "декабря", "դեկտեմբերի"),
    ];
    // The 15th of each month of 2024: day 19_737 is 2024-01-15.
    let month_starts = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
    for (i, (en, ru, hy)) in expected.iter().enumerate() {
        let ms = (19_737 + month_starts[i]) * DAY;
        assert_eq!(date(Lang::En, ms, 0), format!("15 {en} 2024"));
        assert_eq!(date(Lang::Ru, ms, 0), format!("15 {ru} 2024\u{a0}г."));
        assert_eq!(date(Lang::Hy, ms, 0), format!("15 {hy}, 2024\u{a0}թ."));
    }
    // A leap day and the turn of a year.
    assert_eq!(date(Lang::En, 19_782 * DAY, 0), "29 Feb 2024");
    assert_eq!(date(Lang::En, 19_722 * DAY, 0), "31 Dec 2023");
    assert_eq!(date(Lang::En, -1, 0), "31 Dec 1969");
}
