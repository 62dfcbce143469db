//! Where comments come from and go to. Every store implements
//! `threadline_core::Backend`; the view only knows that trait.

pub mod http;
pub mod local;
pub mod owned;
pub mod prefetch;
mod wire;

pub use http::HttpBackend;
pub use local::LocalBackend;

/// The description of a remote backend, from a full description (JSON) or a
/// preset name (default: the reference server), with `base` filled in when given.
pub fn describe(
    preset: Option<&str>,
    description: Option<&str>,
    base: &str,
) -> Result<threadline_sync::BackendDescription, String> {
    let mut desc = match description {
        Some(json) => threadline_sync::BackendDescription::from_json(json).map_err(|e| e.to_string())?,
        None => threadline_sync::preset(preset.unwrap_or("threadline"), base).map_err(|e| e.to_string())?,
    };
    if !base.is_empty() {
        desc.base = base.to_owned();
    }
    Ok(desc)
}

/// A fresh random token (ids, idempotency keys). Not cryptographic: it only
/// has to be unique per browser.
pub fn random_token() -> String {
    let now = js_sys::Date::now() as u64;
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{now:x}{a:08x}{b:08x}")
}
