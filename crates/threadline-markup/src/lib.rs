//! A comment body as a small tree of view nodes.
//!
//! Bodies come as plain text, markdown (what readers type) or HTML (what
//! backends such as Isso store). Each becomes the same tree of [`Block`]s
//! and [`Inline`]s, which the view renders with text nodes and a few fixed
//! elements. Nothing here produces HTML, and no HTML sink exists in the
//! product: markup only chooses among those elements.
//!
//! What every reader guarantees, whatever the input:
//! - no panic, and time and memory linear in the input (pulldown-cmark was
//!   checked on the classic pathological inputs, see `tests/hostile.rs`);
//! - [`depth`] of the result at most [`MAX_DEPTH`]: deeper quotes, lists and
//!   emphasis are flattened into the innermost allowed level, so the view's
//!   recursive renderer stays shallow;
//! - every link's `href` has passed [`safe_href`] (http, https, mailto);
//!   links never nest;
//! - text a commenter wrote stays visible: unknown HTML tags lose only their
//!   tags, raw HTML in markdown is shown as typed, a refused link keeps its
//!   text, a link with no text shows its target.
//!
//! Choices the readers make:
//! - markdown: a single newline is a line break ([`Inline::Break`]), as in
//!   every comment box; headings become a bold paragraph; images load
//!   nothing and become a link to the image labelled with the alt text (or
//!   "image"), or only that label when the URL is refused; a thematic break
//!   and an empty fenced code block are shown as typed (a fence's info
//!   string is not shown otherwise); link definitions are syntax and show
//!   nothing, but input that renders no text at all (`-`, `>`, a lone link
//!   definition) is shown as plain text instead;
//! - HTML: whitespace collapses as in browsers; `h1`–`h6` are shown like
//!   markdown headings; other block-like tags (`div`, `table`, …) keep their
//!   text in a paragraph of its own; comments and doctypes are not text;
//!   `<img>` and other void tags show nothing; an unterminated tag or
//!   comment is text;
//! - [`to_plain_text`] gives link text, not targets.

mod builder;
mod href;
mod html;
mod markdown;
mod model;
mod plain;

pub use href::safe_href;
pub use html::html;
pub use markdown::markdown;
pub use model::{depth, Block, Format, Inline, MAX_DEPTH};
pub use plain::{text, to_plain_text};

/// A body in its format as view nodes.
pub fn parse(body: &str, format: Format) -> Vec<Block> {
    match format {
        Format::Text => text(body),
        Format::Markdown => markdown(body),
        Format::Html => html(body),
    }
}
