//! Stored HTML (what Isso and similar backends keep) read through an
//! allow-list. Allowed elements become view nodes; every other tag is
//! dropped but its text is kept, including the content of `script` and
//! `style`, which is shown as text: a commenter's words are never lost and
//! nothing is ever executed or loaded.

mod tokenizer;

use crate::builder::{Builder, FrameId, Open};
use crate::href::safe_href;
use crate::model::Block;
use tokenizer::{Token, Tokenizer};

/// Open elements remembered for matching end tags: the allowed ones the
/// builder opened, and (up to this many) the ones it refused, so that their
/// end tags close nothing else.
const MAX_REMEMBERED: usize = 256;

/// Tags that start a block of their own in browsers but are not allowed:
/// their text becomes a paragraph of its own rather than running into the
/// text around it.
const BLOCK_LIKE: &[&str] = &[
    "address",
    "article",
    "aside",
    "center",
    "details",
    "dialog",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hr",
    "legend",
    "main",
    "nav",
    "section",
    "summary",
    "table",
    "tr",
    "caption",
    "thead",
    "tbody",
    "tfoot",
];

/// An element whose end tag may come: `frame` is what the builder opened
/// for it (`None` when refused), `anchor` the frame it lives in, so that it
/// is forgotten once that frame is closed.
struct Element {
    name: String,
    frame: Option<FrameId>,
    anchor: Option<FrameId>,
}

pub fn html(src: &str) -> Vec<Block> {
    let mut builder = Builder::new(true);
    let mut open: Vec<Element> = Vec::new();
    for token in Tokenizer::new(src) {
        match token {
            Token::Text(text) => builder.text(&text),
            Token::Start { name, href, start } => {
                if name == "br" {
                    builder.line_break();
                } else if let Some(what) = allowed(&name, href, start) {
                    let frame = open_element(&mut builder, &name, what);
                    forget_closed(&builder, &mut open);
                    if frame.is_some() || open.len() < MAX_REMEMBERED {
                        let anchor = frame.or_else(|| builder.top());
                        open.push(Element { name, frame, anchor });
                    }
                } else {
                    separate(&mut builder, &name);
                    forget_closed(&builder, &mut open);
                }
            }
            Token::End { name } => {
                if name == "br" {
                    // Browsers read a stray </br> as <br>.
                    builder.line_break();
                } else if let Some(at) = open.iter().rposition(|e| e.name == name) {
                    builder.close(open.get(at).and_then(|e| e.frame));
                    open.truncate(at);
                } else {
                    separate(&mut builder, &name);
                }
                forget_closed(&builder, &mut open);
            }
        }
    }
    builder.finish()
}

/// Forgets elements the builder has closed on its own (a block closes the
/// paragraph and inline elements it interrupts, an `li` the one before it),
/// so that their end tags match nothing. Called after every builder call
/// that may close frames: anchors then never decrease along `open` and the
/// builder closes only its innermost frames, so the closed ones are a suffix.
fn forget_closed(builder: &Builder, open: &mut Vec<Element>) {
    while open.last().is_some_and(|e| e.anchor.is_some_and(|id| !builder.is_open(id))) {
        open.pop();
    }
}

/// What an allowed element opens; `None` for every other tag.
fn allowed(name: &str, href: Option<String>, start: Option<String>) -> Option<Option<Open>> {
    let open = match name {
        "p" => Open::Paragraph,
        "blockquote" => Open::Quote,
        "ul" => Open::List { ordered: false, start: 1 },
        "ol" => Open::List { ordered: true, start: start.and_then(|s| s.trim().parse().ok()).unwrap_or(1) },
        "li" => Open::Item,
        "pre" => Open::CodeBlock,
        "code" => Open::CodeSpan,
        "em" | "i" => Open::Emphasis,
        "strong" | "b" => Open::Strong,
        "del" | "s" => Open::Strike,
        // Shown like markdown headings: a paragraph in bold.
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Open::Paragraph,
        // Remembered even when its href is refused, so its </a> closes nothing else.
        "a" => return Some(href.as_deref().and_then(safe_href).map(Open::Link)),
        _ => return None,
    };
    Some(Some(open))
}

fn open_element(builder: &mut Builder, name: &str, what: Option<Open>) -> Option<FrameId> {
    let id = builder.open(what?);
    if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        builder.open(Open::Strong);
    }
    id
}

/// Keeps the text of disallowed block-like elements apart from its
/// neighbours, and table cells a space apart.
fn separate(builder: &mut Builder, name: &str) {
    if BLOCK_LIKE.contains(&name) {
        builder.end_paragraph();
    } else if name == "td" || name == "th" {
        builder.text(" ");
    }
}
