//! A head start for the first page of comments. The demo page's inline
//! script (index.html) and the embed loader (embed/threadline-embed.js) ask
//! for it while the wasm is still loading and compiling, and read its text
//! there too, so the answer is ready to parse when the widget starts: reading
//! a body takes the browser several tasks even when it has long arrived.
//! They leave a promise of `{status, etag, bytes}` (a `Uint8Array`; `text`,
//! a string, from a loader older than the wasm, is taken too) in
//! `window.__threadlinePrefetch[url]`; the backend takes it only for exactly
//! the URL it would ask for itself, once. Anything else (another backend,
//! thread or page size) is simply not used.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const KEY: &str = "__threadlinePrefetch";

/// A prefetched answer, as the page script read it.
pub struct Prefetched {
    pub status: u16,
    pub etag: Option<String>,
    pub body: Vec<u8>,
}

/// The prefetched answer for `url`, or None when nothing was prefetched for
/// it or the prefetch failed (the caller then sends the request itself).
pub async fn take(url: &str) -> Option<Prefetched> {
    let window = web_sys::window()?;
    let started = Reflect::get(&window, &KEY.into()).ok().filter(|e| e.is_object())?;
    let promise = Reflect::get(&started, &url.into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = Reflect::delete_property(started.unchecked_ref::<js_sys::Object>(), &url.into());
    let answer = JsFuture::from(promise).await.ok()?;
    let field = |name: &str| Reflect::get(&answer, &JsValue::from_str(name)).ok();
    let status = field("status")?.as_f64().filter(|s| (100.0..600.0).contains(s))? as u16;
    let body = match field("bytes").and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok()) {
        Some(bytes) => bytes.to_vec(),
        None => field("text")?.as_string()?.into_bytes(),
    };
    Some(Prefetched { status, etag: field("etag").and_then(|e| e.as_string()), body })
}
