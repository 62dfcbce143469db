//! This browser's own comments that wait for a moderator. The backend lists
//! them to nobody, not even their author, so without this a held comment
//! would vanish from its author's screen at the next reload, as if lost.
//! They are kept per thread in storage and put back into the thread on every
//! load, marked "Awaiting moderation", until a listing brings them (they
//! were let through), they are deleted, or a month has passed (a moderator
//! who turns one down does not tell its author).

use crate::storage;
use threadline_core::{Comment, CommentId, Thread};

/// How long a held comment is shown to its author without news of it.
const KEPT_MS: i64 = 30 * 24 * 60 * 60 * 1000;

fn key(thread: &str) -> String {
    storage::key("held", thread)
}

fn load(thread: &str) -> Vec<Comment> {
    match storage::get(&key(thread)) {
        Ok(Some(json)) => serde_json::from_str(&json).unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn save(thread: &str, held: &[Comment]) {
    let saved = if held.is_empty() {
        storage::remove(&key(thread))
    } else {
        serde_json::to_string(held).map_err(|e| e.to_string()).and_then(|json| storage::set(&key(thread), &json))
    };
    if let Err(e) = saved {
        crate::state::warn(&format!("a comment awaiting moderation will not be shown after a reload: {e}"));
    }
}

/// Keeps (or, after an edit, updates) `comment`, which the backend holds.
pub fn remember(thread: &str, comment: &Comment) {
    let mut held = load(thread);
    held.retain(|c| c.id != comment.id);
    held.push(comment.clone());
    save(thread, &held);
}

pub fn forget(thread: &str, id: &CommentId) {
    let mut held = load(thread);
    let before = held.len();
    held.retain(|c| &c.id != id);
    if held.len() != before {
        save(thread, &held);
    }
}

/// The held comments still to show, given what the backend `listed`: one
/// listed was let through, and one past `KEPT_MS` is let go.
pub fn still_held<'c>(thread: &str, listed: impl IntoIterator<Item = &'c Comment>, now_ms: i64) -> Vec<Comment> {
    let mut held = load(thread);
    if held.is_empty() {
        return held;
    }
    let before = held.len();
    // A reader has a held comment or two at most: one pass over the listing.
    for c in listed.into_iter().filter(|c| !c.held) {
        held.retain(|h| h.id != c.id);
    }
    held.retain(|c| now_ms.saturating_sub(c.created_ms.unwrap_or(now_ms)) < KEPT_MS);
    if held.len() != before {
        save(thread, &held);
    }
    held
}

/// Takes out of `thread` the held comments `changed` brings let through
/// under another parent than they are shown under (a held reply whose
/// parent had not loaded yet was shown at top level), so that their listed
/// copies go where they belong; one in its place is simply updated by the
/// merge. Answers their ids: they are not news to their author. Nobody could
/// reply to them, so nothing hangs below them.
pub fn make_way(thread: &mut Thread, changed: &[Comment]) -> Vec<CommentId> {
    let released: Vec<CommentId> = changed
        .iter()
        .filter(|c| !c.held && thread.get(&c.id).is_some_and(|n| n.comment.held && n.comment.parent != c.parent))
        .map(|c| c.id.clone())
        .collect();
    for id in &released {
        thread.delete(id);
    }
    released
}

/// Puts back under its parent each held reply shown at top level because
/// its parent was not loaded yet, once it is.
pub fn place_under_parents(thread_id: &str, thread: &mut Thread) {
    for c in load(thread_id) {
        let Some(parent) = &c.parent else { continue };
        let orphaned = thread.get(&c.id).is_some_and(|n| n.parent.is_none() && n.comment.held);
        if orphaned && thread.find(parent).is_some() && thread.delete(&c.id) {
            let _ = thread.insert(c);
        }
    }
}
