//! The embed loader says "Loading comments…" before the wasm (and these
//! strings) can arrive, so it carries its own copy of them: kept the same
//! as the widget's here.

use threadline_i18n::{t, Key, Lang};

const LOADER: &str = include_str!("../../../embed/threadline-embed.js");

#[test]
fn the_loaders_loading_line_says_what_the_widget_says() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Hy, "hy"), (Lang::Ru, "ru")] {
        let entry = format!("{tag}: '{}'", t(lang, Key::LoadingComments));
        assert!(LOADER.contains(&entry), "embed/threadline-embed.js should have {entry}");
    }
}
