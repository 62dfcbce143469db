//! Helpers for the component tests: mount the real components into the real
//! DOM of headless Chromium and drive them with clicks and input events.
#![allow(dead_code)]

use leptos::prelude::*;
use std::rc::Rc;
use threadline::backend::LocalBackend;
use threadline::components::ThreadView;
const SEED_JSON: &str = include_str!("../../seed/asbarez.json");
use threadline::state::ThreadState;
use threadline_core::{Backend, Comment, SeedDocument};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts a thread under a fresh page id (so stored state never leaks between
/// tests) and waits until its comments are on screen.
pub async fn mount(thread: &str, comments: Vec<Comment>) -> Element {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    remount(thread, comments).await
}

pub async fn remount(thread: &str, comments: Vec<Comment>) -> Element {
    mount_backend(thread, Rc::new(LocalBackend::new(thread.to_owned(), comments))).await
}

/// Mounts a thread over any backend (kept storage included).
pub async fn mount_backend(thread: &str, backend: Rc<dyn Backend>) -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let thread = thread.to_owned();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        let state = ThreadState::new(thread.clone(), backend);
        state.reload();
        view! { <ThreadView state=state /> }
    });
    handle.forget();
    for _ in 0..200 {
        if host.query_selector(".tl-status").unwrap().is_none() {
            break;
        }
        sleep(10).await;
    }
    // The test runner serves no policy module: its fetch fails here, once,
    // so a post goes out at once (under the form's "could not be loaded"
    // note) instead of waiting for a check. The check itself is tested in
    // tests/e2e/policy*.test.mjs, against the built module.
    let settled = js_sys::Promise::new(&mut |resolve, _| {
        threadline::policy_module::when_loaded(move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL)));
    });
    wasm_bindgen_futures::JsFuture::from(settled).await.unwrap();
    host
}

/// Writes `text` as Ani in the top-level form, posts it and lets it settle;
/// answers the form.
pub async fn post_top(host: &Element, text: &str) -> HtmlElement {
    let top = find(host, "form.tl-form");
    type_into(&find(&top, ".tl-name"), "Ani");
    type_into(&find(&top, ".tl-text"), text);
    find(&top, ".tl-post").click();
    sleep(50).await;
    top
}

/// Fills localStorage's quota to the last character (big chunks, then ever
/// smaller); answers how many fillers it took.
pub fn fill_storage() -> usize {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let (mut size, mut filled) = (1 << 20, 0);
    while size > 0 && filled < 10_000 {
        if storage.set_item(&format!("fill-{filled}"), &"x".repeat(size)).is_ok() {
            filled += 1;
        } else {
            size /= 2;
        }
    }
    filled
}

pub fn seed_comments() -> Vec<Comment> {
    SeedDocument::from_json(SEED_JSON).unwrap().comments
}

pub fn count(host: &Element, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

pub fn at_depth(host: &Element, depth: usize) -> u32 {
    count(host, &format!(".tl-comment[data-depth=\"{depth}\"]"))
}

pub fn find(host: &Element, selector: &str) -> HtmlElement {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

pub fn row(host: &Element, id: &str) -> HtmlElement {
    find(host, &format!("[id=\"c-{id}\"]"))
}

pub fn toggle_of(host: &Element, id: &str) -> HtmlElement {
    row(host, id).query_selector(".tl-toggle").unwrap().unwrap().unchecked_into()
}

pub fn type_into(el: &HtmlElement, text: &str) {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(text);
    } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(text);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

pub fn ids_in_order(host: &Element) -> Vec<String> {
    let list = host.query_selector_all(".tl-comment").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into::<Element>().id()).collect()
}

/// The two methods every test backend must have, for one that only pages
/// (`list_first`, `list_rest`): listing everything at once or posting fails.
#[allow(unused_macros)]
macro_rules! pages_only {
    () => {
        fn list<'a>(
            &'a self,
            _: &'a str,
        ) -> threadline_core::BoxFuture<'a, Result<Vec<threadline_core::Comment>, threadline_core::BackendError>> {
            Box::pin(async { Err(threadline_core::BackendError::Network("not used".into())) })
        }
        fn create<'a>(
            &'a self,
            _: &'a str,
            _: threadline_core::NewComment,
        ) -> threadline_core::BoxFuture<'a, Result<threadline_core::Comment, threadline_core::BackendError>> {
            Box::pin(async { Err(threadline_core::BackendError::Network("not used".into())) })
        }
    };
}
#[allow(unused_imports)]
pub(crate) use pages_only;
