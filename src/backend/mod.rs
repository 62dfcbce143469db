//! Where comments come from and go to. Every store implements
//! `threadline_core::Backend`; the view only knows that trait.

pub mod http;
pub mod local;
pub mod owned;

pub use http::HttpBackend;
pub use local::LocalBackend;

/// A fresh random token (ids, idempotency keys). Not cryptographic: it only
/// has to be unique per browser.
pub fn random_token() -> String {
    let now = js_sys::Date::now() as u64;
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{now:x}{a:08x}{b:08x}")
}
