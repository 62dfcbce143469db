//! This browser's own comments that wait for a moderator. The backend lists
//! them to nobody, not even their author, so without this a held comment
//! would vanish from its author's screen at the next reload, as if lost.
//! They are kept per thread in storage and put back into the thread on every
//! load, marked "Awaiting moderation", until a listing brings them (they
//! were let through), they are deleted, or a month has passed. One a
//! moderator turns down is taken out, its author told, and its text given
//! back to the form it came from, so nothing they wrote is lost: seen as it
//! happens (a poll or the stream brings its deletion), or, where the backend
//! can be asked for one comment, asked after at each load.

use crate::i18n::Key;
use crate::state::ThreadState;
use crate::storage;
use leptos::prelude::*;
use std::cell::RefCell;
use threadline_core::{fields, Comment, CommentId, Thread};

/// How long a held comment is shown to its author without news of it.
const KEPT_MS: i64 = 30 * 24 * 60 * 60 * 1000;

fn key(thread: &str) -> String {
    storage::key("held", thread)
}

fn load(thread: &str) -> Vec<Comment> {
    storage::read_or_set_aside(&key(thread), |json| fields::read_list(json, "held comments", fields::comment))
        .unwrap_or_default()
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

thread_local! {
    /// Held comments their own author is deleting: that deletion coming back
    /// through a poll or the stream is not a moderator's doing.
    static LEAVING: RefCell<Vec<CommentId>> = const { RefCell::new(Vec::new()) };
}

pub fn leaving(id: &CommentId, on: bool) {
    LEAVING.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|x| x != id);
        if on {
            l.push(id.clone());
        }
    });
}

/// This reader's held comments that `changed` brings deleted, not by them:
/// a moderator turned them down while the page was open.
pub fn turned_down_among(thread: &str, changed: &[Comment]) -> Vec<Comment> {
    if !changed.iter().any(|c| c.deleted) {
        return Vec::new();
    }
    let by_author = |id: &CommentId| LEAVING.with(|l| l.borrow().contains(id));
    load(thread)
        .into_iter()
        .filter(|h| changed.iter().any(|c| c.deleted && c.id == h.id) && !by_author(&h.id))
        .collect()
}

/// Keeps (or, after an edit, updates) `comment`, which the backend holds.
pub fn remember(thread: &str, comment: &Comment) {
    let mut held = load(thread);
    held.retain(|c| c.id != comment.id);
    held.push(comment.clone());
    save(thread, &held);
}

/// Answers whether it was kept.
pub fn forget(thread: &str, id: &CommentId) -> bool {
    let mut held = load(thread);
    let before = held.len();
    held.retain(|c| &c.id != id);
    let kept = held.len() != before;
    if kept {
        save(thread, &held);
    }
    kept
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
    // A deleted copy was not let through: see `turned_down_among`.
    for c in listed.into_iter().filter(|c| !c.held && !c.deleted) {
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

impl ThreadState {
    /// Asks the backend after each of `held` (this reader's comments shown
    /// as awaiting a moderator). A backend that cannot say, or cannot be
    /// reached, leaves them as they are.
    pub fn ask_after_held(self, held: Vec<Comment>) {
        if held.is_empty() {
            return;
        }
        let backend = self.backend.get_value();
        let thread = self.thread_id.get_value();
        leptos::task::spawn_local(async move {
            for c in held {
                let answer = backend.fetch_own(&thread, &c.id).await;
                if !self.alive() {
                    return;
                }
                if let Ok(None) = answer {
                    self.turned_down(&thread, c);
                }
            }
        });
    }

    /// Tells the reader a moderator turned `c` down, and gives its text back.
    /// Once: a comment no longer kept (told already, or its author is
    /// deleting it) is left alone.
    pub(crate) fn turned_down(self, thread: &str, c: Comment) {
        if LEAVING.with(|l| l.borrow().contains(&c.id)) || !forget(thread, &c.id) {
            return;
        }
        // A new comment has nothing below it (nobody could reply to it); a
        // turned-down edit of one with replies stays as the placeholder the
        // backend left.
        self.thread.update(|t| {
            t.remove_leaf(&c.id);
        });
        // To the reply form under its parent when that can open (the parent
        // on screen and open), else to the top form, which is always there.
        let parent = c.parent.filter(|p| {
            self.element(&format!("c-{p}")).is_some() && !self.collapse.with_untracked(|s| s.is_collapsed(p))
        });
        if let Some(parent) = &parent {
            self.set_form_open(parent, true);
        }
        self.handed_back.update(|h| h.push(crate::posting::HandedBack { slot: parent, text: c.body, key: None }));
        self.notice.set(Some(self.t(Key::TurnedDown).to_owned()));
    }
}
