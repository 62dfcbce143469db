//! Keeping an open thread current: the backend is asked again every so often
//! (never while the tab is hidden) and the answer is merged by id, so what
//! the reader has open — collapsed threads, reply forms, scroll position —
//! stays as it is, and new comments are marked as new.

use crate::state::{warn, Load, ThreadState};
use leptos::prelude::*;
use std::time::Duration;

fn tab_visible() -> bool {
    web_sys::window().and_then(|w| w.document()).is_none_or(|d| !d.hidden())
}

impl ThreadState {
    /// Polls every `every` until the component that called this is removed.
    pub fn keep_current(self, every: Duration) {
        match set_interval_with_handle(move || self.poll(), every) {
            Ok(handle) => on_cleanup(move || handle.clear()),
            Err(_) => warn("could not start polling for new comments"),
        }
    }

    pub fn poll(self) {
        if !self.alive() || !tab_visible() || self.load.get_untracked() != Load::Ready || self.polling.get_value() {
            return;
        }
        self.polling.set_value(true);
        self.with_listing(move |answer| {
            self.polling.set_value(false);
            match answer {
                Ok(listing) => {
                    let mut added = Vec::new();
                    self.thread.update(|t| added = t.merge(listing));
                    if !added.is_empty() {
                        self.fresh.update(|f| f.extend(added));
                    }
                }
                // A failed poll changes nothing on screen; the next one may work.
                Err(e) => warn(&format!("could not check for new comments: {e}")),
            }
        });
    }
}
