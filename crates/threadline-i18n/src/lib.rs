//! The widget's reader-facing strings in English, Eastern Armenian and
//! Russian, with plural forms, relative times and dates.
//!
//! Every translation is a `match` over [`Key`] (or [`Noun`]) with no wildcard
//! arm, one per language (`en.rs`, `hy.rs`, `ru.rs`): a new key that is not
//! translated everywhere does not compile. The tests check that no string is
//! empty and that every language uses the same placeholders.
//!
//! No ICU crates: the plural rules of three languages are a dozen lines.
//! Measured on wasm32 (opt-level z, LTO, wasm-opt -Oz): 12.7 KB of UTF-8
//! string data for all three languages (3.8 KB gzip; tests/size.rs counts
//! it) and about 3 KB of code. `no_std` (with `alloc`) keeps it usable anywhere.
//!
//! The Armenian and Russian texts were written by a non-native speaker and
//! need a native speaker's review before they are relied on.

#![no_std]

extern crate alloc;

mod en;
mod hy;
mod keys;
mod plural;
mod relative;
mod ru;

use alloc::string::String;

pub use keys::Key;
pub use plural::{plural_category, Forms, Noun, Plural};
pub use relative::{date, iso_utc, relative_time};

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Lang {
    #[default]
    En,
    /// Eastern Armenian (the standard of Armenia, and what `hy` means).
    Hy,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Hy, Lang::Ru];

    /// The language for a BCP 47 tag such as `<html lang>` or
    /// `navigator.language`: "hy", "hy-AM", "ru-RU", "RU", "en-GB".
    /// Only the primary subtag counts; anything unknown is English.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("hy") || primary.eq_ignore_ascii_case("hye") {
            Lang::Hy
        } else if primary.eq_ignore_ascii_case("hyw") {
            // Western Armenian: the Eastern text reads far better to its readers than English would.
            Lang::Hy
        } else if primary.eq_ignore_ascii_case("ru") || primary.eq_ignore_ascii_case("rus") {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hy => "hy",
            Lang::Ru => "ru",
        }
    }

    pub fn t(self, key: Key) -> &'static str {
        t(self, key)
    }
}

/// The string for `key`. Placeholders in it (`{name}`, `{code}`, …, listed on
/// each `Key`) are filled with [`fill`].
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en::text(key),
        Lang::Hy => hy::text(key),
        Lang::Ru => ru::text(key),
    }
}

/// The forms of a counted phrase, one per plural category.
pub fn forms(lang: Lang, noun: Noun) -> Forms {
    match lang {
        Lang::En => en::noun(noun),
        Lang::Hy => hy::noun(noun),
        Lang::Ru => ru::noun(noun),
    }
}

/// A counted phrase: "1 reply", "2 replies"; "21 ответ", "22 ответа", "25 ответов".
pub fn count(lang: Lang, noun: Noun, n: u64) -> String {
    let form = forms(lang, noun).get(plural_category(lang, n));
    fill(form, &[("n", &number(lang, n))])
}

/// `n` with the language's digit grouping (CLDR): "12,345" in English,
/// "12 345" in Russian and Armenian (no-break spaces). Armenian leaves
/// four-digit numbers ungrouped ("1234"), as CLDR's minimumGroupingDigits = 2 says.
pub fn number(lang: Lang, n: u64) -> String {
    let (separator, min_digits) = match lang {
        Lang::En => (',', 4),
        Lang::Ru => ('\u{a0}', 4),
        Lang::Hy => ('\u{a0}', 5),
    };
    let digits = itoa(n);
    if digits.len() < min_digits {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(d);
    }
    out
}

fn itoa(n: u64) -> String {
    use core::fmt::Write;
    let mut s = String::new();
    // Writing into a String cannot fail.
    let _ = write!(s, "{n}");
    s
}

/// Replaces `{name}` placeholders by their values in one pass: a value that
/// itself contains braces (an author named "{n}") is copied as it is, never
/// expanded. Unknown placeholders are left in place so a missing argument shows.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    // split_once rather than slicing by index: no panic path to ship.
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let value = after
            .split_once('}')
            .and_then(|(name, tail)| args.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v, tail)));
        match value {
            Some((v, tail)) => {
                out.push_str(v);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The collapse toggle's accessible name: "Collapse comment by Ani and 4 replies".
pub fn toggle_label(lang: Lang, expand: bool, author: &str, replies: u64) -> String {
    let key = match (expand, replies > 0) {
        (false, false) => Key::Collapse,
        (false, true) => Key::CollapseWithReplies,
        (true, false) => Key::Expand,
        (true, true) => Key::ExpandWithReplies,
    };
    fill(t(lang, key), &[("name", author), ("replies", &count(lang, Noun::Replies, replies))])
}
