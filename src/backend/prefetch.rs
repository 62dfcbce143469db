//! A head start for the first page of comments. The demo page's inline
//! script (index.html) and the embed loader (embed/threadline-embed.js) ask
//! for it while the wasm is still loading and compiling, so the answer is
//! usually there when the widget starts. They leave the pending response in
//! `window.__threadlinePrefetch[url]`; the backend takes it only for exactly
//! the URL it would ask for itself, once. Anything else (another backend,
//! thread or page size) is simply not used.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const KEY: &str = "__threadlinePrefetch";

/// The prefetched answer for `url`, or None when nothing was prefetched for
/// it or the prefetch failed (the caller then sends the request itself).
pub async fn take(url: &str) -> Option<gloo_net::http::Response> {
    let window = web_sys::window()?;
    let started = js_sys::Reflect::get(&window, &KEY.into()).ok().filter(|e| e.is_object())?;
    let promise = js_sys::Reflect::get(&started, &url.into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(started.unchecked_ref::<js_sys::Object>(), &url.into());
    let response = JsFuture::from(promise).await.ok()?.dyn_into::<web_sys::Response>().ok()?;
    Some(response.into())
}
