//! A head start for the first page of comments. The demo page's inline
//! script (index.html) asks for it while the wasm is still loading and
//! compiling, so the answer is usually there when the widget starts. The
//! backend takes that answer only for exactly the URL it would ask itself;
//! anything else (another backend, thread or page size) is simply not used.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The page script's `window.__threadlinePrefetch = { url, response }`.
const KEY: &str = "__threadlinePrefetch";

/// The prefetched answer for `url`, once: a later listing asks the server.
/// None when nothing was prefetched for it or the prefetch failed (the
/// caller then sends the request itself).
pub async fn take(url: &str) -> Option<gloo_net::http::Response> {
    let window = web_sys::window()?;
    let entry = js_sys::Reflect::get(&window, &KEY.into()).ok().filter(|e| e.is_object())?;
    let same = js_sys::Reflect::get(&entry, &"url".into()).ok()?.as_string().is_some_and(|u| u == url);
    if !same {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window, &KEY.into());
    let promise = js_sys::Reflect::get(&entry, &"response".into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let response = JsFuture::from(promise).await.ok()?.dyn_into::<web_sys::Response>().ok()?;
    Some(response.into())
}
