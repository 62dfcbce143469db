//! Node builders the reader tests share, so expected trees read like the text.
#![allow(dead_code)]

use threadline_markup::{Block, Inline};

pub fn t(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

pub fn p(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

pub fn link(href: &str, text: &str) -> Inline {
    Inline::Link { href: href.to_owned(), children: vec![t(text)] }
}
