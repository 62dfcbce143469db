//! Posting without ever losing a comment: a draft goes into the outbox
//! (persisted) and shows at once as "sending…"; the outbox is flushed to the
//! backend and retried with backoff until the backend confirms, and the
//! placeholder is then swapped for the stored comment.

use crate::i18n::{fill, Key};
use crate::state::{warn, Load, SendStatus, ThreadState};
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use threadline_core::{BackendError, BodyFormat, Comment, CommentId, Edit, NewComment};
use threadline_sync::Outbox;

const OUTBOX_KEY: &str = "threadline:outbox";

/// A draft going back to the form it was written in.
#[derive(Clone, Debug)]
pub struct HandedBack {
    /// The form: the reply form under this comment, or the top one.
    pub slot: Option<CommentId>,
    pub text: String,
    /// The idempotency key of the unsent post it was: the form sends the
    /// text again under it, so a post whose answer was lost but that was
    /// stored is not stored twice (`posting::confirmed`).
    pub key: Option<String>,
}

thread_local! {
    /// When the browser last came online: a try that began before then and
    /// failed is not counted against the connection that is back.
    static ONLINE_AT: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

pub fn pending_id(key: &str) -> CommentId {
    CommentId(format!("pending-{key}"))
}

pub fn is_pending(id: &CommentId) -> bool {
    id.as_str().starts_with("pending-")
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The outbox as this browser saved it, and whether one was there that could
/// not be read. That one is left where it is; the first change copies it
/// aside (`change_outbox`), so nothing in it is lost. Storage that cannot be
/// used at all is not reported here: nothing could have been saved in it,
/// and a post says so when it cannot be saved.
pub fn load_outbox() -> (Outbox, bool) {
    match storage::get(OUTBOX_KEY) {
        Ok(Some(json)) => match Outbox::from_json(&json) {
            Ok(o) => (o, false),
            Err(e) => {
                warn(&e);
                (Outbox::default(), true)
            }
        },
        Ok(None) => (Outbox::default(), false),
        Err(e) => {
            warn(&format!("unsent comments not restored: {e}"));
            (Outbox::default(), false)
        }
    }
}

/// Copies an unreadable outbox to a key of its own, where nothing writes.
fn set_aside(json: &str) -> Result<(), String> {
    storage::set_aside(OUTBOX_KEY, json)
}

impl ThreadState {
    /// Changes the outbox as stored, not just this tab's copy: another tab of
    /// the same site may have added or sent comments since, and writing back
    /// a stale copy would drop theirs. localStorage calls are synchronous, so
    /// read, change and write happen without anything in between. A stored
    /// outbox this cannot read is never written over: it is copied aside
    /// first, and while that fails, changes stay in this tab (and it says so).
    fn change_outbox<R>(self, change: impl FnOnce(&mut Outbox) -> R) -> R {
        let mut blocked = None;
        let stored = match storage::get(OUTBOX_KEY) {
            Ok(Some(json)) => match Outbox::from_json(&json) {
                Ok(o) => Some(o),
                Err(e) => {
                    blocked = set_aside(&json).err().map(|_| e);
                    None
                }
            },
            _ => None,
        };
        let mut outbox = match stored {
            Some(o) => o,
            None => self.outbox.get_value(),
        };
        let result = change(&mut outbox);
        let saved = match blocked {
            Some(unreadable) => Err(unreadable),
            None => storage::set(OUTBOX_KEY, &outbox.to_json()),
        };
        match saved {
            Err(e) => self.notice.set(Some(fill(
                self.t(Key::OutboxNotSaved),
                &[("reason", &crate::i18n::storage_reason(self.lang, &e))],
            ))),
            // That earlier comments could not be read stays true after a post.
            Ok(()) if self.notice.with_untracked(|n| n.as_deref() != Some(self.t(Key::OutboxUnreadable))) => {
                self.notice.set(None)
            }
            Ok(()) => {}
        }
        self.outbox.set_value(outbox);
        result
    }

    /// Takes a validated draft: it is shown at once and sent in the background.
    pub fn submit(self, mut draft: NewComment) {
        let thread = self.thread_id.get_value();
        if let (Some(parent), Some(depth)) = (&draft.parent, self.capabilities.with_value(|c| c.reply_depth)) {
            draft.parent = Some(self.thread.with_untracked(|t| t.reply_parent(parent, depth)));
        }
        self.thread.with_untracked(|t| {
            let shown = t.nodes().iter().map(|n| &n.comment);
            self.change_outbox(|o| o.push(&thread, draft.clone(), now_ms(), shown));
        });
        self.show_pending(&draft);
        self.flush();
    }

    fn show_pending(self, draft: &NewComment) {
        let id = pending_id(&draft.idempotency_key);
        let comment = Comment {
            id: id.clone(),
            parent: draft.parent.clone(),
            author: draft.author.clone(),
            body: draft.body.clone(),
            format: BodyFormat::Markdown,
            created_ms: Some(now_ms()),
            ..Comment::default()
        };
        // The reader's own comment stays on screen whatever the paging.
        self.window.update(|w| w.pin(&id));
        let mut shown = true;
        self.thread.update(|t| {
            if t.find(&id).is_none() {
                shown = t.insert(comment.clone()).is_ok();
            }
        });
        if !shown {
            // Its parent is gone from the thread: show it at top level rather than hide it.
            self.thread.update(|t| {
                let _ = t.insert(Comment { parent: None, ..comment });
            });
        }
        let status = match self.outbox.with_value(|o| o.get(&draft.idempotency_key).cloned()) {
            Some(p) if p.last_error.is_some() => {
                SendStatus::Failed { message: p.last_error.unwrap_or_default(), retrying: !p.stuck, nudged: p.nudged }
            }
            _ => SendStatus::Sending,
        };
        self.sending.update(|s| {
            s.insert(id.clone(), status);
        });
        self.last_posted.set(Some(id));
    }

    /// Puts this thread's unsent comments (from an earlier visit) back on screen.
    pub(crate) fn show_outbox(self) {
        let thread = self.thread_id.get_value();
        let drafts: Vec<NewComment> =
            self.outbox.with_value(|o| o.for_thread(&thread).map(|p| p.draft.clone()).collect());
        for d in &drafts {
            self.show_pending(d);
        }
        // Said in the widget, where the reader looks for them.
        if self.outbox_unreadable && self.notice.with_untracked(Option::is_none) {
            self.notice.set(Some(self.t(Key::OutboxUnreadable).to_owned()));
        }
        // Read now (rows read it as they are drawn), so that what could not
        // be is told with the rest.
        crate::backend::owned::ids(&thread);
        if storage::take_set_aside() {
            let stored = self.t(Key::StoredUnreadable);
            // Both said, when the outbox could not be read either.
            self.notice.update(|n| *n = Some(n.take().map_or_else(|| stored.to_owned(), |o| format!("{o} {stored}"))));
        }
    }

    /// Sends whatever is due, then arms one timer for the next retry.
    pub fn flush(self) {
        // A retry timer may fire after the widget was removed.
        if !self.alive() {
            return;
        }
        // One post at a time, the oldest due first: comments written offline
        // reach the backend in the order they were written, and the second
        // meets the first's cooldown as a wait (`BackendError::Wait`), tried
        // again when it ends. The answer to the one on its way flushes again.
        if self.in_flight.with_value(|f| !f.is_empty()) {
            return;
        }
        let thread = self.thread_id.get_value();
        let due = self.outbox.with_value(|o| o.due(&thread, now_ms()));
        if let Some(draft) = due.into_iter().next() {
            let key = draft.idempotency_key.clone();
            self.in_flight.update_value(|f| {
                f.insert(key.clone());
            });
            let backend = self.backend.get_value();
            let thread = thread.clone();
            let id = pending_id(&key);
            self.sending.update(|s| {
                s.insert(id.clone(), SendStatus::Sending);
            });
            // This backend would store a retry again: the last try may have
            // been stored although its answer was lost. (Not while a paged
            // thread is still loading: polls wait for it, see `poll`.)
            let look_first = !self.capabilities.get_value().idempotent
                && self.load.get_untracked() == Load::Ready
                && !self.rest_loading.get_untracked()
                && self.outbox.with_value(|o| o.get(&key).is_some_and(|p| p.attempts > 0));
            let started = now_ms();
            spawn_local(async move {
                if look_first && self.landed_meanwhile(&thread, &key).await {
                    return self.flush();
                }
                let result = backend.create(&thread, draft).await;
                if !self.alive() {
                    // The widget is gone; the outbox in storage still has the post.
                    return;
                }
                self.in_flight.update_value(|f| {
                    f.remove(&key);
                });
                match result {
                    Ok(stored) => self.confirmed(&key, stored),
                    Err(e) => {
                        let retrying = e.is_transient();
                        let nudged = matches!(e, BackendError::Nudged(_));
                        let message = self.error_text(&e);
                        self.change_outbox(|o| {
                            o.failed(&key, message.clone(), retrying, nudged, now_ms(), js_sys::Math::random());
                            if let BackendError::Wait { secs, .. } = e {
                                o.not_before(&key, now_ms() + i64::from(secs.max(1)) * 1000);
                            }
                            // Tried while offline, failed after the browser came back.
                            if ONLINE_AT.get() >= started {
                                o.wake(&thread, now_ms());
                            }
                        });
                        self.sending.update(|s| {
                            s.insert(id, SendStatus::Failed { message, retrying, nudged });
                        });
                    }
                }
                self.flush();
            });
        }
        // What is not due yet (a post from before a reload, still backing
        // off) needs its timer too, or it would wait for the reader.
        self.schedule();
    }

    pub(crate) fn confirmed(self, key: &str, stored: Comment) {
        let id = pending_id(key);
        let held = stored.held && !stored.deleted;
        // Sent again under its first key after the reader changed it (Edit on
        // an unsent post whose answer was lost): the backend answers with what
        // it stored the first time. The change is then saved as an edit, so
        // there is one comment, the reader's, saying what they last wrote.
        // Only its words count: a backend may have moved a reply (`reply_depth`).
        // Not asked where it could not be acted on (both bodies are parsed).
        let changed = self
            .outbox
            .with_value(|o| o.get(key).map(|p| p.draft.clone()))
            .filter(|_| !stored.deleted && self.capabilities.get_value().edit)
            .map(|d| NewComment { parent: stored.parent.clone(), author: stored.author.clone(), ..d })
            .filter(|d| !threadline_sync::outbox::same_post(d, &stored));
        // A post rejected meanwhile comes back from a retry deleted: nothing to keep.
        if held {
            // Kept as the reader wrote it, not as the backend rendered it
            // (Isso answers HTML): a moderator may give it back to the form.
            let mut kept = stored.clone();
            if kept.format != BodyFormat::Markdown {
                if let Some(body) = self.outbox.with_value(|o| o.get(key).map(|p| p.draft.body.clone())) {
                    (kept.body, kept.format) = (body, BodyFormat::Markdown);
                }
            }
            crate::held::remember(&self.thread_id.get_value(), &kept);
        }
        self.change_outbox(|o| {
            o.sent(key);
        });
        let stored_id = stored.id.clone();
        self.thread.update(|t| {
            t.confirm(&id, stored);
            // Redraw it: it may have arrived through the stream before this answer.
            t.update(&stored_id, |_| {});
        });
        self.window.update(|w| w.rename(&id, &stored_id));
        // The event stream may have brought it first: it is the reader's own, not news.
        self.fresh.update(|f| {
            f.remove(&stored_id);
        });
        self.sending.update(|s| {
            s.remove(&id);
        });
        if self.last_posted.get_untracked().as_ref() == Some(&id) {
            self.last_posted.set(Some(stored_id.clone()));
        }
        self.say(if held { Key::HoldNotice } else { Key::CommentPosted });
        if let Some(d) = changed {
            self.save_edit(stored_id, Edit { author: d.author, body: d.body, confirm: d.confirm }, |_| {});
        }
    }

    fn schedule(self) {
        let thread = self.thread_id.get_value();
        let sending = |key: &str| self.in_flight.with_value(|f| f.contains(key));
        let Some(next) = self.outbox.with_value(|o| o.next_due(&thread, sending)) else { return };
        if let Some(old) = self.retry_timer.try_update_value(Option::take).flatten() {
            old.clear();
        }
        // `next` may come from a stored outbox another version (or a hand) wrote.
        let wait = crate::state::timer_delay(next.saturating_sub(now_ms()));
        match set_timeout_with_handle(move || self.flush(), wait) {
            Ok(handle) => self.retry_timer.set_value(Some(handle)),
            Err(_) => warn("could not arm the retry timer; use Retry"),
        }
    }

    /// Posts backing off are sent as soon as the browser is online again,
    /// not at the end of a backoff that may be minutes long by then.
    pub fn retry_when_online(self) {
        let handle = window_event_listener(leptos::ev::online, move |_| {
            ONLINE_AT.set(now_ms());
            if self.alive() {
                let thread = self.thread_id.get_value();
                self.change_outbox(|o| o.wake(&thread, now_ms()));
                self.flush();
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// The widget is going away: no retry may fire into it (the outbox in
    /// storage keeps everything for the next visit).
    pub fn stop_retries(self) {
        if let Some(old) = self.retry_timer.try_update_value(Option::take).flatten() {
            old.clear();
        }
    }

    /// The reader's Retry on an unsent comment.
    pub fn retry(self, id: &CommentId) {
        let Some(key) = id.as_str().strip_prefix("pending-") else { return };
        self.change_outbox(|o| o.retry_now(key, now_ms(), None));
        self.flush();
    }

    /// The reader's Post anyway on a comment the backend's policy asked about.
    pub fn post_anyway(self, id: &CommentId) {
        let Some(key) = id.as_str().strip_prefix("pending-") else { return };
        let Some(draft) = self.outbox.with_value(|o| o.get(key).map(|p| p.draft.clone())) else { return };
        self.change_outbox(|o| o.retry_now(key, now_ms(), Some(NewComment { confirm: true, ..draft })));
        self.flush();
    }

    /// The reader's Edit on an unsent comment: it leaves the outbox and its
    /// text goes back into the form it came from.
    pub fn edit_unsent(self, id: &CommentId) {
        let Some(key) = id.as_str().strip_prefix("pending-") else { return };
        let Some(pending) = self.change_outbox(|o| o.sent(key)) else { return };
        self.thread.update(|t| {
            t.remove_leaf(id);
        });
        self.sending.update(|s| {
            s.remove(id);
        });
        // A reply whose comment is gone from the thread (it showed at top
        // level), or deleted (a placeholder takes no replies), has no form of
        // its own to go back to: the text goes to the top-level form, where
        // it can still be posted.
        let parent = pending
            .draft
            .parent
            .filter(|p| self.thread.with_untracked(|t| t.get(p).is_some_and(|n| !n.comment.deleted)));
        if let Some(parent) = &parent {
            self.set_form_open(parent, true);
        }
        let back = HandedBack { slot: parent, text: pending.draft.body, key: Some(pending.draft.idempotency_key) };
        self.handed_back.update(|h| h.push(back));
    }
}
