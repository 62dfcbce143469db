//! Builds the tree from a stream of opens, closes and text, for both the
//! markdown and the HTML reader. This is where the depth bound is kept: an
//! open that would let the tree grow past [`MAX_DEPTH`] is refused and its
//! content lands in the innermost level that was allowed, so nothing typed is
//! dropped. It also repairs what HTML leaves broken (inline content outside a
//! paragraph, a block inside a link, a `li` outside a list).

use crate::model::{Block, Inline, MAX_DEPTH};
use crate::plain;

/// What a reader asks to open.
pub(crate) enum Open {
    Quote,
    List { ordered: bool, start: u64 },
    Item,
    Paragraph,
    CodeBlock,
    Emphasis,
    Strong,
    Strike,
    Link(String),
    CodeSpan,
}

/// Names an open frame so that a reader can close it even after the builder
/// has closed it implicitly (then closing it again does nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FrameId(u64);

enum Frame {
    Quote(Vec<Block>),
    /// Items are not nodes of their own; only the list counts for depth.
    Item(Vec<Block>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Paragraph(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strike(Vec<Inline>),
    Link(String, Vec<Inline>),
    CodeBlock(String),
    CodeSpan(String),
}

impl Frame {
    fn weight(&self) -> usize {
        usize::from(!matches!(self, Frame::Item(_)))
    }

    fn is_block_container(&self) -> bool {
        matches!(self, Frame::Quote(_) | Frame::Item(_))
    }

    fn is_verbatim(&self) -> bool {
        matches!(self, Frame::CodeBlock(_) | Frame::CodeSpan(_))
    }
}

pub(crate) struct Builder {
    root: Vec<Block>,
    stack: Vec<(FrameId, Frame)>,
    depth: usize,
    next_id: u64,
    /// HTML mode: runs of whitespace outside code are one space, and
    /// whitespace at the start and end of a paragraph is not shown.
    collapse: bool,
    /// In HTML mode, whether the text so far ends a line or a space, so the
    /// next text's leading whitespace is dropped.
    after_space: bool,
}

impl Builder {
    pub(crate) fn new(collapse_whitespace: bool) -> Self {
        Builder {
            root: Vec::new(),
            stack: Vec::new(),
            depth: 0,
            next_id: 0,
            collapse: collapse_whitespace,
            after_space: true,
        }
    }

    pub(crate) fn open(&mut self, what: Open) -> Option<FrameId> {
        match what {
            Open::Quote => self.open_block(Frame::Quote(Vec::new())),
            Open::List { ordered, start } => self.open_block(Frame::List { ordered, start, items: Vec::new() }),
            Open::Paragraph => self.open_block(Frame::Paragraph(Vec::new())),
            Open::CodeBlock => self.open_block(Frame::CodeBlock(String::new())),
            Open::Item => self.open_item(),
            Open::Emphasis => self.open_inline(Frame::Emphasis(Vec::new())),
            Open::Strong => self.open_inline(Frame::Strong(Vec::new())),
            Open::Strike => self.open_inline(Frame::Strike(Vec::new())),
            Open::Link(href) => {
                if self.stack.iter().any(|(_, f)| matches!(f, Frame::Link(..))) {
                    return None;
                }
                self.open_inline(Frame::Link(href, Vec::new()))
            }
            Open::CodeSpan => self.open_inline(Frame::CodeSpan(String::new())),
        }
    }

    /// Closes the frame and everything opened inside it; nothing when it is
    /// already closed or was refused.
    pub(crate) fn close(&mut self, id: Option<FrameId>) {
        let Some(id) = id else { return };
        if let Some(pos) = self.stack.iter().rposition(|(i, _)| *i == id) {
            while self.stack.len() > pos {
                self.pop();
            }
        }
    }

    /// Ids only grow and frames leave from the top, so the stack is sorted.
    pub(crate) fn is_open(&self, id: FrameId) -> bool {
        self.stack.binary_search_by_key(&id.0, |(i, _)| i.0).is_ok()
    }

    /// The innermost open frame.
    pub(crate) fn top(&self) -> Option<FrameId> {
        self.stack.last().map(|(id, _)| *id)
    }

    /// Ends the paragraph (and any inline frames) being written, if any.
    pub(crate) fn end_paragraph(&mut self) {
        self.close_to_block_level();
        self.after_space = true;
    }

    pub(crate) fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some((_, Frame::CodeBlock(code) | Frame::CodeSpan(code))) = self.stack.last_mut() {
            if self.collapse && code.is_empty() {
                // A newline right after <pre> is not content, as in browsers.
                code.push_str(s.strip_prefix('\n').unwrap_or(s));
            } else {
                code.push_str(s);
            }
            return;
        }
        if !self.collapse {
            self.push_inline(Inline::Text(s.to_owned()));
            return;
        }
        if !self.in_inline_context() {
            // Whitespace between blocks shows nothing; text there starts a paragraph.
            self.after_space = true;
        }
        let collapsed = collapse_whitespace(s);
        let shown = if self.after_space { collapsed.trim_start_matches(' ') } else { &collapsed };
        if shown.is_empty() {
            return;
        }
        self.after_space = shown.ends_with(' ');
        self.push_inline(Inline::Text(shown.to_owned()));
    }

    pub(crate) fn inline_code(&mut self, s: &str) {
        if let Some((_, Frame::CodeBlock(code) | Frame::CodeSpan(code))) = self.stack.last_mut() {
            code.push_str(s);
            return;
        }
        self.after_space = false;
        self.push_inline(Inline::Code(s.to_owned()));
    }

    pub(crate) fn line_break(&mut self) {
        if let Some((_, Frame::CodeBlock(code) | Frame::CodeSpan(code))) = self.stack.last_mut() {
            code.push('\n');
            return;
        }
        self.after_space = true;
        self.push_inline(Inline::Break);
    }

    pub(crate) fn finish(mut self) -> Vec<Block> {
        while !self.stack.is_empty() {
            self.pop();
        }
        self.root
    }

    fn push(&mut self, frame: Frame) -> FrameId {
        let id = FrameId(self.next_id);
        self.next_id += 1;
        self.depth += frame.weight();
        self.stack.push((id, frame));
        id
    }

    /// Closes paragraphs, code and inline frames until a block may be opened.
    fn close_to_block_level(&mut self) {
        while let Some((_, top)) = self.stack.last() {
            if top.is_block_container() || matches!(top, Frame::List { .. }) {
                return;
            }
            self.pop();
        }
    }

    fn open_block(&mut self, frame: Frame) -> Option<FrameId> {
        self.close_to_block_level();
        if matches!(self.stack.last(), Some((_, Frame::List { .. }))) {
            self.push(Frame::Item(Vec::new()));
        }
        // Room for the block, a paragraph inside it and that paragraph's text.
        let needs = match frame {
            Frame::Quote(_) | Frame::List { .. } => 3,
            _ => 1,
        };
        if self.depth + needs > MAX_DEPTH {
            return None;
        }
        self.after_space = true;
        Some(self.push(frame))
    }

    /// A new item ends the one before it; an item outside any list is shown
    /// as a paragraph.
    fn open_item(&mut self) -> Option<FrameId> {
        let list_at = self.stack.iter().rposition(|(_, f)| matches!(f, Frame::List { .. } | Frame::Quote(_)));
        match list_at.and_then(|pos| self.stack.get(pos).map(|(_, f)| (pos, f))) {
            Some((pos, Frame::List { .. })) => {
                while self.stack.len() > pos + 1 {
                    self.pop();
                }
                self.after_space = true;
                Some(self.push(Frame::Item(Vec::new())))
            }
            _ => self.open_block(Frame::Paragraph(Vec::new())),
        }
    }

    fn open_inline(&mut self, frame: Frame) -> Option<FrameId> {
        if self.stack.last().is_some_and(|(_, f)| f.is_verbatim()) {
            return None;
        }
        self.ensure_inline_context();
        // Room for the frame and one leaf inside it.
        if self.depth + 2 > MAX_DEPTH {
            return None;
        }
        Some(self.push(frame))
    }

    fn in_inline_context(&self) -> bool {
        self.stack.last().is_some_and(|(_, f)| !f.is_block_container() && !matches!(f, Frame::List { .. }))
    }

    fn ensure_inline_context(&mut self) {
        match self.stack.last() {
            None => {}
            Some((_, f)) if f.is_block_container() => {}
            Some((_, Frame::List { .. })) => {
                self.push(Frame::Item(Vec::new()));
            }
            Some(_) => return,
        }
        self.push(Frame::Paragraph(Vec::new()));
    }

    fn push_inline(&mut self, inline: Inline) {
        self.ensure_inline_context();
        match self.stack.last_mut() {
            Some((_, Frame::Paragraph(v) | Frame::Emphasis(v) | Frame::Strong(v) | Frame::Strike(v)))
            | Some((_, Frame::Link(_, v))) => match (v.last_mut(), inline) {
                // One text node per run of text, however many events it came in.
                (Some(Inline::Text(last)), Inline::Text(more)) => last.push_str(&more),
                (_, inline) => v.push(inline),
            },
            Some((_, Frame::CodeBlock(code) | Frame::CodeSpan(code))) => code.push_str(&plain::inline_text(&inline)),
            _ => self.root.push(Block::Paragraph(vec![inline])),
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.stack.last_mut() {
            None => self.root.push(block),
            Some((_, Frame::Quote(v) | Frame::Item(v))) => v.push(block),
            Some((_, Frame::List { items, .. })) => items.push(vec![block]),
            Some((_, _)) => {
                let text = plain::to_plain_text(std::slice::from_ref(&block));
                self.push_inline(Inline::Text(text));
            }
        }
    }

    fn pop(&mut self) {
        let Some((_, frame)) = self.stack.pop() else { return };
        self.depth = self.depth.saturating_sub(frame.weight());
        match frame {
            Frame::Quote(blocks) if blocks.is_empty() => {}
            Frame::Quote(blocks) => self.push_block(Block::Quote(blocks)),
            Frame::List { items, .. } if items.is_empty() => {}
            Frame::List { ordered, start, items } => self.push_block(Block::List { ordered, start, items }),
            Frame::Item(blocks) => match self.stack.last_mut() {
                Some((_, Frame::List { items, .. })) => items.push(blocks),
                _ => blocks.into_iter().for_each(|b| self.push_block(b)),
            },
            Frame::Paragraph(mut inlines) => {
                trim_paragraph_end(&mut inlines, self.collapse);
                if !inlines.is_empty() {
                    self.push_block(Block::Paragraph(inlines));
                }
            }
            Frame::CodeBlock(mut code) => {
                if code.ends_with('\n') {
                    code.pop();
                }
                if !code.is_empty() {
                    self.push_block(Block::Code(code));
                }
            }
            Frame::Emphasis(v) => self.push_nonempty(Inline::Emphasis(v)),
            Frame::Strong(v) => self.push_nonempty(Inline::Strong(v)),
            Frame::Strike(v) => self.push_nonempty(Inline::Strike(v)),
            Frame::Link(href, mut children) => {
                // A link with nothing to click on would be invisible: show where it goes.
                if plain::inlines_text(&children).trim().is_empty() {
                    children = vec![Inline::Text(href.clone())];
                }
                self.after_space = false;
                self.push_inline(Inline::Link { href, children });
            }
            Frame::CodeSpan(code) if code.is_empty() => {}
            Frame::CodeSpan(code) => {
                self.after_space = false;
                self.push_inline(Inline::Code(code));
            }
        }
    }

    fn push_nonempty(&mut self, inline: Inline) {
        let empty = matches!(&inline, Inline::Emphasis(v) | Inline::Strong(v) | Inline::Strike(v) if v.is_empty());
        if !empty {
            self.push_inline(inline);
        }
    }
}

fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Trailing line breaks (and, for HTML, trailing spaces) show nothing.
fn trim_paragraph_end(inlines: &mut Vec<Inline>, collapse: bool) {
    loop {
        match inlines.last_mut() {
            Some(Inline::Break) => {
                inlines.pop();
            }
            Some(Inline::Text(t)) if collapse => {
                let kept = t.trim_end_matches(' ').len();
                if kept == 0 {
                    inlines.pop();
                } else {
                    t.truncate(kept);
                    return;
                }
            }
            _ => return,
        }
    }
}
