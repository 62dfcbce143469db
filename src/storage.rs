//! The browser's localStorage, with every failure (disabled storage, quota,
//! private mode) turned into a message instead of a panic.

fn local() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("storage is not available in this browser".into()),
        Err(_) => Err("storage is disabled in this browser".into()),
    }
}

pub fn get(key: &str) -> Result<Option<String>, String> {
    local()?.get_item(key).map_err(|_| "storage could not be read".into())
}

pub fn set(key: &str, value: &str) -> Result<(), String> {
    local()?.set_item(key, value).map_err(|_| "storage is full or disabled; nothing was saved".into())
}

pub fn remove(key: &str) -> Result<(), String> {
    local()?.remove_item(key).map_err(|_| "storage could not be written".into())
}

/// Keys are namespaced per page so two threads on one site never mix.
pub fn key(kind: &str, thread: &str) -> String {
    format!("threadline:{kind}:{thread}")
}
