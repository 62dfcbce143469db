//! The inline pass over one paragraph: code spans, autolinks and raw HTML
//! bind first, then links, then emphasis by CommonMark's delimiter rules.
//! Everything is read once from left to right into tokens; brackets and
//! delimiter runs are resolved on stacks whose look-back is bounded (see
//! `emphasis.rs`), and every scanner stops at the first byte that ends its
//! construct, so a paragraph costs time linear in its length.

use super::emphasis::{Run, Style};
use super::refs::Refs;
use super::scan::{self, MAX_LABEL};
use super::Image;
use crate::builder::{Builder, FrameId, Open};
use crate::entities::{self, Rules};
use crate::href::safe_href;

enum Tok {
    Text(String),
    Code(String),
    Break,
    /// A delimiter run, by index into `runs`.
    Run(usize),
    /// A `[` (or `![` when true) that opens nothing (yet).
    Bracket(bool),
    /// Where a link or (when true) an image starts, with its href if allowed.
    Start(bool, Option<String>),
    End,
}

struct Bracket {
    tok: usize,
    image: bool,
    /// Where its text starts in the paragraph.
    text_at: usize,
    /// Delimiter runs read before it.
    runs: usize,
    /// Brackets read up to and including it.
    seen: usize,
}

struct Reader<'a> {
    src: &'a str,
    refs: &'a Refs,
    toks: Vec<Tok>,
    runs: Vec<Run>,
    /// Runs whose emphasis is not resolved yet.
    pending: Vec<usize>,
    brackets: Vec<Bracket>,
    /// Brackets below this index on the stack are inside a link, so they
    /// can no longer open one (links never nest).
    inactive_below: usize,
    /// Brackets read so far: a link's own text is a label only when none
    /// was read inside it.
    seen: usize,
    /// Every backtick run of the paragraph, so that a code span's closing
    /// run is found without reading the text again; and the first run not
    /// yet passed.
    ticks: Option<Vec<Ticks>>,
    tick: usize,
    /// The last search for a comment's end: from where, and what it found.
    comment_end: Option<(usize, Option<usize>)>,
}

pub(super) fn write(builder: &mut Builder, src: &str, refs: &Refs) {
    let mut reader = Reader {
        src,
        refs,
        toks: Vec::new(),
        runs: Vec::new(),
        pending: Vec::new(),
        brackets: Vec::new(),
        inactive_below: 0,
        seen: 0,
        ticks: None,
        tick: 0,
        comment_end: None,
    };
    reader.read();
    emit(builder, reader.toks, &reader.runs);
}

fn is_special(b: u8) -> bool {
    matches!(b, b'\\' | b'&' | b'`' | b'*' | b'_' | b'~' | b'[' | b']' | b'!' | b'<' | b'\n')
}

impl Reader<'_> {
    fn read(&mut self) {
        let s = self.src.as_bytes();
        let mut i = 0;
        while let Some(&b) = s.get(i) {
            i = match b {
                b'\\' => self.escape(i),
                b'&' => match entities::reference(self.src.get(i + 1..).unwrap_or_default(), Rules::Markdown) {
                    Some((c, used)) => {
                        self.text(c.encode_utf8(&mut [0; 4]));
                        i + 1 + used
                    }
                    None => self.literal(i, 1),
                },
                b'`' => self.code(i),
                b'*' | b'_' | b'~' => self.run(i),
                b'[' => self.open_bracket(i, false),
                b'!' if s.get(i + 1) == Some(&b'[') => self.open_bracket(i, true),
                b']' => self.close_bracket(i),
                b'<' => self.angle(i),
                b'\n' => self.line_break(i),
                _ => {
                    let len = 1 + s.iter().skip(i + 1).take_while(|&&b| !is_special(b)).count();
                    self.literal(i, len)
                }
            };
        }
        let all = std::mem::take(&mut self.pending);
        super::emphasis::resolve(&mut self.runs, &all);
    }

    fn text(&mut self, t: &str) {
        match self.toks.last_mut() {
            Some(Tok::Text(last)) => last.push_str(t),
            _ => self.toks.push(Tok::Text(t.to_owned())),
        }
    }

    /// `len` bytes of the source as text; where reading goes on.
    fn literal(&mut self, at: usize, len: usize) -> usize {
        self.text(self.src.get(at..at + len).unwrap_or_default());
        at + len
    }

    fn escape(&mut self, at: usize) -> usize {
        match self.src.as_bytes().get(at + 1) {
            Some(b'\n') => self.line_break(at + 1),
            Some(b) if b.is_ascii_punctuation() => self.literal(at + 1, 1),
            _ => self.literal(at, 1),
        }
    }

    /// Every newline is a line break; spaces around it show nothing.
    fn line_break(&mut self, at: usize) -> usize {
        if let Some(Tok::Text(last)) = self.toks.last_mut() {
            last.truncate(last.trim_end_matches([' ', '\t']).len());
        }
        self.toks.push(Tok::Break);
        let s = self.src.as_bytes();
        at + 1 + s.iter().skip(at + 1).take_while(|&&b| b == b' ' || b == b'\t').count()
    }

    fn code(&mut self, at: usize) -> usize {
        let s = self.src.as_bytes();
        let len = s.iter().skip(at).take_while(|&&b| b == b'`').count();
        let ticks = self.ticks.get_or_insert_with(|| backtick_runs(s));
        while ticks.get(self.tick).is_some_and(|run| run.start + run.len <= at) {
            self.tick += 1;
        }
        let next = match ticks.get(self.tick) {
            Some(run) if run.start == at => run.same,
            // The run's first backtick was escaped.
            Some(run) if run.start + 1 == at => run.shorter,
            _ => NONE,
        };
        let Some(close) = ticks.get(next).map(|run| run.start) else {
            return self.literal(at, len);
        };
        let code = self.src.get(at + len..close).unwrap_or_default().replace('\n', " ");
        let stripped = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
            Some(inner) if code.bytes().any(|b| b != b' ') => inner.to_owned(),
            _ => code,
        };
        self.toks.push(Tok::Code(stripped));
        close + len
    }

    fn run(&mut self, at: usize) -> usize {
        let s = self.src.as_bytes();
        let ch = s.get(at).copied().unwrap_or(b'*');
        let len = s.iter().skip(at).take_while(|&&b| b == ch).count();
        let before = self.src.get(..at).and_then(|b| b.chars().next_back());
        let after = self.src.get(at + len..).and_then(|a| a.chars().next());
        match Run::new(ch, len, before, after) {
            Some(run) => {
                self.pending.push(self.runs.len());
                self.toks.push(Tok::Run(self.runs.len()));
                self.runs.push(run);
                at + len
            }
            None => self.literal(at, len),
        }
    }

    fn open_bracket(&mut self, at: usize, image: bool) -> usize {
        self.seen += 1;
        let text_at = at + 1 + usize::from(image);
        self.brackets.push(Bracket { tok: self.toks.len(), image, text_at, runs: self.pending.len(), seen: self.seen });
        self.toks.push(Tok::Bracket(image));
        text_at
    }

    fn close_bracket(&mut self, at: usize) -> usize {
        let nothing_between = self.brackets.last().is_some_and(|b| b.seen == self.seen);
        self.seen += 1;
        let Some(bracket) = self.brackets.pop() else { return self.literal(at, 1) };
        let active = bracket.image || self.brackets.len() >= self.inactive_below;
        self.inactive_below = self.inactive_below.min(self.brackets.len());
        if !active {
            return self.literal(at, 1);
        }
        let s = self.src.as_bytes();
        if s.get(at + 1) == Some(&b'(') {
            if let Some((dest, end)) = inline_link(self.src, at + 2) {
                self.link(bracket, &dest);
                return end;
            }
        }
        if self.refs.is_empty() {
            return self.literal(at, 1);
        }
        // Its own text is a label only without brackets inside.
        let own = self.src.get(bracket.text_at..at).filter(|t| nothing_between && t.len() <= MAX_LABEL);
        let (label, end) = match scan::label(self.src, at + 1) {
            Some(("", end)) => (own, end),
            Some((label, end)) if !label.trim().is_empty() => (Some(label), end),
            _ => (own, at + 1),
        };
        let dest = label.and_then(|l| self.refs.get(&scan::normalize_label(l))).map(str::to_owned);
        match dest {
            Some(dest) => {
                self.link(bracket, &dest);
                end
            }
            None => self.literal(at, 1),
        }
    }

    fn link(&mut self, bracket: Bracket, dest: &str) {
        if let Some(tok) = self.toks.get_mut(bracket.tok) {
            *tok = Tok::Start(bracket.image, safe_href(dest));
        }
        let inside = self.pending.split_off(bracket.runs.min(self.pending.len()));
        super::emphasis::resolve(&mut self.runs, &inside);
        self.toks.push(Tok::End);
        if !bracket.image {
            self.inactive_below = self.brackets.len();
        }
    }

    /// `<`: an autolink, raw HTML (shown as typed, markdown inside it
    /// unread), or a plain `<`.
    fn angle(&mut self, at: usize) -> usize {
        if let Some((text, href, end)) = scan::autolink(self.src, at) {
            let href = safe_href(&href);
            let linked = href.is_some();
            if linked {
                self.toks.push(Tok::Start(false, href));
            }
            self.text(text);
            if linked {
                self.toks.push(Tok::End);
            }
            return end;
        }
        let Some(end) = self.html(at) else { return self.literal(at, 1) };
        for (i, line) in self.src.get(at..end).unwrap_or_default().split('\n').enumerate() {
            if i > 0 {
                self.toks.push(Tok::Break);
            }
            self.text(line);
        }
        end
    }

    fn html(&mut self, at: usize) -> Option<usize> {
        let s = self.src.as_bytes();
        if !s.get(at..)?.starts_with(b"<!--") {
            return scan::html_tag(s, at);
        }
        let body = at + 4;
        match s.get(body..)? {
            [b'>', ..] => return Some(body + 1),
            [b'-', b'>', ..] => return Some(body + 2),
            _ => {}
        }
        // Comments without an end: remember the failed search, or every
        // `<!--` after the first would read to the end again.
        let found = match self.comment_end {
            Some((from, found)) if from <= body && found.is_none_or(|f| f >= body) => found,
            _ => {
                let found = scan::find(self.src.get(body..)?, "-->").map(|p| body + p);
                self.comment_end = Some((body, found));
                found
            }
        };
        found.map(|f| f + 3)
    }
}

/// `(dest "title")` after a link's text, from just past the `(`.
fn inline_link(src: &str, at: usize) -> Option<(String, usize)> {
    let s = src.as_bytes();
    let mut i = scan::skip_spaces(s, at);
    let mut dest = String::new();
    if s.get(i) != Some(&b')') {
        let (found, end) = scan::destination(src, i)?;
        dest = found;
        i = scan::skip_spaces(s, end);
        if i > end {
            if let Some(after_title) = scan::title(s, i) {
                i = scan::skip_spaces(s, after_title);
            }
        }
    }
    (s.get(i) == Some(&b')')).then_some((dest, i + 1))
}

const NONE: usize = usize::MAX;

/// A run of backticks, and the index of the next run of the same length
/// and of one less (`NONE` if there is none).
struct Ticks {
    start: usize,
    len: usize,
    same: usize,
    shorter: usize,
}

fn backtick_runs(s: &[u8]) -> Vec<Ticks> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let len = s.iter().skip(i).take_while(|&&b| b == b'`').count();
        if len > 0 {
            runs.push(Ticks { start: i, len, same: NONE, shorter: NONE });
        }
        i += len.max(1);
    }
    // From the end, remembering the latest run of each length seen.
    let longest = runs.iter().map(|run| run.len).max().unwrap_or(0);
    let mut latest = vec![NONE; longest + 1];
    for (index, run) in runs.iter_mut().enumerate().rev() {
        run.same = latest.get(run.len).copied().unwrap_or(NONE);
        run.shorter = latest.get(run.len - 1).copied().unwrap_or(NONE);
        if let Some(slot) = latest.get_mut(run.len) {
            *slot = index;
        }
    }
    runs
}

/// Hands the tokens to the builder; each run's resolved emphasis opens and
/// closes around what is left of it as text.
fn emit(builder: &mut Builder, toks: Vec<Tok>, runs: &[Run]) {
    let mut open: Vec<Option<FrameId>> = Vec::new();
    let mut image: Option<Image> = None;
    for tok in toks {
        if let Some(img) = image.as_mut() {
            match tok {
                Tok::Start(..) => img.nesting += 1,
                Tok::End if img.nesting > 0 => img.nesting -= 1,
                Tok::End => {
                    if let Some(done) = image.take() {
                        super::write_image(builder, done);
                    }
                }
                Tok::Text(t) | Tok::Code(t) => img.alt.push_str(&t),
                Tok::Break => img.alt.push(' '),
                Tok::Run(r) => img.alt.push_str(&runs.get(r).map(Run::literal).unwrap_or_default()),
                Tok::Bracket(true) => img.alt.push_str("!["),
                Tok::Bracket(false) => img.alt.push('['),
            }
            continue;
        }
        match tok {
            Tok::Text(t) => builder.text(&t),
            Tok::Code(t) => builder.inline_code(&t),
            Tok::Break => builder.line_break(),
            Tok::Bracket(true) => builder.text("!["),
            Tok::Bracket(false) => builder.text("["),
            Tok::Run(r) => {
                let Some(run) = runs.get(r) else { continue };
                for _ in &run.closes {
                    builder.close(open.pop().flatten());
                }
                builder.text(&run.literal());
                for style in run.opens.iter().rev() {
                    open.push(builder.open(match style {
                        Style::Emphasis => Open::Emphasis,
                        Style::Strong => Open::Strong,
                        Style::Strike => Open::Strike,
                    }));
                }
            }
            Tok::Start(true, href) => image = Some(Image { href, alt: String::new(), nesting: 0 }),
            Tok::Start(false, href) => open.push(href.and_then(|h| builder.open(Open::Link(h)))),
            Tok::End => builder.close(open.pop().flatten()),
        }
    }
}
