//! The demo page: the seed article and its policy are plain HTML in
//! index.html (written by tools/seed_to_html.py), painted before any script
//! runs; this draws the thread under them. The backend is chosen by the
//! page's query string:
//! - `?backend=local`: the browser's own storage (`LocalBackend`) holding the
//!   seed's comments, no server;
//! - `?preset=NAME&base=URL`: a known backend (threadline, json-server, isso, remark42);
//! - `?description=JSON&base=URL`: any backend, described in full (see the README);
//!   `&timeout=MS` changes how long a request may take;
//! - `&poll=MS` how often to look for new comments (0 = never);
//! - `&thread=ID` another thread than the seed article's (benchmarks, tests);
//! - `&lang=hy|ru|en` the widget's language, `&theme=light|dark` its colours;
//! - `&top=N&replies=N&depth=N`: top-level comments per page, replies shown
//!   before "more replies", depth of "Continue this thread".
//! - nothing: the default below.

use crate::backend::{describe, HttpBackend, LocalBackend};
use crate::components::ThreadView;
use crate::i18n::Lang;
use crate::state::ThreadState;
use leptos::prelude::*;
use std::rc::Rc;
use threadline_core::Backend;

/// The seed thread's comments for the browser-storage backend, beside the
/// page (Trunk copies `seed/asbarez.json` there).
const SEED_URL: &str = "asbarez.json";

/// The reference server that serves this page (`scripts/demo.sh`).
const DEFAULT_BACKEND: &str = "server";

fn query(name: &str) -> Option<String> {
    thread_local!(static PARAMS: Option<web_sys::UrlSearchParams> = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok()));
    PARAMS.with(|p| p.as_ref()?.get(name))
}

/// A `<meta name=…>` of the page, if it has a non-empty one.
pub fn page_meta(name: &str) -> Option<String> {
    let selector = format!("meta[name='{name}']");
    let meta = web_sys::window()?.document()?.query_selector(&selector).ok()??;
    meta.get_attribute("content").filter(|t| !t.is_empty())
}

/// The seed article's thread, named by the page it is printed on.
fn page_thread() -> Option<String> {
    page_meta("threadline-thread")
}

/// A whole number given in the query string; one that is not is a mistake
/// to say, not a default to fall back on quietly.
fn number(name: &str) -> Result<Option<u32>, String> {
    match query(name) {
        None => Ok(None),
        Some(v) => {
            v.trim().parse().map(Some).map_err(|_| format!("{name}={v:?} is not a whole number from 0 to 4294967295"))
        }
    }
}

/// The backend and how often to ask it for new comments.
fn choose_backend(lang: Lang) -> Result<(Rc<dyn Backend>, u32), String> {
    if let Some(t) = query("theme").filter(|t| !matches!(t.as_str(), "auto" | "light" | "dark")) {
        return Err(format!("theme={t:?} is not one of auto, light, dark"));
    }
    let preset = query("preset").or_else(|| query("description").map(|_| String::new()));
    let backend =
        query("backend").unwrap_or_else(|| if preset.is_some() { "http".into() } else { DEFAULT_BACKEND.into() });
    match backend.as_str() {
        // Polling the browser's own storage shows what other tabs posted.
        "local" => Ok((Rc::new(LocalBackend::seeded_from(SEED_URL)), 10_000)),
        "http" | "server" => {
            let base = query("base").unwrap_or_default();
            let preset = preset.filter(|p| !p.is_empty());
            let mut desc = describe(preset.as_deref(), query("description").as_deref(), &base)?;
            match number("timeout")? {
                // No time at all would fail every request.
                Some(0) => return Err("timeout=\"0\": a request needs at least 1 ms".into()),
                Some(ms) => desc.timeout_ms = ms,
                None => {}
            }
            let poll_ms = desc.poll_ms;
            Ok((Rc::new(HttpBackend::new(desc, lang)), poll_ms))
        }
        other => Err(format!("unknown backend {other:?}: use local or http")),
    }
}

/// The thread under the page's article, or why it cannot be shown.
#[component]
pub fn DemoThread() -> impl IntoView {
    let lang = query("lang").map_or_else(crate::i18n::page_lang, |tag| Lang::from_tag(&tag));
    let numbers = || Ok::<_, String>((number("top")?, number("replies")?, number("depth")?, number("poll")?));
    match choose_backend(lang).and_then(|b| Ok((b, numbers()?))) {
        Ok(((backend, poll_ms), (top, replies, depth, poll))) => {
            let thread_id = query("thread").filter(|t| !t.is_empty()).or_else(page_thread).unwrap_or_default();
            let mut state = ThreadState::new(thread_id, backend);
            state.lang = lang;
            let size = |n: Option<u32>| n.map(|n| n as usize);
            state.window.set(threadline_core::Window::with_limits(size(top), size(replies), size(depth)));
            state.reload();
            let poll_ms = poll.unwrap_or(poll_ms);
            if poll_ms > 0 {
                state.keep_current(std::time::Duration::from_millis(poll_ms.into()));
            }
            view! { <ThreadView state=state /> }.into_any()
        }
        Err(e) => {
            // The site owner reads the console; the reader sees why there are no comments.
            crate::state::warn(&e);
            view! { <p class="tl-error" role="alert">"Comments cannot be shown: " {e}</p> }.into_any()
        }
    }
}

/// The page's colours: `?theme=` or the reader's system setting.
pub fn theme() -> String {
    query("theme").unwrap_or_else(|| "auto".into())
}
