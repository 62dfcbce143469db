//! Markdown as commenters type it, read by a compact CommonMark reader of
//! our own (plus `~~strikethrough~~`; no tables, footnotes or other
//! extensions). pulldown-cmark did this before at about 45 KB of gzipped
//! wasm; this reader keeps its output for what comments contain (see the
//! crate documentation for what it leaves out) at a fraction of that.
//!
//! Two passes: `block` splits lines into quotes, lists, paragraphs and code
//! and collects link definitions; `inline` then reads each paragraph, once
//! every definition is known, straight into the builder.

mod block;
mod emphasis;
mod inline;
mod lexer;
mod refs;
mod scan;

use crate::builder::{Builder, Open};
use crate::model::Block;
use crate::plain;
use block::Event;

/// Alt text being collected: an image never loads anything, it becomes a
/// link to the image (or only its alt text when its URL is refused).
struct Image {
    href: Option<String>,
    alt: String,
    /// Links and images inside the alt text, not yet ended.
    nesting: usize,
}

pub fn markdown(src: &str) -> Vec<Block> {
    let blocks = block::parse(src);
    let refs = refs::Refs::new(blocks.definitions);
    let mut builder = Builder::new(false);
    // What the builder opened for each quote, list and item not yet ended.
    let mut open = Vec::new();
    for event in blocks.events {
        match event {
            Event::Quote => open.push(builder.open(Open::Quote)),
            Event::List { ordered, start } => open.push(builder.open(Open::List { ordered, start })),
            Event::Item => open.push(builder.open(Open::Item)),
            Event::End => builder.close(open.pop().flatten()),
            Event::Paragraph(text) => {
                let id = builder.open(Open::Paragraph);
                inline::write(&mut builder, &text, &refs);
                builder.close(id);
            }
            Event::Heading(text) => {
                let id = builder.open(Open::Paragraph);
                builder.open(Open::Strong);
                inline::write(&mut builder, &text, &refs);
                builder.close(id);
            }
            Event::Code(code) => {
                let id = builder.open(Open::CodeBlock);
                builder.text(&code);
                builder.close(id);
            }
            Event::Typed(typed) => write_lines(&mut builder, &typed),
        }
    }
    let blocks = builder.finish();
    // Pure syntax ("-", ">", "#", a lone link definition) renders nothing;
    // show what was typed rather than an empty comment.
    if !plain::has_visible_text(&blocks) && !src.trim().is_empty() {
        return plain::text(src);
    }
    blocks
}

fn write_image(builder: &mut Builder, image: Image) {
    let alt = image.alt.trim();
    let label = if alt.is_empty() { "image" } else { alt };
    let id = image.href.and_then(|href| builder.open(Open::Link(href)));
    builder.text(label);
    builder.close(id);
}

/// A paragraph of what was typed, line by line (raw HTML blocks, thematic
/// breaks, empty fences).
fn write_lines(builder: &mut Builder, typed: &str) {
    let id = builder.open(Open::Paragraph);
    for (i, line) in typed.trim_end_matches('\n').split('\n').enumerate() {
        if i > 0 {
            builder.line_break();
        }
        builder.text(line);
    }
    builder.close(id);
}
