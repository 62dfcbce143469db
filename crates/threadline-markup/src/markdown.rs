//! Markdown as readers type it, read by pulldown-cmark (CommonMark plus
//! `~~strikethrough~~`; no tables, footnotes or other extensions).

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::builder::{Builder, FrameId, Open};
use crate::href::safe_href;
use crate::model::Block;
use crate::plain;

/// Alt text being collected: an image never loads anything, it becomes a
/// link to the image (or only its alt text when its URL is refused).
struct Image {
    href: Option<String>,
    alt: String,
    nesting: usize,
}

pub fn markdown(src: &str) -> Vec<Block> {
    let mut builder = Builder::new(false);
    // One entry per Start event not yet ended: what the builder opened for it.
    let mut open: Vec<Option<FrameId>> = Vec::new();
    let mut image: Option<Image> = None;
    let mut html_block: Option<String> = None;
    // Where the open code block was typed, while it has no content yet.
    let mut empty_code: Option<std::ops::Range<usize>> = None;
    for (event, range) in Parser::new_ext(src, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        if let Some(img) = image.as_mut() {
            match event {
                Event::Start(_) => img.nesting += 1,
                Event::End(_) if img.nesting > 0 => img.nesting -= 1,
                Event::End(_) => {
                    if let Some(done) = image.take() {
                        write_image(&mut builder, done);
                    }
                }
                Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => img.alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => img.alt.push(' '),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Image { link_type, dest_url, .. }) => {
                image = Some(Image { href: link_href(link_type, &dest_url), alt: String::new(), nesting: 0 });
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                empty_code = Some(range);
                let id = start(&mut builder, Tag::CodeBlock(kind));
                open.push(id);
            }
            Event::End(TagEnd::CodeBlock) => {
                builder.close(open.pop().flatten());
                // An empty fenced block would vanish, and its info string with it.
                if let Some(typed) = empty_code.take().and_then(|r| src.get(r)) {
                    write_lines(&mut builder, typed);
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                html_block = Some(String::new());
                open.push(None);
            }
            Event::Start(tag) => {
                let id = start(&mut builder, tag);
                open.push(id);
            }
            Event::End(TagEnd::HtmlBlock) => {
                open.pop();
                if let Some(html) = html_block.take() {
                    write_lines(&mut builder, &html);
                }
            }
            Event::End(_) => builder.close(open.pop().flatten()),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if !t.is_empty() {
                    empty_code = None;
                }
                match html_block.as_mut() {
                    Some(html) => html.push_str(&t),
                    // Inline HTML is shown as typed.
                    None => builder.text(&t),
                }
            }
            Event::Code(t) => builder.inline_code(&t),
            // Readers expect a newline in a comment to be one.
            Event::SoftBreak | Event::HardBreak => builder.line_break(),
            // A thematic break (`---`, `***`) is shown as typed.
            Event::Rule => {
                let id = builder.open(Open::Paragraph);
                builder.text(src.get(range).unwrap_or("---").trim());
                builder.close(id);
            }
            Event::TaskListMarker(done) => builder.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(t) | Event::InlineMath(t) | Event::DisplayMath(t) => builder.text(&t),
        }
    }
    if let Some(done) = image.take() {
        write_image(&mut builder, done);
    }
    let blocks = builder.finish();
    // Pure syntax ("-", ">", "#", a lone link definition) renders nothing;
    // show what was typed rather than an empty comment.
    if !plain::has_visible_text(&blocks) && !src.trim().is_empty() {
        return plain::text(src);
    }
    blocks
}

fn start(builder: &mut Builder, tag: Tag<'_>) -> Option<FrameId> {
    match tag {
        Tag::Paragraph => builder.open(Open::Paragraph),
        Tag::Heading { .. } => {
            let id = builder.open(Open::Paragraph);
            builder.open(Open::Strong);
            id
        }
        Tag::BlockQuote(_) => builder.open(Open::Quote),
        Tag::CodeBlock(_) => builder.open(Open::CodeBlock),
        Tag::List(first) => builder.open(Open::List { ordered: first.is_some(), start: first.unwrap_or(1) }),
        Tag::Item => builder.open(Open::Item),
        Tag::Emphasis => builder.open(Open::Emphasis),
        Tag::Strong => builder.open(Open::Strong),
        Tag::Strikethrough => builder.open(Open::Strike),
        // A refused href leaves the link's text as plain text.
        Tag::Link { link_type, dest_url, .. } => {
            link_href(link_type, &dest_url).and_then(|h| builder.open(Open::Link(h)))
        }
        // Extensions that are not enabled; their content, if any, stays text.
        _ => None,
    }
}

fn link_href(link_type: LinkType, dest: &str) -> Option<String> {
    match link_type {
        LinkType::Email => safe_href(&format!("mailto:{dest}")),
        _ => safe_href(dest),
    }
}

fn write_image(builder: &mut Builder, image: Image) {
    let alt = image.alt.trim();
    let label = if alt.is_empty() { "image" } else { alt };
    let id = image.href.and_then(|href| builder.open(Open::Link(href)));
    builder.text(label);
    builder.close(id);
}

/// A paragraph of what was typed, line by line (raw HTML blocks).
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
