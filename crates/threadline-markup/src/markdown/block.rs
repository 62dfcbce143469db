//! The block pass: lines become quotes, lists, paragraphs, headings and
//! code, as CommonMark reads them (containers matched line by line, lazy
//! paragraph continuation, fences, HTML blocks). Paragraph text is kept raw
//! for the inline pass, which runs once every link definition is known.

use super::lexer::{self, Line};
use super::scan;
use crate::model::MAX_DEPTH;

pub(super) enum Event {
    Quote,
    List {
        ordered: bool,
        start: u64,
    },
    Item,
    /// Closes the latest quote, list or item not yet closed.
    End,
    Paragraph(String),
    Heading(String),
    Code(String),
    /// Shown as typed, line by line.
    Typed(String),
}

/// What makes items siblings: the same bullet, or the same `.`/`)`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    Bullet(u8),
    Ordered(u8),
}

enum Container {
    Quote,
    /// A list stays open while its items come; it is on top of the stack
    /// only between an item that ended and whatever comes next.
    List(Marker),
    /// `indent`: columns a line needs to continue the item.
    Item {
        indent: usize,
    },
}

enum Leaf {
    None,
    Paragraph(String),
    Indented { code: String, blanks: usize },
    Fence { fence: lexer::Fence, indent: usize, typed: String, code: String },
    Html { end: lexer::HtmlEnd, typed: String },
}

pub(super) struct Blocks {
    pub(super) events: Vec<Event>,
    /// Link definitions in document order: normalized label, destination.
    pub(super) definitions: Vec<(String, String)>,
}

struct Parser {
    stack: Vec<Container>,
    /// Quotes and items on the stack. Past [`MAX_DEPTH`] of them, `>` is
    /// read and dropped and list markers are text: the builder would
    /// flatten that depth anyway, and the bound keeps the work per line
    /// small whatever the nesting typed.
    nested: usize,
    leaf: Leaf,
    out: Blocks,
}

pub(super) fn parse(src: &str) -> Blocks {
    let mut parser = Parser {
        stack: Vec::new(),
        nested: 0,
        leaf: Leaf::None,
        out: Blocks { events: Vec::new(), definitions: Vec::new() },
    };
    // A final line ending ends the last line; it does not start another.
    let body = src.strip_suffix('\n').unwrap_or(src);
    let body = body.strip_suffix('\r').unwrap_or(body);
    for line in crate::plain::lines(body) {
        parser.line(Line::new(line));
    }
    parser.close_leaf();
    parser.close_from(0);
    parser.out
}

impl Parser {
    fn line(&mut self, mut l: Line<'_>) {
        let matched = self.match_containers(&mut l);
        if matched == self.stack.len() && self.continue_verbatim(l) {
            return;
        }
        let paragraph = matches!(self.leaf, Leaf::Paragraph(_));
        let mut opened = false;
        while l.indent() < 4 {
            let before = l;
            let indent = l.skip_indent();
            if l.byte() == Some(b'>') {
                l.advance(1);
                l.consume(1);
                if self.nested < MAX_DEPTH {
                    self.start_container(matched, &mut opened);
                    self.close_dangling_list();
                    self.push(Container::Quote);
                    self.out.events.push(Event::Quote);
                }
                continue;
            }
            let Some(item) = lexer::list_item(l.rest()) else {
                l = before;
                break;
            };
            // A paragraph goes on over "1986. was a good year" or a lone
            // "-": a list interrupts it only from 1 and with content. A line
            // that leaves one of the paragraph's containers is not its line,
            // and starts any list (as cmark and pulldown-cmark read it).
            let interrupts = paragraph && matched == self.stack.len() && !opened;
            let ordered = matches!(item.marker, Marker::Ordered(_));
            if interrupts && (item.empty || ordered && item.start != 1) || self.nested >= MAX_DEPTH {
                l = before;
                break;
            }
            self.start_container(matched, &mut opened);
            if !matches!(self.stack.last(), Some(Container::List(m)) if *m == item.marker) {
                self.close_dangling_list();
                self.stack.push(Container::List(item.marker));
                self.out.events.push(Event::List { ordered, start: if ordered { item.start } else { 1 } });
            }
            l.advance(item.width);
            let spaces = l.indent();
            // Five spaces or more after the marker start indented code inside the item.
            let gap = if item.empty || spaces >= 5 { 1 } else { spaces };
            l.consume(gap);
            self.push(Container::Item { indent: indent + item.width + gap });
            self.out.events.push(Event::Item);
        }
        self.leaf_line(l, matched, opened);
    }

    /// How many containers the line continues; consumes their markers.
    fn match_containers(&self, l: &mut Line<'_>) -> usize {
        for (i, container) in self.stack.iter().enumerate() {
            match container {
                Container::List(_) => {}
                Container::Quote => {
                    let mut probe = *l;
                    if probe.indent() < 4 {
                        probe.skip_indent();
                        if probe.byte() == Some(b'>') {
                            probe.advance(1);
                            probe.consume(1);
                            *l = probe;
                            continue;
                        }
                    }
                    return i;
                }
                Container::Item { indent } => {
                    // An item may start with one blank line, not two.
                    let empty = i + 1 == self.stack.len()
                        && matches!(self.leaf, Leaf::None)
                        && matches!(self.out.events.last(), Some(Event::Item));
                    if l.is_blank() && !empty {
                        continue;
                    }
                    if l.indent() < *indent {
                        return i;
                    }
                    l.consume(*indent);
                }
            }
        }
        self.stack.len()
    }

    /// Feeds an open fence or HTML block, which take lines as they are.
    fn continue_verbatim(&mut self, mut l: Line<'_>) -> bool {
        match &mut self.leaf {
            Leaf::Fence { fence, indent, typed, code } => {
                let mut probe = l;
                if probe.indent() < 4 {
                    probe.skip_indent();
                    if fence.closed_by(probe.rest()) {
                        typed.push('\n');
                        typed.push_str(probe.rest().trim());
                        self.close_leaf();
                        return true;
                    }
                }
                l.consume((*indent).min(l.indent()));
                code.push_str(&l.rest_with_tab());
                code.push('\n');
                true
            }
            Leaf::Html { end, typed } => {
                if *end == lexer::HtmlEnd::Blank && l.is_blank() {
                    self.close_leaf();
                    return true;
                }
                typed.push('\n');
                typed.push_str(&l.rest_with_tab());
                if end.found_in(l.rest()) {
                    self.close_leaf();
                }
                true
            }
            _ => false,
        }
    }

    fn leaf_line(&mut self, mut l: Line<'_>, matched: usize, opened: bool) {
        let lazy = !opened && matched < self.stack.len() && matches!(self.leaf, Leaf::Paragraph(_));
        if lazy && !l.is_blank() && (l.indent() >= 4 || !starts_block(l)) {
            l.skip_indent();
            self.append(l.rest());
            return;
        }
        if !opened {
            self.close_from(matched);
            // Blank lines do not end a list: its next item may follow them.
            if !l.is_blank() {
                self.close_dangling_list();
            }
        }
        if l.is_blank() {
            match &mut self.leaf {
                Leaf::Indented { blanks, .. } => *blanks += 1,
                _ => self.close_leaf(),
            }
            return;
        }
        let mut paragraph = matches!(self.leaf, Leaf::Paragraph(_));
        if l.indent() >= 4 {
            if paragraph {
                l.skip_indent();
                self.append(l.rest());
                return;
            }
            l.consume(4);
            let line = l.rest_with_tab();
            if let Leaf::Indented { code, blanks } = &mut self.leaf {
                code.push_str(&"\n".repeat(*blanks + 1));
                code.push_str(&line);
                *blanks = 0;
            } else {
                self.close_leaf();
                self.leaf = Leaf::Indented { code: line, blanks: 0 };
            }
            return;
        }
        let unindented = l;
        let indent = l.skip_indent();
        let rest = l.rest();
        if paragraph && lexer::setext_underline(rest) {
            if self.heading_from_paragraph() {
                return;
            }
            // The paragraph was link definitions only: the line is read afresh.
            paragraph = false;
        }
        if lexer::thematic_break(rest) {
            self.close_leaf();
            self.out.events.push(Event::Typed(rest.trim().to_owned()));
        } else if let Some(text) = lexer::atx_heading(rest) {
            self.close_leaf();
            self.out.events.push(Event::Heading(text.to_owned()));
        } else if let Some(fence) = lexer::fence(rest) {
            self.close_leaf();
            let typed = rest.trim().to_owned();
            self.leaf = Leaf::Fence { fence, indent, typed, code: String::new() };
        } else if let Some(end) = lexer::html_block(rest, paragraph) {
            self.close_leaf();
            let done = end.found_in(rest);
            self.leaf = Leaf::Html { end, typed: unindented.rest_with_tab() };
            if done {
                self.close_leaf();
            }
        } else if paragraph {
            self.append(rest);
        } else {
            self.close_leaf();
            self.leaf = Leaf::Paragraph(rest.to_owned());
        }
    }

    fn append(&mut self, line: &str) {
        if let Leaf::Paragraph(text) = &mut self.leaf {
            text.push('\n');
            text.push_str(line);
        }
    }

    /// Before the first container a line opens: ends what the line does
    /// not continue.
    fn start_container(&mut self, matched: usize, opened: &mut bool) {
        if !*opened {
            self.close_from(matched);
            self.close_leaf();
            *opened = true;
        }
    }

    fn push(&mut self, container: Container) {
        self.nested += 1;
        self.stack.push(container);
    }

    fn close_from(&mut self, keep: usize) {
        if self.stack.len() > keep {
            self.close_leaf();
        }
        while self.stack.len() > keep {
            if let Some(Container::Quote | Container::Item { .. }) = self.stack.pop() {
                self.nested = self.nested.saturating_sub(1);
            }
            self.out.events.push(Event::End);
        }
    }

    /// A list whose last item ended ends too, unless a sibling item follows.
    fn close_dangling_list(&mut self) {
        if let Some(Container::List(_)) = self.stack.last() {
            self.stack.pop();
            self.out.events.push(Event::End);
        }
    }

    /// A setext underline: the paragraph (what is left after its link
    /// definitions) becomes a heading; false when nothing is left.
    fn heading_from_paragraph(&mut self) -> bool {
        let Leaf::Paragraph(text) = std::mem::replace(&mut self.leaf, Leaf::None) else { return false };
        let rest = self.definitions(&text).trim_end();
        if rest.is_empty() {
            return false;
        }
        self.out.events.push(Event::Heading(rest.to_owned()));
        true
    }

    fn close_leaf(&mut self) {
        let event = match std::mem::replace(&mut self.leaf, Leaf::None) {
            Leaf::None => return,
            Leaf::Paragraph(text) => {
                let rest = self.definitions(&text).trim_end_matches([' ', '\t']);
                if rest.is_empty() {
                    return;
                }
                Event::Paragraph(rest.to_owned())
            }
            Leaf::Indented { code, .. } => Event::Code(code),
            // An empty fence would vanish, its info string with it.
            Leaf::Fence { typed, code, .. } if code.trim().is_empty() => Event::Typed(typed),
            Leaf::Fence { code, .. } => Event::Code(code),
            Leaf::Html { typed, .. } => Event::Typed(typed.trim_end().to_owned()),
        };
        self.out.events.push(event);
    }

    /// Takes the link definitions a paragraph starts with; the rest.
    fn definitions<'t>(&mut self, mut text: &'t str) -> &'t str {
        while let Some((label, dest, used)) = lexer::definition(text) {
            self.out.definitions.push((scan::normalize_label(label), dest));
            text = text.get(used..).unwrap_or_default();
        }
        text
    }
}

/// Whether a line that could continue a paragraph lazily starts a block.
fn starts_block(mut l: Line<'_>) -> bool {
    l.skip_indent();
    let rest = l.rest();
    lexer::thematic_break(rest)
        || lexer::atx_heading(rest).is_some()
        || lexer::fence(rest).is_some()
        || lexer::html_block(rest, true).is_some()
}
