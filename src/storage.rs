//! The browser's localStorage, with every failure (disabled storage, quota,
//! private mode) turned into a message instead of a panic. The messages are
//! the English `Storage*` strings; `i18n::storage_reason` gives a reader
//! them in the widget's language.

use std::cell::Cell;
use threadline_i18n::{t, Key, Lang};

thread_local! {
    /// Something stored could not be read and was set aside since the last `take_set_aside`.
    static SET_ASIDE: Cell<bool> = const { Cell::new(false) };
}

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

/// What `key` holds, read with `read`. What cannot be read is never written
/// over: it is copied to a key of its own, where nothing writes, and taken
/// out of the way; the reader is told (`take_set_aside`). None: nothing usable.
pub fn read_or_set_aside<T>(key: &str, read: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
    let json = match get(key) {
        Ok(json) => json?,
        Err(e) => {
            crate::state::warn(&format!("{key} not read: {e}"));
            return None;
        }
    };
    match read(&json) {
        Ok(value) => Some(value),
        Err(e) => {
            crate::state::warn(&format!("{key} could not be read ({e}); kept aside, unchanged"));
            if set_aside(key, &json).is_ok() {
                let _ = remove(key);
            }
            SET_ASIDE.set(true);
            None
        }
    }
}

/// Copies `json` to `<key>:unreadable:<time>`.
pub fn set_aside(key: &str, json: &str) -> Result<(), String> {
    set(&format!("{key}:unreadable:{}", js_sys::Date::now() as i64), json)
}

/// Whether something was set aside since the last call.
pub fn take_set_aside() -> bool {
    SET_ASIDE.replace(false)
}

/// The `x` of every non-empty `threadline:<kind>:<x>:<thread>`: the comments
/// something is kept for (a half-written reply).
pub fn ids_with(kind: &str, thread: &str) -> Vec<String> {
    let Ok(s) = local() else { return Vec::new() };
    let (head, tail) = (format!("threadline:{kind}:"), format!(":{thread}"));
    let kept = |k: &str| s.get_item(k).ok().flatten().is_some_and(|v| !v.trim().is_empty());
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| Some(k.strip_prefix(&head)?.strip_suffix(&tail)?.to_owned()).filter(|_| kept(&k)))
        .collect()
}
