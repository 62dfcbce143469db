//! A comment body as a small tree of view nodes.
//!
//! Bodies come as plain text, markdown (what readers type) or HTML (what
//! backends such as Isso store). Each becomes the same tree of [`Block`]s
//! and [`Inline`]s, which the view renders with text nodes and a few fixed
//! elements. Nothing here produces HTML, and no HTML sink exists in the
//! product: markup only chooses among those elements.
//!
//! What every reader guarantees, whatever the input:
//! - no panic, and time and memory linear in the input (every scanner stops
//!   where its construct must end, emphasis and brackets are resolved on
//!   stacks with bounded look-back; `tests/hostile.rs` runs the classic
//!   pathological inputs and 1 MB ones aimed at each scanner);
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
//!
//! Markdown is read by a compact reader of our own rather than a full
//! CommonMark library (pulldown-cmark cost about 45 KB of gzipped wasm, its
//! entity table alone 20 KB; every KB ships to every reader of every page).
//! It follows CommonMark for what commenters type: paragraphs, emphasis and
//! strong with the spec's delimiter rules, `~strike~`/`~~strike~~`, code
//! spans, fenced and indented code, nested quotes and lists, ATX and setext
//! headings, inline, reference and auto links, images, backslash escapes,
//! raw HTML (inline and blocks). It leaves out, knowingly:
//! - named character references beyond a short list: `&amp; &lt; &gt;
//!   &quot; &apos; &nbsp;`, typographic ones (`&hellip; &mdash; &ndash;`,
//!   curly quotes, `&laquo; &raquo; &bull; &middot;`) and a few signs
//!   (`&copy; &reg; &trade; &deg; &times; &euro; &pound; &larr; &rarr;`).
//!   Numeric ones (`&#123;`, `&#x1F600;`) all work. Any other name is shown
//!   as typed, as is any reference in stored HTML the table lacks;
//! - Unicode case folding of link labels (`[Ä]` does not match `[ä]`;
//!   ASCII letters do match case-insensitively);
//! - extensions CommonMark lacks (tables, footnotes, task lists, bare URLs):
//!   their text is shown as typed;
//! - inline processing instructions, declarations and CDATA (`<?…?>`,
//!   `<!X…>`, `<![CDATA[…]]>` inside a paragraph): they are text, so markdown
//!   inside them is read; as blocks they are recognised;
//! - nesting past [`MAX_DEPTH`] quotes and list items in the block reader:
//!   deeper `>` are read and dropped, deeper list markers are text.

mod builder;
mod entities;
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
