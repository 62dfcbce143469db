//! What a reader does to comments already posted: edit and delete their own,
//! like others'. Each goes to the backend first and changes the screen only
//! when the backend agreed, with the backend's words when it did not.

use crate::i18n::Key;
use crate::state::{warn, ThreadState};
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use threadline_core::{BackendError, CommentId, Edit};

impl ThreadState {
    /// This reader wrote the comment (from this browser).
    pub fn owns(self, id: &CommentId) -> bool {
        self.backend.with_value(|b| b.owns(&self.thread_id.get_value(), id))
    }

    pub fn can_like(self) -> bool {
        self.capabilities.get_value().like
    }

    pub fn can_report(self) -> bool {
        self.capabilities.get_value().report
    }

    pub fn set_editing(self, id: &CommentId, open: bool) {
        self.editing.update(|e| {
            if open {
                e.insert(id.clone());
            } else {
                e.remove(id);
            }
        });
    }

    /// Sends an edit; `done` hears the outcome: an error message keeps the
    /// form open, and `true` with it means the backend's policy asked "are
    /// you sure?" (saving again with `confirm` goes through).
    pub fn save_edit(self, id: CommentId, edit: Edit, done: impl FnOnce(Result<(), (String, bool)>) + 'static) {
        let backend = self.backend.get_value();
        let thread = self.thread_id.get_value();
        spawn_local(async move {
            let result = backend.edit(&thread, &id, edit.clone()).await;
            if !self.alive() {
                return;
            }
            match result {
                Ok(stored) => {
                    self.thread.update(|t| {
                        t.update(&id, |c| match stored {
                            Some(s) => *c = s,
                            None => {
                                c.body = edit.body;
                                c.edited_ms = Some(js_sys::Date::now() as i64);
                            }
                        });
                    });
                    // An edit the policy held is hidden from everyone but its author.
                    match self.thread.with_untracked(|t| t.get(&id).map(|n| n.comment.clone())) {
                        Some(c) if c.held => crate::held::remember(&thread, &c),
                        _ => {
                            crate::held::forget(&thread, &id);
                        }
                    }
                    self.set_editing(&id, false);
                    self.say(Key::ChangesSaved);
                    done(Ok(()));
                }
                Err(e) => done(Err((self.error_text(&e), matches!(e, BackendError::Nudged(_))))),
            }
        });
    }

    pub fn delete_comment(self, id: CommentId) {
        let backend = self.backend.get_value();
        let thread = self.thread_id.get_value();
        // Its deletion may come back through the stream before this answer.
        crate::held::leaving(&id, true);
        spawn_local(async move {
            let result = backend.delete(&thread, &id).await;
            crate::held::leaving(&id, false);
            // Forgotten even if the widget is gone by now: kept, it would read
            // as turned down by a moderator at the next visit.
            if result.is_ok() {
                crate::held::forget(&thread, &id);
            }
            if !self.alive() {
                return;
            }
            match result {
                Ok(()) => {
                    self.thread.update(|t| {
                        t.delete(&id);
                    });
                    self.set_editing(&id, false);
                }
                Err(e) => self.row_error.set(Some((id, self.error_text(&e)))),
            }
        });
    }

    /// One like per comment per reader: the button is gone once it counted.
    pub fn like(self, id: CommentId) {
        if !mark(self.liked, &id) {
            return;
        }
        let backend = self.backend.get_value();
        let thread = self.thread_id.get_value();
        spawn_local(async move {
            let result = backend.like(&thread, &id).await;
            if !self.alive() {
                return;
            }
            match result {
                Ok(count) => {
                    self.thread.update(|t| {
                        t.update(&id, |c| c.likes = count.unwrap_or(c.likes.saturating_add(1)));
                    });
                    remember("liked", &thread, &id);
                }
                Err(e) => self.unmark(self.liked, &id, &e),
            }
        });
    }

    /// Tells the moderators, once per comment per reader: the button then
    /// says it was reported.
    pub fn report(self, id: CommentId) {
        if !mark(self.reported, &id) {
            return;
        }
        let backend = self.backend.get_value();
        let thread = self.thread_id.get_value();
        spawn_local(async move {
            let result = backend.report(&thread, &id).await;
            if !self.alive() {
                return;
            }
            match result {
                Ok(()) => remember("reported", &thread, &id),
                Err(e) => self.unmark(self.reported, &id, &e),
            }
        });
    }

    /// The backend refused a like or a report: the mark goes, its words show.
    fn unmark(self, set: Marks, id: &CommentId, e: &BackendError) {
        set.update(|s| {
            s.remove(id);
        });
        self.row_error.set(Some((id.clone(), self.error_text(e))));
    }

    pub fn show_more(self, key: &threadline_core::RowKey) {
        use threadline_core::RowKey;
        self.window.update(|w| match key {
            RowKey::MoreTop => w.show_more_top(),
            RowKey::MoreReplies(parent) => w.show_more_replies(parent),
            RowKey::Continue(id) => w.continue_thread(id),
            RowKey::Comment(_) => {}
        });
    }

    /// Opens whatever hides a comment and marks it, for permalinks (`#c-<id>`).
    pub fn reveal(self, id: &CommentId) -> bool {
        let mut found = false;
        self.thread.with_untracked(|t| {
            let mut collapse = self.collapse.get_untracked();
            self.window.update(|w| found = w.reveal(t, &mut collapse, id));
            if found {
                self.collapse.set(collapse);
            }
        });
        if found {
            self.target.set(Some(id.clone()));
        }
        found
    }
}

impl ThreadState {
    /// The reader posted, liked or reported in another tab of this site: the
    /// same here, at once (browsers tell the other tabs of a storage change).
    pub fn follow_other_tabs(self) {
        let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
            let (Some(key), true) = (ev.key(), self.alive()) else { return };
            let thread = self.thread_id.get_value();
            if key == storage::key("owned", &thread) {
                crate::backend::owned::drop_cached(&thread);
                self.owned_changed.update(|n| *n = n.wrapping_add(1));
            } else if key == storage::key("liked", &thread) {
                self.liked.set(crate::state::load_set("liked", &thread));
            } else if key == storage::key("reported", &thread) {
                self.reported.set(crate::state::load_set("reported", &thread));
            }
        });
        on_cleanup(move || handle.remove());
    }
}

/// The comments this reader liked, or reported.
type Marks = RwSignal<std::collections::BTreeSet<CommentId>>;

/// Marks `id` at once, before the backend answers; false when it was already
/// marked (one like, one report, per comment per reader).
fn mark(set: Marks, id: &CommentId) -> bool {
    let mut fresh = false;
    // Rows hear of it only when it changed.
    set.maybe_update(|s| {
        fresh = s.insert(id.clone());
        fresh
    });
    fresh
}

/// Adds `id` to a per-thread set of comments (liked, reported) kept across
/// visits: what is stored plus this one, never what is still on its way.
fn remember(kind: &str, thread: &str, id: &CommentId) {
    let mut set = crate::state::load_set(kind, thread);
    set.insert(id.clone());
    let json = serde_json::to_string(&set).unwrap_or_default();
    if let Err(e) = storage::set(&storage::key(kind, thread), &json) {
        warn(&format!("{kind} not remembered: {e}"));
    }
}
