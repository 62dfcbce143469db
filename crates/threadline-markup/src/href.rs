//! Which link targets a comment may carry. An allow-list of schemes, read the
//! way a browser's URL parser reads them, so that no spelling of
//! `javascript:` slips through as something that merely looks relative.

/// The URL to put in a link's `href`, or `None` when it must not be a link.
///
/// Only `http:`, `https:` and `mailto:` pass. Relative and protocol-relative
/// URLs are refused too: a comment's link must say where it goes. Before the
/// scheme is read, tabs and newlines are removed everywhere and C0 controls
/// and spaces are trimmed from both ends, as browsers do; whatever would
/// then spell another scheme (`java\tscript:`, ` JaVaScRiPt:`,
/// `\u{1}javascript:`) is refused. Entities must already be decoded.
///
/// The result has a lowercase scheme, `//` after `http:`/`https:` (which
/// browsers infer anyway: `https:\\x` and `https:x` go to `https://x`), and
/// any space or control left inside percent-encoded.
pub fn safe_href(url: &str) -> Option<String> {
    let cleaned: String = url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let trimmed = cleaned.trim_matches(|c: char| c <= ' ');
    let (scheme, rest) = trimmed.split_once(':')?;
    if !is_scheme(scheme) {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    let normalized = match scheme.as_str() {
        "http" | "https" => {
            let authority_on = rest.trim_start_matches(['/', '\\']);
            if authority_on.is_empty() || authority_on.starts_with(['?', '#']) {
                return None;
            }
            format!("{scheme}://{authority_on}")
        }
        "mailto" if !rest.is_empty() => format!("mailto:{rest}"),
        _ => return None,
    };
    Some(encode_controls(&normalized))
}

/// A scheme as URL parsers accept one: a letter, then letters, digits, `+`,
/// `-` or `.`. Anything else before the first colon makes the URL relative.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn encode_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c <= ' ' || c == '\u{7f}' {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn normalizes_what_it_accepts() {
        assert_eq!(safe_href("HTTPS://Example.com/a b").as_deref(), Some("https://Example.com/a%20b"));
        assert_eq!(safe_href(" \u{1}http:\\\\x.org\n").as_deref(), Some("http://x.org"));
        assert_eq!(safe_href("MailTo:a@b.c").as_deref(), Some("mailto:a@b.c"));
    }

    #[test]
    fn refuses_hostless_and_empty() {
        for url in ["http://", "https:", "http:///?q", "mailto:", "", ":", "//x.org"] {
            assert_eq!(safe_href(url), None, "{url:?}");
        }
    }
}
