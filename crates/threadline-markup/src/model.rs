//! The view nodes a body becomes. The view renders each with a text node or
//! one fixed element; nothing here is ever handed to the browser as HTML.

use serde::{Deserialize, Serialize};

/// How a body is written (the same spelling as `BodyFormat` in the backend
/// descriptions, so a description's `body_format` deserializes into it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Quote(Vec<Block>),
    /// `start` is the first number of an ordered list (1 for unordered ones).
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    /// A code block, its text verbatim (no trailing newline).
    Code(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strike(Vec<Inline>),
    Code(String),
    /// `href` has passed [`crate::safe_href`]; links never nest.
    Link {
        href: String,
        children: Vec<Inline>,
    },
    Break,
}

/// The deepest a tree from this crate ever is, counted by [`depth`]. The
/// view renders blocks recursively; this bound is what keeps that recursion
/// small whatever a commenter types.
pub const MAX_DEPTH: usize = 24;

/// The number of nodes on the longest path from a top-level block down to a
/// leaf, both included: `[Paragraph([Text])]` is 2. A list counts once; its
/// items are not nodes.
pub fn depth(blocks: &[Block]) -> usize {
    blocks.iter().map(block_depth).max().unwrap_or(0)
}

fn block_depth(block: &Block) -> usize {
    1 + match block {
        Block::Paragraph(inlines) => inlines_depth(inlines),
        Block::Quote(blocks) => depth(blocks),
        Block::List { items, .. } => items.iter().map(|item| depth(item)).max().unwrap_or(0),
        Block::Code(_) => 0,
    }
}

fn inlines_depth(inlines: &[Inline]) -> usize {
    inlines.iter().map(inline_depth).max().unwrap_or(0)
}

fn inline_depth(inline: &Inline) -> usize {
    1 + match inline {
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Link { children: c, .. } => {
            inlines_depth(c)
        }
        Inline::Text(_) | Inline::Code(_) | Inline::Break => 0,
    }
}
