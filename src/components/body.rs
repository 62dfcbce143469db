//! A comment body drawn from `threadline_markup` nodes: each node becomes a
//! text node or one fixed element, so nothing a commenter writes is ever
//! parsed by the browser as HTML. The recursion is bounded by the markup
//! crate's `MAX_DEPTH`.

use leptos::prelude::*;
use threadline_core::BodyFormat;
use threadline_markup::{Block, Format, Inline};

pub fn format_of(f: BodyFormat) -> Format {
    match f {
        BodyFormat::Text => Format::Text,
        BodyFormat::Markdown => Format::Markdown,
        BodyFormat::Html => Format::Html,
    }
}

#[component]
pub fn Body(text: String, format: BodyFormat) -> impl IntoView {
    let blocks = threadline_markup::parse(&text, format_of(format));
    view! { <div class="tl-body">{blocks_view(blocks)}</div> }
}

fn blocks_view(blocks: Vec<Block>) -> AnyView {
    blocks.into_iter().map(block_view).collect_view().into_any()
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph(inlines) => match plain_lines(&inlines) {
            // Most comments are plain lines: one text node, its line breaks
            // kept by the paragraph's `white-space: pre-line`, rather than a
            // node per line and an element per break (a big thread draws
            // hundreds of bodies at once).
            Some(text) => view! { <p>{text}</p> }.into_any(),
            None => view! { <p>{inlines_view(inlines)}</p> }.into_any(),
        },
        Block::Quote(blocks) => view! { <blockquote>{blocks_view(blocks)}</blockquote> }.into_any(),
        Block::Code(code) => view! { <pre><code>{code}</code></pre> }.into_any(),
        Block::List { ordered, start, items } => {
            let items = items.into_iter().map(|item| view! { <li>{blocks_view(item)}</li> }).collect_view();
            if ordered {
                view! { <ol start=start.to_string()>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
    }
}

/// The paragraph as one string when it is only text and line breaks.
fn plain_lines(inlines: &[Inline]) -> Option<String> {
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => text.push_str(t),
            Inline::Break => text.push('\n'),
            _ => return None,
        }
    }
    Some(text)
}

fn inlines_view(inlines: Vec<Inline>) -> AnyView {
    inlines.into_iter().map(inline_view).collect_view().into_any()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(t) => t.into_any(),
        Inline::Break => view! { <br /> }.into_any(),
        Inline::Code(c) => view! { <code>{c}</code> }.into_any(),
        Inline::Emphasis(c) => view! { <em>{inlines_view(c)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines_view(c)}</strong> }.into_any(),
        Inline::Strike(c) => view! { <del>{inlines_view(c)}</del> }.into_any(),
        // `href` passed safe_href (http, https, mailto only).
        Inline::Link { href, children } => view! {
            <a href=href rel="nofollow ugc noopener" target="_blank">{inlines_view(children)}</a>
        }
        .into_any(),
    }
}

/// The author's name, linked to their website only when that is http(s).
pub fn author_view(name: String, website: Option<String>) -> AnyView {
    match website.as_deref().and_then(threadline_markup::safe_href).filter(|h| !h.starts_with("mailto:")) {
        Some(href) => view! {
            <a class="tl-author" href=href rel="nofollow ugc noopener" target="_blank">{name}</a>
        }
        .into_any(),
        None => view! { <span class="tl-author">{name}</span> }.into_any(),
    }
}
