//! What a single line is, for the block pass: its indentation (tabs to the
//! next multiple of four columns, as CommonMark counts them) and the block
//! markers it starts with.

use super::block::Marker;
use super::scan;

/// A line being read from the left, as containers take their markers.
#[derive(Clone, Copy)]
pub(super) struct Line<'a> {
    text: &'a str,
    pos: usize,
    /// Column of the byte at `pos`.
    col: usize,
    /// Columns of a tab before `pos` that a container did not take.
    tab: usize,
}

impl<'a> Line<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Line { text, pos: 0, col: 0, tab: 0 }
    }

    pub(super) fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or_default()
    }

    /// The rest with what is left of a split tab, for code.
    pub(super) fn rest_with_tab(&self) -> String {
        " ".repeat(self.tab) + self.rest()
    }

    pub(super) fn byte(&self) -> Option<u8> {
        if self.tab > 0 {
            return Some(b' ');
        }
        self.rest().bytes().next()
    }

    pub(super) fn is_blank(&self) -> bool {
        self.rest().bytes().all(|b| b == b' ' || b == b'\t')
    }

    /// Columns of whitespace ahead.
    pub(super) fn indent(&self) -> usize {
        let mut col = self.col;
        for b in self.rest().bytes() {
            match b {
                b' ' => col += 1,
                b'\t' => col += 4 - col % 4,
                _ => break,
            }
        }
        self.tab + col - self.col
    }

    /// Takes up to `n` columns of whitespace.
    pub(super) fn consume(&mut self, mut n: usize) {
        let from_tab = n.min(self.tab);
        self.tab -= from_tab;
        n -= from_tab;
        while n > 0 {
            match self.rest().bytes().next() {
                Some(b' ') => {
                    self.pos += 1;
                    self.col += 1;
                    n -= 1;
                }
                Some(b'\t') => {
                    let width = 4 - self.col % 4;
                    self.pos += 1;
                    self.col += width;
                    self.tab = width.saturating_sub(n);
                    n = n.saturating_sub(width);
                }
                _ => return,
            }
        }
    }

    /// Takes all whitespace ahead; how many columns it was.
    pub(super) fn skip_indent(&mut self) -> usize {
        let n = self.indent();
        self.consume(n);
        n
    }

    /// Moves past ASCII that is not a tab (a marker).
    pub(super) fn advance(&mut self, bytes: usize) {
        self.tab = 0;
        self.pos += bytes;
        self.col += bytes;
    }
}

fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| b == b' ' || b == b'\t')
}

pub(super) struct ListItem {
    pub(super) marker: Marker,
    pub(super) start: u64,
    /// Bytes of the marker.
    pub(super) width: usize,
    /// Nothing after the marker on this line.
    pub(super) empty: bool,
}

pub(super) fn list_item(rest: &str) -> Option<ListItem> {
    if thematic_break(rest) {
        return None;
    }
    let b = rest.as_bytes();
    let (marker, start, width) = match *b.first()? {
        c @ (b'-' | b'+' | b'*') => (Marker::Bullet(c), 1, 1),
        _ => {
            let digits = b.iter().take(10).take_while(|c| c.is_ascii_digit()).count();
            let delimiter = *b.get(digits)?;
            if !(1..=9).contains(&digits) || !matches!(delimiter, b'.' | b')') {
                return None;
            }
            (Marker::Ordered(delimiter), rest.get(..digits)?.parse().ok()?, digits + 1)
        }
    };
    if !matches!(b.get(width), None | Some(b' ' | b'\t')) {
        return None;
    }
    Some(ListItem { marker, start, width, empty: is_blank(rest.get(width..)?) })
}

/// `***`, `- - -`, `___`: three or more of one of them, spaces allowed.
pub(super) fn thematic_break(rest: &str) -> bool {
    let mut marks = rest.bytes().filter(|b| !matches!(b, b' ' | b'\t'));
    let Some(first @ (b'*' | b'-' | b'_')) = marks.next() else { return false };
    let mut count = 1;
    for b in marks {
        if b != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

pub(super) fn setext_underline(rest: &str) -> bool {
    let line = rest.trim_end_matches([' ', '\t']);
    !line.is_empty() && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
}

/// The text of an ATX heading (`## Title ##`); `#hashtag` is not one.
pub(super) fn atx_heading(rest: &str) -> Option<&str> {
    let level = rest.bytes().take_while(|&b| b == b'#').count();
    let after = rest.get(level..)?;
    if !(1..=6).contains(&level) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let text = after.trim_matches([' ', '\t']);
    let unclosed = text.trim_end_matches('#');
    Some(if unclosed.is_empty() {
        ""
    } else if unclosed.ends_with([' ', '\t']) {
        unclosed.trim_end_matches([' ', '\t'])
    } else {
        text
    })
}

pub(super) struct Fence {
    mark: u8,
    len: usize,
}

impl Fence {
    pub(super) fn closed_by(&self, rest: &str) -> bool {
        let len = rest.bytes().take_while(|&b| b == self.mark).count();
        len >= self.len && is_blank(rest.get(len..).unwrap_or_default())
    }
}

pub(super) fn fence(rest: &str) -> Option<Fence> {
    let mark = *rest.as_bytes().first()?;
    let len = rest.bytes().take_while(|&b| b == mark).count();
    let info = rest.get(len..)?;
    let ok = len >= 3 && (mark == b'~' || mark == b'`' && !info.contains('`'));
    ok.then_some(Fence { mark, len })
}

/// Where an HTML block ends.
#[derive(PartialEq, Eq)]
pub(super) enum HtmlEnd {
    Blank,
    /// A line holding `</script>`, `</pre>`, `</style>` or `</textarea>`.
    RawClose,
    /// A line holding this.
    Text(&'static str),
}

impl HtmlEnd {
    pub(super) fn found_in(&self, line: &str) -> bool {
        match self {
            HtmlEnd::Blank => false,
            HtmlEnd::RawClose => {
                let lower = line.to_ascii_lowercase();
                RAW_CLOSE.iter().any(|end| scan::find(&lower, end).is_some())
            }
            HtmlEnd::Text(end) => scan::find(line, end).is_some(),
        }
    }
}

/// End tags of the elements whose content CommonMark never reads as markdown.
const RAW_CLOSE: [&str; 4] = ["</script>", "</pre>", "</style>", "</textarea>"];

/// Tags that start an HTML block wherever they are (CommonMark's list).
const BLOCK_TAGS: &str = "address article aside base basefont blockquote body caption center col colgroup dd \
    details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head \
    header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search \
    section summary table tbody td tfoot th thead title tr track ul";

/// The HTML block a line starts, if any. A lone tag of any other name
/// starts one too, but cannot interrupt a paragraph.
pub(super) fn html_block(rest: &str, in_paragraph: bool) -> Option<HtmlEnd> {
    let b = rest.as_bytes();
    if b.first() != Some(&b'<') {
        return None;
    }
    for (start, end) in [("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>")] {
        if rest.starts_with(start) {
            return Some(HtmlEnd::Text(end));
        }
    }
    if b.get(1) == Some(&b'!') {
        return b.get(2).is_some_and(u8::is_ascii_alphabetic).then_some(HtmlEnd::Text(">"));
    }
    let closing = b.get(1) == Some(&b'/');
    let from = 1 + usize::from(closing);
    let len = b.iter().skip(from).take_while(|c| c.is_ascii_alphanumeric()).count();
    let name = rest.get(from..from + len)?.to_ascii_lowercase();
    let after = rest.get(from + len..)?;
    let ends_name = after.is_empty() || after.starts_with([' ', '\t', '>']);
    let raw = RAW_CLOSE.iter().any(|end| end.get(2..end.len() - 1) == Some(name.as_str()));
    if raw && !closing && ends_name {
        return Some(HtmlEnd::RawClose);
    }
    if BLOCK_TAGS.split(' ').any(|tag| tag == name) && (ends_name || after.starts_with("/>")) {
        return Some(HtmlEnd::Blank);
    }
    let lone_tag =
        !in_paragraph && !raw && scan::html_tag(b, 0).is_some_and(|end| is_blank(rest.get(end..).unwrap_or("x")));
    lone_tag.then_some(HtmlEnd::Blank)
}

/// A link reference definition at the start of `text`: its label, its
/// destination, and how many bytes it took (through its line end).
pub(super) fn definition(text: &str) -> Option<(&str, String, usize)> {
    let s = text.as_bytes();
    let (label, after) = scan::label(text, 0)?;
    if label.trim().is_empty() || s.get(after) != Some(&b':') {
        return None;
    }
    let (dest, end) = scan::destination(text, scan::skip_spaces(s, after + 1))?;
    let line_end = |at: usize| {
        let at = at + s.get(at..)?.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        match s.get(at) {
            None => Some(at),
            Some(b'\n') => Some(at + 1),
            _ => None,
        }
    };
    let title_at = scan::skip_spaces(s, end);
    let with_title = (title_at > end).then(|| scan::title(s, title_at).and_then(line_end)).flatten();
    Some((label, dest, with_title.or_else(|| line_end(end))?))
}
