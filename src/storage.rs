//! The browser's localStorage, with every failure (disabled storage, quota,
//! private mode) turned into a message instead of a panic. The messages are
//! the English `Storage*` strings; `i18n::storage_reason` gives a reader
//! them in the widget's language.

use threadline_i18n::{t, Key, Lang};

fn failed(key: Key) -> String {
    t(Lang::En, key).to_owned()
}

fn local() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or_else(|| failed(Key::StorageUnavailable))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(failed(Key::StorageUnavailable)),
        Err(_) => Err(failed(Key::StorageDisabled)),
    }
}

pub fn get(key: &str) -> Result<Option<String>, String> {
    local()?.get_item(key).map_err(|_| failed(Key::StorageUnreadable))
}

pub fn set(key: &str, value: &str) -> Result<(), String> {
    local()?.set_item(key, value).map_err(|_| failed(Key::StorageFull))
}

pub fn remove(key: &str) -> Result<(), String> {
    local()?.remove_item(key).map_err(|_| failed(Key::StorageUnwritable))
}

/// Keys are namespaced per page so two threads on one site never mix.
pub fn key(kind: &str, thread: &str) -> String {
    format!("threadline:{kind}:{thread}")
}
