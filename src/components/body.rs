//! Comment text drawn with DOM calls: each `threadline_markup` node becomes a
//! text node (`createTextNode`) or one fixed element, so nothing a commenter
//! writes is ever parsed by the browser as HTML. The recursion is bounded by
//! the markup crate's `MAX_DEPTH`.
//!
//! DOM calls, not the view macro: these parts never change in place (a new
//! revision draws them again), and a first screen of a hundred comments drawn
//! through typed views took twice as long (see `comment.rs`).

use leptos::prelude::*;
use threadline_core::BodyFormat;
use threadline_markup::{Block, Format, Inline};
use wasm_bindgen::intern;
use web_sys::{Document, Element, Node};

pub fn format_of(f: BodyFormat) -> Format {
    match f {
        BodyFormat::Text => Format::Text,
        BodyFormat::Markdown => Format::Markdown,
        BodyFormat::Html => Format::Html,
    }
}

/// Creates elements and text in the page's document.
#[derive(Clone)]
pub struct Dom(Document);

impl Dom {
    pub fn new() -> Option<Dom> {
        // Asked of the browser once per page, not twice per row.
        thread_local!(static DOCUMENT: Option<Document> = web_sys::window().and_then(|w| w.document()));
        DOCUMENT.with(|d| d.clone()).map(Dom)
    }

    /// A new element; `class` may be empty. Tag and class are a few fixed
    /// strings, handed to JS once each (interned), not decoded per element.
    pub fn el(&self, tag: &str, class: &str) -> Option<Element> {
        let el = self.0.create_element(intern(tag)).ok()?;
        if !class.is_empty() {
            el.set_class_name(intern(class));
        }
        Some(el)
    }

    /// A new element appended to `parent`.
    pub fn child(&self, parent: &Node, tag: &str, class: &str) -> Option<Element> {
        let el = self.el(tag, class)?;
        parent.append_child(&el).ok()?;
        Some(el)
    }

    /// A new element holding `text`, not yet in the page.
    pub fn text_el(&self, tag: &str, class: &str, text: &str) -> Option<Element> {
        let el = self.el(tag, class)?;
        el.set_text_content(Some(text));
        Some(el)
    }

    /// A new element holding `text`, appended to `parent`.
    pub fn text_child(&self, parent: &Node, tag: &str, class: &str, text: &str) -> Option<Element> {
        let el = self.text_el(tag, class, text)?;
        parent.append_child(&el).ok()?;
        Some(el)
    }

    /// Parts to be inserted together.
    pub fn fragment(&self) -> Option<web_sys::DocumentFragment> {
        Some(self.0.create_document_fragment())
    }

    pub fn text(&self, parent: &Node, text: &str) {
        let _ = parent.append_child(&self.0.create_text_node(text));
    }
}

/// The body in an element of the view macro: `use:fill_body=(text, format)`.
/// Run again on the same element when the text changes (a preview as it is
/// typed), so it starts from empty.
pub fn fill_body(el: Element, (text, format): (String, BodyFormat)) {
    el.set_text_content(None);
    if let Some(dom) = Dom::new() {
        draw_body(&dom, &el, &text, format);
    }
}

/// A preview of a draft (the forms' Preview).
#[component]
pub fn Body(text: String, format: BodyFormat) -> impl IntoView {
    view! { <div class="tl-body" use:fill_body=(text, format)></div> }
}

/// `text` parsed as `format`, appended to `parent`.
pub fn draw_body(dom: &Dom, parent: &Node, text: &str, format: BodyFormat) {
    for block in threadline_markup::parse(text, format_of(format)) {
        draw_block(dom, parent, block);
    }
}

fn draw_block(dom: &Dom, parent: &Node, block: Block) {
    match block {
        Block::Paragraph(inlines) => {
            let Some(p) = dom.child(parent, "p", "") else { return };
            match plain_lines(&inlines) {
                // Most comments are plain lines: one text node, its line breaks
                // kept by the paragraph's `white-space: pre-line`, rather than a
                // node per line and an element per break.
                Some(text) => p.set_text_content(Some(&text)),
                None => draw_inlines(dom, &p, inlines),
            }
        }
        Block::Quote(blocks) => {
            let Some(quote) = dom.child(parent, "blockquote", "") else { return };
            blocks.into_iter().for_each(|b| draw_block(dom, &quote, b));
        }
        Block::Code(code) => {
            if let Some(pre) = dom.child(parent, "pre", "") {
                // A long line scrolls sideways: from the keyboard too.
                fixed(&pre, "tabindex", "0");
                dom.text_child(&pre, "code", "", &code);
            }
        }
        Block::List { ordered, start, items } => {
            let Some(list) = dom.child(parent, if ordered { "ol" } else { "ul" }, "") else { return };
            if ordered {
                let _ = list.set_attribute("start", &start.to_string());
            }
            for item in items {
                if let Some(li) = dom.child(&list, "li", "") {
                    item.into_iter().for_each(|b| draw_block(dom, &li, b));
                }
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

fn draw_inlines(dom: &Dom, parent: &Node, inlines: Vec<Inline>) {
    for inline in inlines {
        let (tag, children) = match inline {
            Inline::Text(t) => {
                dom.text(parent, &t);
                continue;
            }
            Inline::Break => {
                dom.child(parent, "br", "");
                continue;
            }
            Inline::Code(c) => {
                dom.text_child(parent, "code", "", &c);
                continue;
            }
            Inline::Emphasis(c) => ("em", c),
            Inline::Strong(c) => ("strong", c),
            Inline::Strike(c) => ("del", c),
            // `href` passed safe_href (http, https, mailto only).
            Inline::Link { href, children } => {
                if let Some(a) = dom.child(parent, "a", "") {
                    external_link(&a, &href);
                    draw_inlines(dom, &a, children);
                }
                continue;
            }
        };
        if let Some(el) = dom.child(parent, tag, "") {
            draw_inlines(dom, &el, children);
        }
    }
}

/// Sets a fixed attribute (name and value interned, see `Dom::el`).
pub fn fixed(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(intern(name), intern(value));
}

/// A boolean attribute (`hidden`, `disabled`), touched only when it changes:
/// `was` is what the element has now (a new element has none), so a new row
/// does not remove, one JS call each, what it never had.
pub fn flag(el: &Element, name: &str, on: bool, was: &mut bool) {
    if on != *was {
        let _ = if on { el.set_attribute(intern(name), "") } else { el.remove_attribute(intern(name)) };
        *was = on;
    }
}

/// Someone else's site: no referrer weight, a new tab.
fn external_link(a: &Element, href: &str) {
    let _ = a.set_attribute(intern("href"), href);
    fixed(a, "rel", "nofollow ugc noopener");
    fixed(a, "target", "_blank");
}

/// An address a commenter gave for their site or picture, if it is http(s).
pub fn web_href(url: &str) -> Option<String> {
    threadline_markup::safe_href(url).filter(|h| !h.starts_with("mailto:"))
}

/// The author's name, linked to their website only when that is http(s);
/// not yet in the page.
pub fn author_el(dom: &Dom, name: &str, website: Option<&str>) -> Option<Element> {
    match website.and_then(web_href) {
        Some(href) => {
            let a = dom.text_el("a", "tl-author", name)?;
            external_link(&a, &href);
            Some(a)
        }
        None => dom.text_el("span", "tl-author", name),
    }
}
