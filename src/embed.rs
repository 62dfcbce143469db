//! Threadline on someone else's page: `mount(element, config)` from
//! JavaScript (the `<threadline-thread>` custom element in
//! `embed/threadline-embed.js` calls it). The widget renders into a shadow
//! root on the element, so the host's CSS (resets, `* {}`, fonts) cannot
//! reach it and its CSS cannot reach the host; it themes through CSS custom
//! properties, which do cross the shadow boundary. `unmount()` removes
//! everything it added, timers and listeners included.

use crate::backend::{describe, HttpBackend, LocalBackend};
use crate::components::ThreadView;
use crate::i18n::Lang;
use crate::state::ThreadState;
use leptos::prelude::*;
use std::rc::Rc;
use threadline_core::fields::read_object;
use threadline_core::{Backend, Window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What a site owner passes to `mount` (or writes as attributes). Every
/// field may be left out; one not listed here is refused (likely misspelt).
#[derive(Default)]
pub struct EmbedConfig {
    /// The page's thread id (usually its path).
    pub thread: String,
    /// A preset name (`threadline`, `json-server`, `isso`, `remark42`) …
    pub preset: Option<String>,
    /// … or a whole backend description (JSON object).
    pub description: Option<serde_json::Value>,
    /// Substituted for `{base}` in the backend's URLs.
    pub base: Option<String>,
    /// `local`: keep comments in this browser only (demos, tests).
    pub backend: Option<String>,
    pub lang: Option<String>,
    /// `light`, `dark`, or (default) follow the reader's system setting.
    pub theme: Option<String>,
    /// The site's discussion policy, shown above the thread.
    pub policy_title: Option<String>,
    pub policy_text: Option<String>,
    /// URL of threadline.css, for the shadow root.
    pub stylesheet: Option<String>,
    /// URL of threadline-policy.wasm, the policy check fetched when a reader
    /// starts to write (the loader passes the copy beside it).
    pub policy_module: Option<String>,
    /// `false`: render into the element itself, with prefixed classes only
    /// (kept to measure what the shadow root protects against; see the README).
    pub shadow: Option<bool>,
    pub poll_ms: Option<u32>,
    pub top: Option<usize>,
    pub replies: Option<usize>,
    pub depth: Option<usize>,
}

/// Read by field lookups, not serde's derive (`threadline_core::fields`).
fn read_config(json: &str) -> Result<EmbedConfig, String> {
    read_object(json, "the configuration", |mut o| {
        let config = EmbedConfig {
            thread: o.string("thread").unwrap_or_default(),
            preset: o.string("preset"),
            description: o.any("description"),
            base: o.string("base"),
            backend: o.string("backend"),
            lang: o.string("lang"),
            theme: o.string("theme"),
            policy_title: o.string("policy_title"),
            policy_text: o.string("policy_text"),
            stylesheet: o.string("stylesheet"),
            policy_module: o.string("policy_module"),
            shadow: o.opt_flag("shadow"),
            poll_ms: o.number("poll_ms"),
            top: o.size("top"),
            replies: o.size("replies"),
            depth: o.size("depth"),
        };
        o.done();
        config
    })
}

/// A widget: what unmounts its view, its container, and the element it is in.
type Mounted =
    (leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>, web_sys::Element, web_sys::Element);

thread_local! {
    /// Mounted widgets by handle id. The JS handle only names one: if a page
    /// drops (and the garbage collector frees) the handle, the widget stays
    /// until `unmount()` or the element's removal, as a page would expect.
    /// A few at most, so a list (a `HashMap` was its own copy of table code).
    static MOUNTED: std::cell::RefCell<Vec<(u32, Mounted)>> = Default::default();
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

#[wasm_bindgen]
pub struct MountHandle {
    id: u32,
    host: web_sys::Element,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the widget: its DOM, its timers and its listeners. Safe to call twice.
    pub fn unmount(&self) {
        let Some(widget) = MOUNTED.with(|m| take(&mut m.borrow_mut(), |(id, _)| *id == self.id)) else { return };
        remove(widget);
        let _ = self.host.remove_attribute("data-threadline");
    }
}

fn take(mounted: &mut Vec<(u32, Mounted)>, which: impl Fn(&(u32, Mounted)) -> bool) -> Option<Mounted> {
    let at = mounted.iter().position(which)?;
    Some(mounted.swap_remove(at).1)
}

/// Its view (effects, timers, listeners) first, then its DOM. Called outside
/// MOUNTED's borrow: a view's clean-up may reach MOUNTED again.
fn remove((handle, container, _): Mounted) {
    drop(handle);
    container.remove();
}

/// Removes whatever widget `host` holds already: a page that mounts into the
/// same element again (re-rendering, say) gets one widget, not two. That
/// earlier widget's handle then finds nothing to unmount.
/// Whether at most one widget is on the page: with several, a permalink may
/// be another one's, so none can say it points nowhere.
pub fn alone() -> bool {
    MOUNTED.with(|m| m.borrow().len() <= 1)
}

fn replace_in(host: &web_sys::Element) {
    // At most one: every mount replaces.
    if let Some(earlier) = MOUNTED.with(|m| take(&mut m.borrow_mut(), |(_, (_, _, h))| h == host)) {
        remove(earlier);
    }
}

fn backend_for(config: &EmbedConfig, lang: Lang) -> Result<(Rc<dyn Backend>, u32), String> {
    if config.backend.as_deref() == Some("local") {
        return Ok((Rc::new(LocalBackend::new(config.thread.clone(), Vec::new())), 10_000));
    }
    let description = config.description.as_ref().map(|d| d.to_string());
    let desc = describe(config.preset.as_deref(), description.as_deref(), config.base.as_deref().unwrap_or_default())?;
    let poll = desc.poll_ms;
    Ok((Rc::new(HttpBackend::new(desc, lang)), poll))
}

/// The nearest `lang` on the element or its ancestors, as a page would set it.
fn lang_of(el: &web_sys::Element, config: &EmbedConfig) -> Lang {
    // A language asked of the widget itself that it does not have is said; a
    // page's own (a French site's `<html lang="fr">`) quietly gets English.
    if let Some(t) = &config.lang {
        if Lang::from_tag(t) == Lang::En && !t.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en")) {
            crate::state::warn(&format!("lang {t:?} is not one of en, hy, ru: English is used"));
        }
    }
    let tag = config.lang.clone().or_else(|| el.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang")));
    tag.map_or_else(crate::i18n::page_lang, |t| Lang::from_tag(&t))
}

/// Mounts a thread into `element`. `config` is a plain object (see `EmbedConfig`);
/// a wrong one throws an Error saying what is wrong, and shows it in the element.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, config: JsValue) -> Result<MountHandle, JsValue> {
    crate::panic::install_hook();
    let host: web_sys::Element = element.clone().unchecked_into();
    replace_in(&host);
    let json = js_sys::JSON::stringify(&config).ok().and_then(|s| s.as_string()).unwrap_or_else(|| "{}".into());
    let refuse = |why: String| {
        let message = format!("threadline: the configuration is not valid: {why}");
        // Where the widget would be: its shadow root, once it has had one
        // (mounted again after an attribute changed), hides the element's own text.
        let at: web_sys::Node = match element.shadow_root() {
            Some(shadow) => shadow.into(),
            None => element.clone().into(),
        };
        at.set_text_content(None);
        // Marked, so that mounting with the mistake mended takes it out.
        if let Some(p) = element.owner_document().and_then(|d| d.create_element("p").ok()) {
            p.set_class_name("threadline-error");
            let _ = p.set_attribute("role", "alert");
            p.set_text_content(Some(&message));
            let _ = at.append_child(&p);
        }
        JsValue::from(js_sys::Error::new(&message))
    };
    let config = read_config(&json).map_err(refuse)?;
    if config.thread.trim().is_empty() {
        return Err(refuse("thread is missing (the page's thread id, usually its path)".into()));
    }
    if config.preset.is_some() && config.description.is_some() {
        return Err(refuse("give preset or description, not both".into()));
    }
    // A misspelt value would otherwise quietly mean the default.
    if let Some(b) = config.backend.as_deref().filter(|b| !matches!(*b, "local" | "http")) {
        return Err(refuse(format!("backend {b:?} is not one of local, http")));
    }
    // As HTML reads an enumerated attribute: any case, and empty is the default.
    let theme = config.theme.as_deref().map(|t| t.trim().to_ascii_lowercase()).filter(|t| !t.is_empty());
    if let Some(t) = theme.as_deref().filter(|t| !matches!(*t, "auto" | "light" | "dark")) {
        return Err(refuse(format!("theme {t:?} is not one of auto, light, dark")));
    }
    if let Some(url) = &config.policy_module {
        crate::policy_module::set_url(url);
    }
    let lang = lang_of(&host, &config);
    // A shadow root keeps host CSS out; an element that cannot have one
    // (or already has one) gets the widget as a plain child.
    let shadow = match config.shadow {
        Some(false) => None,
        _ => host
            .shadow_root()
            .or_else(|| host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()),
    };
    // An earlier mistake said here goes: the shadow root is the widget's own,
    // in the element only what was marked as ours.
    let root: web_sys::Element = match shadow {
        Some(shadow) => {
            shadow.set_text_content(None);
            shadow.unchecked_into()
        }
        None => {
            if let Ok(said) = host.query_selector_all(":scope > .threadline-error") {
                (0..said.length()).filter_map(|i| said.get(i)).for_each(|n| drop(host.remove_child(&n)));
            }
            host.clone()
        }
    };
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let container = doc.create_element("div")?;
    container.set_class_name("tl-root tl-embedded");
    container.set_attribute("data-theme", theme.as_deref().unwrap_or("auto"))?;
    if let Some(href) = &config.stylesheet {
        let link = doc.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", href)?;
        container.append_child(&link)?;
    }
    let mount_point = doc.create_element("div")?;
    container.append_child(&mount_point)?;
    root.append_child(&container)?;
    host.set_attribute("data-threadline", "mounted")?;
    let widget_root = container.clone();
    let handle = leptos::mount::mount_to(mount_point.unchecked_into(), move || {
        let thread = match backend_for(&config, lang) {
            Ok((backend, default_poll)) => {
                let mut state = ThreadState::new(config.thread.clone(), backend);
                state.lang = lang;
                state.root.set_value(Some(widget_root.clone()));
                state.window.set(Window::with_limits(config.top, config.replies, config.depth));
                state.reload();
                let poll = config.poll_ms.unwrap_or(default_poll);
                if poll > 0 {
                    state.keep_current(std::time::Duration::from_millis(poll.into()));
                }
                view! { <ThreadView state=state /> }.into_any()
            }
            Err(e) => {
                crate::state::warn(&e);
                let text =
                    crate::i18n::fill(threadline_i18n::t(lang, threadline_i18n::Key::ErrSetup), &[("detail", &e)]);
                view! { <p class="tl-error" role="alert">{text}</p> }.into_any()
            }
        };
        let policy = config.policy_text.clone().map(|text| {
            let title = config.policy_title.clone().unwrap_or_default();
            view! { <crate::components::PolicyView policy=threadline_core::PolicyText { title, text } /> }
        });
        view! { {policy} {thread} }.into_any()
    });
    let id = NEXT_ID.with(|n| n.replace(n.get().wrapping_add(1)));
    MOUNTED.with(|m| m.borrow_mut().push((id, (handle, container, host.clone()))));
    Ok(MountHandle { id, host })
}
