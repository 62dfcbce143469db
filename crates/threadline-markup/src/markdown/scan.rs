//! Small scanners both passes share: link destinations, titles and labels,
//! autolinks and HTML tags. Each takes the text and a byte offset and
//! returns where the construct ends, never looking further than the
//! construct itself can reach, which is what keeps the readers linear.

use crate::entities::{self, Rules};

/// Deeper parentheses in a bare link destination end it (as in cmark). The
/// bound is also what keeps `[a](` repeated from being read quadratically.
const MAX_PARENS: usize = 32;

/// Longest link label CommonMark allows.
pub(super) const MAX_LABEL: usize = 999;

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n')
}

pub(super) fn skip_spaces(s: &[u8], mut at: usize) -> usize {
    while s.get(at).copied().is_some_and(is_space) {
        at += 1;
    }
    at
}

/// Punctuation in the sense of the emphasis rules. Outside ASCII, whatever
/// is neither a letter nor whitespace counts (symbols and emoji do in
/// CommonMark too), which needs no table of its own.
pub(super) fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_punctuation()
    } else {
        !c.is_alphabetic() && !c.is_whitespace()
    }
}

/// Backslash escapes and character references resolved, as in link
/// destinations and definitions.
pub(super) fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match raw.get(i + 1..).and_then(|r| r.chars().next()) {
                Some(p) if p.is_ascii_punctuation() => {
                    out.push(p);
                    chars.next();
                }
                _ => out.push('\\'),
            },
            '&' => match entities::reference(raw.get(i + 1..).unwrap_or_default(), Rules::Markdown) {
                Some((decoded, used)) => {
                    out.push(decoded);
                    for _ in 0..used {
                        chars.next();
                    }
                }
                None => out.push('&'),
            },
            c => out.push(c),
        }
    }
    out
}

/// A link destination starting at `at`: `<…>` or a bare one with balanced
/// parentheses. Returns it unescaped and where it ends.
pub(super) fn destination(src: &str, at: usize) -> Option<(String, usize)> {
    let s = src.as_bytes();
    let (from, to, end) = if s.get(at) == Some(&b'<') {
        let mut i = at + 1;
        loop {
            match s.get(i)? {
                b'>' => break (at + 1, i, i + 1),
                b'\n' | b'<' => return None,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
    } else {
        let mut i = at;
        let mut depth = 0;
        while let Some(&b) = s.get(i) {
            match b {
                b'\\' if s.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 1,
                b'(' if depth == MAX_PARENS => return None,
                b'(' => depth += 1,
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                b if b <= b' ' || b == 0x7f => break,
                _ => {}
            }
            i += 1;
        }
        if i == at || depth > 0 {
            return None;
        }
        (at, i, i)
    };
    Some((unescape(src.get(from..to)?), end))
}

/// A link title (`"…"`, `'…'` or `(…)`) starting at `at`; where it ends.
pub(super) fn title(s: &[u8], at: usize) -> Option<usize> {
    let close = match s.get(at)? {
        b'"' => b'"',
        b'\'' => b'\'',
        b'(' => b')',
        _ => return None,
    };
    let mut i = at + 1;
    loop {
        match *s.get(i)? {
            b'\\' => i += 1,
            b'(' if close == b')' => return None,
            b if b == close => return Some(i + 1),
            _ => {}
        }
        i += 1;
    }
}

/// A link label `[…]` starting at `at`: its inside and where it ends.
/// Unescaped brackets are not allowed inside.
pub(super) fn label(src: &str, at: usize) -> Option<(&str, usize)> {
    let s = src.as_bytes();
    if s.get(at) != Some(&b'[') {
        return None;
    }
    let mut i = at + 1;
    loop {
        match *s.get(i)? {
            b']' => return Some((src.get(at + 1..i)?, i + 1)),
            b'[' => return None,
            b'\\' => i += 1,
            _ => {}
        }
        i += 1;
        if i - at > MAX_LABEL + 1 {
            return None;
        }
    }
}

/// Labels match case-insensitively with inner whitespace collapsed. Only
/// ASCII letters are folded: Unicode case tables would cost more than
/// labels like `[1]` or `[docs]` are worth.
pub(super) fn normalize_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.make_ascii_lowercase();
    out
}

/// Where `needle` first occurs in `hay`. The needles here are a few bytes
/// long, and core's general substring search costs kilobytes of wasm.
pub(super) fn find(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes().windows(needle.len().max(1)).position(|w| w == needle.as_bytes())
}

/// An autolink `<scheme:…>` or `<user@host>` starting at `at` (on `<`): what
/// it shows, the href to check, and where it ends.
pub(super) fn autolink(src: &str, at: usize) -> Option<(&str, String, usize)> {
    let s = src.as_bytes();
    let start = at + 1;
    let mut i = start;
    while s.get(i).is_some_and(|&b| b > b' ' && b != b'<' && b != b'>') {
        i += 1;
    }
    if s.get(i) != Some(&b'>') {
        return None;
    }
    let text = src.get(start..i)?;
    if let Some((scheme, _)) = text.split_once(':') {
        let mut chars = scheme.bytes();
        let ok = (2..=32).contains(&scheme.len())
            && chars.next().is_some_and(|b| b.is_ascii_alphabetic())
            && chars.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'));
        return ok.then(|| (text, text.to_owned(), i + 1));
    }
    let (user, host) = text.split_once('@')?;
    let user_ok =
        !user.is_empty() && user.bytes().all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b));
    let host_ok = host.split('.').all(|part| {
        (1..=63).contains(&part.len())
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !part.starts_with('-')
            && !part.ends_with('-')
    });
    (user_ok && host_ok).then(|| (text, format!("mailto:{text}"), i + 1))
}

/// An HTML open or closing tag starting at `at` (on `<`); where it ends.
/// A quoted attribute value only ends at its quote, but every tag that
/// starts inside it contains that quote, so no byte is read by many scans.
pub(super) fn html_tag(s: &[u8], at: usize) -> Option<usize> {
    let closing = s.get(at + 1) == Some(&b'/');
    let mut i = at + 1 + usize::from(closing);
    if !s.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while s.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-') {
        i += 1;
    }
    if closing {
        i = skip_spaces(s, i);
        return (s.get(i) == Some(&b'>')).then_some(i + 1);
    }
    loop {
        let spaced = skip_spaces(s, i);
        match s.get(spaced)? {
            b'>' => return Some(spaced + 1),
            b'/' => return (s.get(spaced + 1) == Some(&b'>')).then_some(spaced + 2),
            b if spaced > i && (b.is_ascii_alphabetic() || matches!(b, b'_' | b':')) => {}
            _ => return None,
        }
        i = spaced;
        while s.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-')) {
            i += 1;
        }
        let eq = skip_spaces(s, i);
        if s.get(eq) != Some(&b'=') {
            continue;
        }
        let value = skip_spaces(s, eq + 1);
        i = match *s.get(value)? {
            q @ (b'"' | b'\'') => value + 2 + s.get(value + 1..)?.iter().position(|&b| b == q)?,
            _ => {
                let len = s.get(value..)?.iter().take_while(|&&b| !is_space(b) && !b"\"'=<>`".contains(&b)).count();
                if len == 0 {
                    return None;
                }
                value + len
            }
        };
    }
}
