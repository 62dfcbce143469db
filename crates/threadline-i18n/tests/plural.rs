//! Plural categories against ICU, and counted phrases as readers see them.
//! The tables were printed by Node 20's `Intl.PluralRules` (ICU 78.2, CLDR 48):
//! o = one, f = few, m = many, x = other; one letter per n from 0 to 200.

use threadline_i18n::{count, number, plural_category, Lang, Noun, Plural};

const EN: &str = concat!(
    "xoxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "x",
);
const RU: &str = concat!(
    "mofffmmmmmmmmmmmmmmmmofffmmmmmmofffmmmmmmofffmmmmm",
    "mofffmmmmmmofffmmmmmmofffmmmmmmofffmmmmmmofffmmmmm",
    "mofffmmmmmmmmmmmmmmmmofffmmmmmmofffmmmmmmofffmmmmm",
    "mofffmmmmmmofffmmmmmmofffmmmmmmofffmmmmmmofffmmmmm",
    "m",
);
const HY: &str = concat!(
    "ooxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "x",
);

fn letter(p: Plural) -> char {
    match p {
        Plural::One => 'o',
        Plural::Few => 'f',
        Plural::Many => 'm',
        Plural::Other => 'x',
    }
}

#[test]
fn categories_0_to_200_match_icu() {
    for (lang, table) in [(Lang::En, EN), (Lang::Ru, RU), (Lang::Hy, HY)] {
        assert_eq!(table.len(), 201);
        for (n, expected) in table.chars().enumerate() {
            assert_eq!(letter(plural_category(lang, n as u64)), expected, "{lang:?} {n}");
        }
    }
}

#[test]
fn categories_of_big_numbers_match_icu() {
    let ru = [
        (1000, 'm'),
        (1001, 'o'),
        (1011, 'm'),
        (1021, 'o'),
        (1_000_000, 'm'),
        (1_000_001, 'o'),
        (1_000_002, 'f'),
        (1_000_011, 'm'),
        (1_000_012, 'm'),
        (1_000_014, 'm'),
        (1_000_022, 'f'),
        (1_000_025, 'm'),
        (4_294_967_295, 'm'),
        (4_294_967_296, 'm'),
        (9_007_199_254_740_991, 'o'),
        // Past what ICU in JS takes as a number; by the rule's last two digits.
        (u64::MAX, 'm'),      // …615
        (u64::MAX - 4, 'm'),  // …611
        (u64::MAX - 13, 'f'), // …602
        (u64::MAX - 14, 'o'), // …601
    ];
    for (n, expected) in ru {
        assert_eq!(letter(plural_category(Lang::Ru, n)), expected, "ru {n}");
    }
    for n in [1000, 1001, 1011, 1021, 1_000_000, 1_000_001, 9_007_199_254_740_991, u64::MAX] {
        assert_eq!(plural_category(Lang::En, n), Plural::Other, "en {n}");
        assert_eq!(plural_category(Lang::Hy, n), Plural::Other, "hy {n}");
    }
}

#[test]
fn russian_replies_read_right() {
    let cases = [
        (0, "0 ответов"),
        (1, "1 ответ"),
        (2, "2 ответа"),
        (4, "4 ответа"),
        (5, "5 ответов"),
        (11, "11 ответов"),
        (12, "12 ответов"),
        (14, "14 ответов"),
        (21, "21 ответ"),
        (22, "22 ответа"),
        (25, "25 ответов"),
        (101, "101 ответ"),
        (111, "111 ответов"),
        (112, "112 ответов"),
        (122, "122 ответа"),
        (1001, "1\u{a0}001 ответ"),
    ];
    for (n, expected) in cases {
        assert_eq!(count(Lang::Ru, Noun::Replies, n), expected);
    }
    assert_eq!(count(Lang::Ru, Noun::MoreComments, 3), "Показать ещё 3 комментария");
    assert_eq!(count(Lang::Ru, Noun::MinutesAgo, 21), "21 минуту назад");
    assert_eq!(count(Lang::Ru, Noun::NameTooLong, 80), "Имя может содержать не больше 80 символов.");
    assert_eq!(count(Lang::Ru, Noun::NameTooLong, 21), "Имя может содержать не больше 21 символа.");
}

#[test]
fn armenian_nouns_stay_singular_after_numerals() {
    for n in [0, 1, 2, 5, 21, 200] {
        assert_eq!(count(Lang::Hy, Noun::Replies, n), format!("{n} պատասխան"));
    }
    assert_eq!(count(Lang::Hy, Noun::MoreReplies, 3), "ևս 3 պատասխան");
    assert_eq!(count(Lang::Hy, Noun::Comments, 12_345), "12\u{a0}345 մեկնաբանություն");
    assert_eq!(count(Lang::Hy, Noun::Comments, 1234), "1234 մեկնաբանություն");
}

#[test]
fn english_counts() {
    assert_eq!(count(Lang::En, Noun::Replies, 0), "0 replies");
    assert_eq!(count(Lang::En, Noun::Replies, 1), "1 reply");
    assert_eq!(count(Lang::En, Noun::Replies, 2), "2 replies");
    assert_eq!(count(Lang::En, Noun::Replies, 21), "21 replies");
    assert_eq!(count(Lang::En, Noun::MoreComments, 1), "Show 1 more comment");
    assert_eq!(count(Lang::En, Noun::Likes, 1500), "1,500 likes");
    assert_eq!(count(Lang::En, Noun::BodyTooLong, 20_000), "Comments are limited to 20,000 characters.");
}

#[test]
fn every_form_holds_the_number() {
    for lang in Lang::ALL {
        for &noun in Noun::ALL {
            for n in [0, 1, 2, 5, 11, 21, 22, 1_000_000] {
                let s = count(lang, noun, n);
                assert!(s.contains(&number(lang, n)), "{lang:?} {noun:?} {n}: {s}");
                assert!(!s.contains('{'), "{lang:?} {noun:?} {n}: {s}");
            }
        }
    }
}

#[test]
fn grouping_matches_icu() {
    // Intl.NumberFormat: en "1,234,567", ru "1 234 567", hy "1 234 567" but "1234".
    let cases = [
        (Lang::En, 0, "0"),
        (Lang::En, 999, "999"),
        (Lang::En, 1234, "1,234"),
        (Lang::En, 1_234_567, "1,234,567"),
        (Lang::Ru, 1234, "1\u{a0}234"),
        (Lang::Ru, 1_234_567, "1\u{a0}234\u{a0}567"),
        (Lang::Hy, 1234, "1234"),
        (Lang::Hy, 12_345, "12\u{a0}345"),
        (Lang::Hy, 1_234_567, "1\u{a0}234\u{a0}567"),
        (Lang::En, u64::MAX, "18,446,744,073,709,551,615"),
    ];
    for (lang, n, expected) in cases {
        assert_eq!(number(lang, n), expected, "{lang:?} {n}");
    }
}
