//! Splits stored HTML into text and tags, the way browsers do for the parts
//! that matter here (tag and attribute syntax, comments, raw-text elements),
//! in time linear in the input whatever it holds. Whatever is not a complete
//! tag is text: an unterminated `<b` is shown, not swallowed.

use std::borrow::Cow;

use crate::entities::{self, Rules};

pub(crate) enum Token<'a> {
    /// Entities already decoded (except inside `script`, `style` and kin).
    Text(Cow<'a, str>),
    /// Lowercase name; only `href` and `start` are kept of the attributes.
    Start {
        name: String,
        href: Option<String>,
        start: Option<String>,
    },
    End {
        name: String,
    },
}

/// Elements whose content is not markup: it runs to the matching end tag
/// (`bool`: entities are decoded in it).
const RAW_TEXT: &[(&str, bool)] = &[
    ("script", false),
    ("style", false),
    ("xmp", false),
    ("iframe", false),
    ("noembed", false),
    ("noframes", false),
    ("noscript", false),
    ("textarea", true),
    ("title", true),
];

enum Markup<'a> {
    Token(Token<'a>, usize),
    /// A comment, doctype or processing instruction: shown by no browser.
    Skip(usize),
    /// Not a complete tag: the `<` is text.
    Literal,
}

pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    raw: Option<(&'static str, bool)>,
    /// Everything after `plaintext` is text.
    plaintext: bool,
    last_gt: Option<usize>,
    /// Bytes scanned by tag reads that ran off the end inside a quoted value;
    /// past a budget, tags end at the first `>`, so the total stays linear.
    wasted: usize,
    no_comment_end_from: Option<usize>,
}

impl<'a> Tokenizer<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
            plaintext: false,
            last_gt: src.rfind('>'),
            wasted: 0,
            no_comment_end_from: None,
        }
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or_default()
    }

    fn text_until(&mut self, end: usize, decode: bool) -> Token<'a> {
        let text = self.src.get(self.pos..end).unwrap_or_default();
        self.pos = end;
        Token::Text(if decode { entities::decode(text, Rules::Html) } else { Cow::Borrowed(text) })
    }

    fn raw_text(&mut self, name: &str, decode: bool) -> Token<'a> {
        let end = find_end_tag(self.rest(), name).map_or(self.src.len(), |at| self.pos + at);
        self.text_until(end, decode)
    }

    fn markup(&mut self) -> Markup<'a> {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        match bytes.get(1) {
            Some(b'!') if rest.starts_with("<!--") => self.comment(),
            Some(b'!' | b'?') => match rest.find('>') {
                Some(gt) => Markup::Skip(self.pos + gt + 1),
                None => Markup::Literal,
            },
            Some(b'/') if rest.starts_with("</>") => Markup::Skip(self.pos + 3),
            Some(b'/') if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => self.tag(self.pos + 2, true),
            Some(b) if b.is_ascii_alphabetic() => self.tag(self.pos + 1, false),
            _ => Markup::Literal,
        }
    }

    fn comment(&mut self) -> Markup<'a> {
        let rest = self.rest();
        for empty in ["<!-->", "<!--->"] {
            if rest.starts_with(empty) {
                return Markup::Skip(self.pos + empty.len());
            }
        }
        if self.no_comment_end_from.is_some_and(|from| from <= self.pos) {
            return Markup::Literal;
        }
        match rest.get(4..).and_then(|body| body.find("-->")) {
            Some(at) => Markup::Skip(self.pos + 4 + at + 3),
            None => {
                self.no_comment_end_from = Some(self.pos);
                Markup::Literal
            }
        }
    }

    fn tag(&mut self, name_at: usize, is_end: bool) -> Markup<'a> {
        let Some(last_gt) = self.last_gt.filter(|gt| *gt > name_at) else { return Markup::Literal };
        if self.wasted <= 2 * self.src.len() + 64 {
            if let Some(found) = read_tag(self.src, name_at, None, is_end) {
                return Markup::Token(found.0, found.1);
            }
            self.wasted += self.src.len() - name_at;
        }
        // A quote left open: end the tag at the first `>` as if it closed there.
        let gt = self.src.get(name_at..).and_then(|s| s.find('>')).map_or(last_gt, |at| name_at + at);
        match read_tag(self.src, name_at, Some(gt), is_end) {
            Some(found) => Markup::Token(found.0, found.1),
            None => Markup::Literal,
        }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if self.plaintext {
                return Some(self.text_until(self.src.len(), false));
            }
            if let Some((name, decode)) = self.raw.take() {
                match self.raw_text(name, decode) {
                    Token::Text(t) if t.is_empty() => continue,
                    token => return Some(token),
                }
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').map_or(self.src.len(), |at| self.pos + at);
                return Some(self.text_until(end, true));
            }
            match self.markup() {
                Markup::Token(token, end) => {
                    self.pos = end;
                    if let Token::Start { name, .. } = &token {
                        self.raw = RAW_TEXT.iter().find(|(n, _)| n == name).copied();
                        self.plaintext = name == "plaintext";
                    }
                    return Some(token);
                }
                Markup::Skip(end) => self.pos = end,
                Markup::Literal => {
                    // The `<` and the text up to the next one.
                    let end = rest.get(1..).and_then(|r| r.find('<')).map_or(self.src.len(), |at| self.pos + 1 + at);
                    return Some(self.text_until(end, true));
                }
            }
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Reads a tag whose name starts at `name_at`. Without `stop`, a quoted value
/// runs to its closing quote and the tag to the next `>` after it (`None` if
/// the input ends first); with `stop`, the tag ends at that `>` regardless.
/// Returns the token and the position after the tag.
fn read_tag(src: &str, name_at: usize, stop: Option<usize>, is_end: bool) -> Option<(Token<'static>, usize)> {
    let bytes = src.as_bytes();
    let end = stop.unwrap_or(bytes.len());
    let at = |i: usize| if i < end { bytes.get(i).copied() } else { None };
    let mut i = name_at;
    while at(i).is_some_and(|b| !is_space(b) && b != b'/' && b != b'>') {
        i += 1;
    }
    let name = src.get(name_at..i)?.to_ascii_lowercase();
    let (mut href, mut start) = (None, None);
    loop {
        while at(i).is_some_and(|b| is_space(b) || b == b'/') {
            i += 1;
        }
        match at(i) {
            None if stop.is_some() => break,
            None => return None,
            Some(b'>') => break,
            Some(_) => {}
        }
        let attr_at = i;
        i += 1;
        while at(i).is_some_and(|b| !is_space(b) && b != b'/' && b != b'>' && b != b'=') {
            i += 1;
        }
        let attr = src.get(attr_at..i)?.to_ascii_lowercase();
        while at(i).is_some_and(is_space) {
            i += 1;
        }
        if at(i) != Some(b'=') {
            continue;
        }
        i += 1;
        while at(i).is_some_and(is_space) {
            i += 1;
        }
        let value_range = match at(i) {
            Some(q @ (b'"' | b'\'')) => {
                let value_at = i + 1;
                let close = bytes.get(value_at..end)?.iter().position(|b| *b == q).map(|p| value_at + p);
                match close {
                    Some(close) => {
                        i = close + 1;
                        value_at..close
                    }
                    None if stop.is_some() => {
                        i = end;
                        value_at..end
                    }
                    None => return None,
                }
            }
            _ => {
                let value_at = i;
                while at(i).is_some_and(|b| !is_space(b) && b != b'>') {
                    i += 1;
                }
                value_at..i
            }
        };
        // The first of a repeated attribute counts, as in browsers.
        let slot = match attr.as_str() {
            "href" if href.is_none() => &mut href,
            "start" if start.is_none() => &mut start,
            _ => continue,
        };
        *slot = Some(entities::decode(src.get(value_range)?, Rules::Html).into_owned());
    }
    let after = i + 1;
    let token = if is_end { Token::End { name } } else { Token::Start { name, href, start } };
    Some((token, after))
}

/// Where `</name` (any case, then a space, `/`, `>` or the end) first occurs.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(at) = s.get(from..).and_then(|r| r.find("</")).map(|p| from + p) {
        let name_end = at + 2 + name.len();
        let matches = bytes.get(at + 2..name_end).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if matches && bytes.get(name_end).is_none_or(|b| is_space(*b) || *b == b'/' || *b == b'>') {
            return Some(at);
        }
        from = at + 2;
    }
    None
}
