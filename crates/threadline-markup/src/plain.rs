//! Plain text in both directions: bodies written as text, and the visible
//! text of a tree (for previews, aria labels and the policy check).

use crate::model::{Block, Inline};

/// A body written as plain text: paragraphs are separated by blank lines,
/// and each single newline inside one is a line break. Lines are kept as
/// typed (the view shows them with `white-space: pre-wrap` if it wants
/// indentation kept).
pub fn text(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<Inline> = Vec::new();
    for line in lines(src) {
        if line.trim().is_empty() {
            if !paragraph.is_empty() {
                blocks.push(Block::Paragraph(std::mem::take(&mut paragraph)));
            }
            continue;
        }
        if !paragraph.is_empty() {
            paragraph.push(Inline::Break);
        }
        paragraph.push(Inline::Text(line.to_owned()));
    }
    if !paragraph.is_empty() {
        blocks.push(Block::Paragraph(paragraph));
    }
    blocks
}

/// Lines ended by `\n`, `\r\n` or `\r`. Split on characters rather than
/// by replacing `"\r\n"`: core's substring search, with the panic messages
/// it brings, costs more wasm than this whole function.
pub(crate) fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.split('\n').flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r'))
}

/// What a reader sees, without formatting: link text (not the target), code
/// as written, a newline for each line break and between list items, and a
/// blank line between blocks.
pub fn to_plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    write_blocks(blocks, "\n\n", &mut out);
    out
}

fn write_blocks(blocks: &[Block], separator: &str, out: &mut String) {
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        match block {
            Block::Paragraph(inlines) => write_inlines(inlines, out),
            Block::Quote(inner) => write_blocks(inner, "\n\n", out),
            Block::List { items, .. } => {
                for (j, item) in items.iter().enumerate() {
                    if j > 0 {
                        out.push('\n');
                    }
                    write_blocks(item, "\n", out);
                }
            }
            Block::Code(code) => out.push_str(code),
        }
    }
}

fn write_inlines(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        write_inline(inline, out);
    }
}

fn write_inline(inline: &Inline, out: &mut String) {
    match inline {
        Inline::Text(t) | Inline::Code(t) => out.push_str(t),
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Link { children: c, .. } => {
            write_inlines(c, out)
        }
        Inline::Break => out.push('\n'),
    }
}

pub(crate) fn inline_text(inline: &Inline) -> String {
    let mut out = String::new();
    write_inline(inline, &mut out);
    out
}

pub(crate) fn inlines_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    write_inlines(inlines, &mut out);
    out
}

/// Whether any text at all would be shown, without building it.
pub(crate) fn has_visible_text(blocks: &[Block]) -> bool {
    blocks.iter().any(|block| match block {
        Block::Paragraph(inlines) => inlines.iter().any(inline_has_text),
        Block::Quote(inner) => has_visible_text(inner),
        Block::List { items, .. } => items.iter().any(|item| has_visible_text(item)),
        Block::Code(code) => !code.trim().is_empty(),
    })
}

fn inline_has_text(inline: &Inline) -> bool {
    match inline {
        Inline::Text(t) | Inline::Code(t) => !t.trim().is_empty(),
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Link { children: c, .. } => {
            c.iter().any(inline_has_text)
        }
        Inline::Break => false,
    }
}
