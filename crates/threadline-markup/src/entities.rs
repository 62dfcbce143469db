//! Character references, for both readers: every numeric one, and a short
//! list of named ones. HTML knows over 2,000 names; a full table costs about
//! 20 KB of wasm, shipped to every reader of every page, for names nobody
//! types in a comment. The list holds what sanitizers, smart-quote
//! renderers and commenters actually produce. An unknown name stays as
//! written, since showing `&foo;` is better than guessing.

use std::borrow::Cow;

const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    // Typographic ones that smart-quote renderers produce.
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bull", '•'),
    ("middot", '·'),
    // Signs people type by name because their keyboard lacks them.
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("times", '×'),
    ("euro", '€'),
    ("pound", '£'),
    ("larr", '←'),
    ("rarr", '→'),
];

/// Longest name in `NAMED`, so a run of letters is never scanned further.
const LONGEST_NAME: usize = 6;

/// How references are read: as browsers read stored HTML (a numeric one
/// needs no `;` and may be any length), or as CommonMark reads markdown
/// (`;` required, at most 7 decimal or 6 hex digits, else it is text).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rules {
    Html,
    Markdown,
}

pub(crate) fn decode(s: &str, rules: Rules) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        match reference(after, rules) {
            Some((c, used)) => {
                out.push(c);
                rest = after.get(used..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference right after `&` stands for, and how many bytes
/// it took.
pub(crate) fn reference(after: &str, rules: Rules) -> Option<(char, usize)> {
    if let Some(num) = after.strip_prefix('#') {
        let (radix, digits_at, most) = match num.as_bytes().first() {
            Some(b'x' | b'X') => (16, 2, 6),
            _ => (10, 1, 7),
        };
        let digits = after.get(digits_at..)?;
        let len = digits.bytes().take_while(|b| (*b as char).is_digit(radix)).count();
        let semicolon = digits.as_bytes().get(len) == Some(&b';');
        if len == 0 || rules == Rules::Markdown && (len > most || !semicolon) {
            return None;
        }
        let value = digits.get(..len)?.chars().fold(0u32, |acc, d| {
            // Saturate past the last code point so a long run stays invalid.
            acc.saturating_mul(radix).saturating_add(d.to_digit(radix).unwrap_or(0)).min(0x11_0000)
        });
        let c = match value {
            0 => '\u{fffd}',
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some((c, digits_at + len + usize::from(semicolon)));
    }
    let len = after.bytes().take(LONGEST_NAME + 1).take_while(u8::is_ascii_alphanumeric).count();
    if after.as_bytes().get(len) != Some(&b';') {
        return None;
    }
    let name = after.get(..len)?;
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| (*c, len + 1))
}

#[cfg(test)]
mod tests {
    use super::{decode, Rules, LONGEST_NAME, NAMED};

    #[test]
    fn decodes_named_and_numeric() {
        assert_eq!(decode("a &amp; b &lt;c&gt; &quot;&apos;&#39;&nbsp;", Rules::Html), "a & b <c> \"''\u{a0}");
        assert_eq!(decode("&#106;&#x61;&#X76;&#97", Rules::Html), "java");
        assert_eq!(decode("&#0;&#xD800;&#x110000;&#99999999999999999999;", Rules::Html), "\u{fffd}".repeat(4));
        assert_eq!(decode("&copy;&trade;&euro;&rarr;&hellip;", Rules::Markdown), "©™€→…");
    }

    #[test]
    fn leaves_unknown_and_bare_ampersands() {
        for rules in [Rules::Html, Rules::Markdown] {
            let src = "&foo; & &amp &#; &#x; &; &averyveryverylongname; &eacute; &AMP;";
            assert_eq!(decode(src, rules), src);
        }
    }

    #[test]
    fn markdown_references_need_a_semicolon_and_few_digits() {
        assert_eq!(
            decode("&#106 &#1234567; &#12345678; &#x10FFFF; &#x1000000;", Rules::Markdown),
            "&#106 \u{fffd} &#12345678; \u{10ffff} &#x1000000;"
        );
        assert_eq!(decode("&#0; &#xD800;", Rules::Markdown), "\u{fffd} \u{fffd}");
    }

    #[test]
    fn the_table_stays_small() {
        assert!(NAMED.len() <= 30);
        assert!(NAMED.iter().all(|(n, _)| n.len() <= LONGEST_NAME));
    }
}
