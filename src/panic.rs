//! If the widget ever panics, the reader sees why and can reload instead of
//! facing a frozen thread. Drafts and unsent comments are already in
//! localStorage, so a reload loses nothing.

const NOTICE_ID: &str = "threadline-crashed";

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

pub fn show_notice() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let Some(body) = doc.body() else { return };
    let build = || -> Option<web_sys::Element> {
        let notice = doc.create_element("div").ok()?;
        notice.set_id(NOTICE_ID);
        notice.set_class_name("tl-crashed");
        notice.set_attribute("role", "alert").ok()?;
        let text = doc.create_element("p").ok()?;
        let lang = crate::i18n::page_lang();
        text.set_text_content(Some(threadline_i18n::t(lang, threadline_i18n::Key::Crashed)));
        // A plain link reloads without running any more of the crashed wasm.
        let button = doc.create_element("a").ok()?;
        button.set_text_content(Some(threadline_i18n::t(lang, threadline_i18n::Key::ReloadComments)));
        button.set_attribute("href", &web_sys::window()?.location().href().ok()?).ok()?;
        notice.append_child(&text).ok()?;
        notice.append_child(&button).ok()?;
        Some(notice)
    };
    if let Some(notice) = build() {
        let _ = body.prepend_with_node_1(&notice);
    }
}
