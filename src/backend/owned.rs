//! Which comments this browser posted, with the secret (if the backend gave
//! one) that proves it. Without accounts this is the only way a reader gets
//! to edit or delete their own comment, so it is kept per thread in storage.
//! Every row asks, so the map is read from storage once per thread and kept.

use crate::storage;
use serde_json::{Map, Value};
use std::cell::RefCell;
use threadline_core::fields::read_map;

/// Comment id → its secret, as a string.
type Owned = Map<String, Value>;

thread_local! {
    /// By thread: one or two on a page, so a list, not a map type of its own.
    static CACHE: RefCell<Vec<(String, Owned)>> = RefCell::default();
}

fn with<R>(thread: &str, f: impl FnOnce(&mut Owned) -> R) -> R {
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        let at = match cache.iter().position(|(t, _)| t == thread) {
            Some(at) => at,
            None => {
                let key = storage::key("owned", thread);
                let map = storage::read_or_set_aside(&key, |json| read_map(json, "owned comments")).unwrap_or_default();
                cache.push((thread.to_owned(), map));
                cache.len() - 1
            }
        };
        f(&mut cache[at].1)
    })
}

fn save(thread: &str, map: &Owned) -> Result<(), String> {
    let json = serde_json::to_string(map).map_err(|e| e.to_string())?;
    storage::set(&storage::key("owned", thread), &json)
}

/// `token` is empty for backends that recognise the author another way (a cookie).
pub fn remember(thread: &str, id: &str, token: &str) {
    let saved = with(thread, |map| {
        map.insert(id.to_owned(), Value::String(token.to_owned()));
        save(thread, map)
    });
    if let Err(e) = saved {
        crate::state::warn(&format!("you will not be able to edit this comment after a reload: {e}"));
    }
}

pub fn token(thread: &str, id: &str) -> Option<String> {
    with(thread, |map| map.get(id).and_then(Value::as_str).map(str::to_owned))
}

/// Read from storage again at the next ask: another tab wrote it.
pub fn drop_cached(thread: &str) {
    CACHE.with(|c| c.borrow_mut().retain(|(t, _)| t != thread));
}

/// Every comment of the thread posted from this browser.
pub fn ids(thread: &str) -> Vec<String> {
    with(thread, |map| map.keys().cloned().collect())
}

pub fn forget(thread: &str, id: &str) {
    with(thread, |map| {
        if map.remove(id).is_some() {
            let _ = save(thread, map);
        }
    });
}
