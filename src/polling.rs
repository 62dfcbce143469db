//! Keeping an open thread current: the backend is asked again every so often
//! (never while the tab is hidden) and the answer is merged by id, so what
//! the reader has open — collapsed threads, reply forms, scroll position —
//! stays as it is, and new comments are marked as new.

use crate::state::{warn, Load, ThreadState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use threadline_sync::outbox::same_comment;

/// At most this many comments arriving at once are pinned on screen.
const FRESH_PINS: usize = 20;

fn tab_visible() -> bool {
    web_sys::window().and_then(|w| w.document()).is_none_or(|d| !d.hidden())
}

impl ThreadState {
    /// Polls every `every` until the component that called this is removed,
    /// and follows the backend's event stream when it has one (polling then
    /// only catches what a dropped connection missed).
    pub fn keep_current(self, every: Duration) {
        match set_interval_with_handle(move || self.poll(), every.min(crate::state::LONGEST_DELAY)) {
            Ok(handle) => on_cleanup(move || handle.clear()),
            Err(_) => warn("could not start polling for new comments"),
        }
        self.follow_stream();
    }

    fn follow_stream(self) {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let thread = self.thread_id.get_value();
        let Some((url, event)) = self.backend.with_value(|b| b.stream(&thread)) else { return };
        let Ok(source) = web_sys::EventSource::new(&url) else {
            return warn("could not open the comment stream; polling instead");
        };
        let on_comment = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if !self.alive() {
                return;
            }
            let data = e.data().as_string().unwrap_or_default();
            match self.backend.with_value(|b| b.parse_event(&data)) {
                // A reply to a comment of the part still loading would have no
                // parent yet: held until the thread is whole (`loading.rs`).
                Ok(c) if self.rest_loading.get_untracked() => self.held.update_value(|h| h.push(c)),
                Ok(c) => self.merge(vec![c]),
                Err(m) => {
                    warn(&format!("a stream event was not understood: {m}"));
                    self.count_unreadable();
                }
            }
        });
        // Subscribed (again, after a reconnect) or fallen behind: fetch what may have been missed.
        let catch_up = Closure::<dyn Fn(web_sys::Event)>::new(move |_| self.poll());
        let _ = source.add_event_listener_with_callback(&event, on_comment.as_ref().unchecked_ref());
        let _ = source.add_event_listener_with_callback("ready", catch_up.as_ref().unchecked_ref());
        let _ = source.add_event_listener_with_callback("lagged", catch_up.as_ref().unchecked_ref());
        let keep = send_wrapper::SendWrapper::new((source, on_comment, catch_up));
        on_cleanup(move || keep.0.close());
    }

    pub fn poll(self) {
        // The thread never loaded (the backend was down when the page
        // opened): each poll, or the stream coming back, tries again.
        if self.alive() && tab_visible() && matches!(self.load.get_untracked(), Load::Failed(_)) {
            return self.reload();
        }
        if !self.alive()
            || !tab_visible()
            || self.load.get_untracked() != Load::Ready
            || self.rest_loading.get_untracked()
            || self.polling.get_value()
        {
            return;
        }
        self.polling.set_value(true);
        let backend = self.backend.get_value();
        let thread = self.thread_id.get_value();
        spawn_local(async move {
            // Cursor or ETag when the backend offers them: an unchanged thread costs almost nothing.
            let answer = backend.poll(&thread).await;
            if !self.alive() {
                return;
            }
            self.polling.set_value(false);
            // A failed poll changes nothing on screen but says so; the next one may work.
            self.stale.set(answer.as_ref().err().map(|e| self.error_text(e)));
            self.count_unreadable();
            match answer {
                Ok(Some(changed)) => self.merge(changed),
                Ok(None) => {}
                Err(e) => warn(&format!("could not check for new comments: {e}")),
            }
        });
    }

    /// Folds new and changed comments in; deletions the backend reports leave
    /// a placeholder (or nothing, for a comment without replies).
    pub fn merge(self, changed: Vec<threadline_core::Comment>) {
        self.merge_checking(changed, None);
    }

    /// `merge`, from the listing a retry of `checking` waits on: that post,
    /// though still marked as being sent, may be taken as stored.
    pub(crate) fn merge_checking(self, mut changed: Vec<threadline_core::Comment>, checking: Option<&str>) {
        // A post of this reader's whose answer was lost, stored after all.
        let adopted = self.adopt_landed(&changed, checking);
        changed.retain(|c| !adopted.contains(&c.id));
        // The event stream can bring the reader's own comment before the
        // answer to their post: that answer replaces the "Sending…" row in
        // place, so the stream's copy is left out instead of showing it twice.
        self.thread.with_untracked(|t| {
            self.sending.with_untracked(|s| {
                let ours: Vec<_> = s.keys().filter_map(|id| t.get(id)).map(|n| &n.comment).collect();
                if !ours.is_empty() {
                    changed.retain(|c| !ours.iter().any(|o| same_comment(o, c)));
                }
            })
        });
        let thread_id = self.thread_id.get_value();
        let turned_down = crate::held::turned_down_among(&thread_id, &changed);
        if changed.iter().any(|c| !c.held) {
            // One of this reader's held comments among them was let through.
            crate::held::still_held(&thread_id, &changed, js_sys::Date::now() as i64);
        }
        let mut added = Vec::new();
        self.thread.update(|t| {
            // A backend that keeps deleted records (json-server) lists them
            // all again: one not shown has nothing to bring.
            changed.retain(|c| !c.deleted || t.find(&c.id).is_some());
            let gone: Vec<_> = changed.iter().filter(|c| c.deleted).map(|c| c.id.clone()).collect();
            let released = crate::held::make_way(t, &changed);
            added = t.merge(changed);
            added.retain(|id| !released.contains(id));
            for id in gone {
                // Placeholders with replies stay; only leaves go.
                if t.get(&id).is_some_and(|n| n.children.is_empty()) {
                    t.delete(&id);
                }
            }
        });
        if !added.is_empty() {
            // A few new comments are news: show them whatever the paging. A
            // flood (a long absence) is left to "more" like the rest.
            if added.len() <= FRESH_PINS {
                self.window.update(|w| added.iter().for_each(|id| w.pin(id)));
            }
            self.fresh.update(|f| f.extend(added));
        }
        for c in turned_down {
            self.turned_down(&thread_id, c);
        }
    }
}
