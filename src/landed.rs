//! Posts whose answer was lost, on a backend without idempotency keys
//! (json-server, Isso): a retry would store them twice, so before it the
//! widget lists what changed and takes a comment that says what the post
//! said, where it said it, as that post (`Outbox::landed`).

use crate::posting::is_pending;
use crate::state::ThreadState;
use leptos::prelude::*;
use threadline_core::{Comment, CommentId};

impl ThreadState {
    /// Lists what changed and takes `key`'s post as stored if it is there
    /// (`adopt_landed`); true when it was. A failed listing says nothing: the
    /// post is sent again rather than risk losing it.
    pub(crate) async fn landed_meanwhile(self, thread: &str, key: &str) -> bool {
        let listed = self.backend.get_value().poll(thread).await;
        if !self.alive() {
            return true;
        }
        if let Ok(Some(listed)) = listed {
            self.merge_checking(listed, Some(key));
        }
        let landed = self.outbox.with_value(|o| o.get(key).is_none());
        if landed {
            self.in_flight.update_value(|f| {
                f.remove(key);
            });
        }
        landed
    }

    /// This reader's failed posts that a backend without idempotency keys
    /// stored after all, found among `listed` (`landed_among`): each is
    /// confirmed with the comment it became instead of being sent again.
    /// Answers the ids of the comments taken.
    pub(crate) fn adopt_landed(self, listed: &[Comment], checking: Option<&str>) -> Vec<CommentId> {
        self.adopt(self.landed_among(listed, checking))
    }

    /// Which of `listed` are this reader's failed posts (`Outbox::landed`),
    /// with their keys. A post being sent right now is left to its answer,
    /// except `checking`, whose retry waits on this listing. A backend with
    /// keys answers a retry with the stored comment and its owner token
    /// (edit, delete), which a listing does not carry: nothing is taken there.
    pub(crate) fn landed_among<'c>(
        self,
        listed: impl IntoIterator<Item = &'c Comment>,
        checking: Option<&str>,
    ) -> Vec<(String, Comment)> {
        let thread = self.thread_id.get_value();
        let tried = self.outbox.with_value(|o| o.for_thread(&thread).any(|p| p.attempts > 0 && !p.stuck));
        if !tried || self.capabilities.get_value().idempotent {
            return Vec::new();
        }
        let busy = self.in_flight.get_value();
        let mut found: Vec<(String, Comment)> = Vec::new();
        self.outbox.with_value(|o| {
            for c in listed.into_iter().filter(|c| !c.deleted && !is_pending(&c.id)) {
                let Some(key) = o.landed(&thread, c) else { continue };
                let free = checking == Some(key) || !busy.contains(key);
                if free && !found.iter().any(|(k, _)| k == key) {
                    found.push((key.to_owned(), c.clone()));
                }
            }
        });
        found
    }

    /// Confirms each found post with the comment it became.
    pub(crate) fn adopt(self, found: Vec<(String, Comment)>) -> Vec<CommentId> {
        let thread = self.thread_id.get_value();
        found
            .into_iter()
            .map(|(key, c)| {
                let id = c.id.clone();
                self.backend.with_value(|b| b.adopted(&thread, &id));
                self.confirmed(&key, c);
                id
            })
            .collect()
    }
}
