//! Character references in stored HTML: the few named ones that sanitizers
//! and markdown renderers emit, and every numeric one. An unknown name stays
//! as written, since showing `&foo;` is better than guessing.

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
    ("copy", '©'),
];

/// Longest name in `NAMED`, so a run of letters is never scanned further.
const LONGEST_NAME: usize = 6;

pub(crate) fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        match reference(after) {
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
/// it took. Numeric references need no `;` (browsers accept them without),
/// named ones do.
fn reference(after: &str) -> Option<(char, usize)> {
    if let Some(num) = after.strip_prefix('#') {
        let (radix, digits_at) = match num.as_bytes().first() {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let digits = after.get(digits_at..)?;
        let len = digits.bytes().take_while(|b| (*b as char).is_digit(radix)).count();
        if len == 0 {
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
        let semicolon = usize::from(digits.as_bytes().get(len) == Some(&b';'));
        return Some((c, digits_at + len + semicolon));
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
    use super::decode;

    #[test]
    fn decodes_named_and_numeric() {
        assert_eq!(decode("a &amp; b &lt;c&gt; &quot;&apos;&#39;&nbsp;"), "a & b <c> \"''\u{a0}");
        assert_eq!(decode("&#106;&#x61;&#X76;&#97"), "java");
        assert_eq!(decode("&#0;&#xD800;&#x110000;&#99999999999999999999;"), "\u{fffd}".repeat(4));
    }

    #[test]
    fn leaves_unknown_and_bare_ampersands() {
        assert_eq!(
            decode("&foo; & &amp &#; &#x; &; &averyveryverylongname;"),
            "&foo; & &amp &#; &#x; &; &averyveryverylongname;"
        );
    }
}
