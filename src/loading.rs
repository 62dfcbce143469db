//! Loading a thread. A backend that pages by top-level thread gives the
//! first screen from a small first page, and the rest follows while the
//! reader already reads: a 10,000-comment thread shows as fast as a short
//! one. Otherwise (and when the first screen depends on every comment: a
//! sort other than oldest first, or a permalink) the whole thread comes at once.

use crate::state::{warn, Load, ThreadState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use threadline_core::{BackendError, Comment, CommentId, FirstScreen, Listed, Ordering, SortOrder, Thread};

/// Tries at each page of the rest of a thread before saying it could not be loaded.
const REST_ATTEMPTS: u32 = 4;
/// A backend whose "next page" never ends must not keep the thread loading.
const MAX_PAGES: u32 = 200;

impl ThreadState {
    pub fn reload(self) {
        self.load.set(Load::Loading);
        // A rest that failed before belongs to the listing this one replaces.
        self.rest_failed_at.set_value(String::new());
        let backend = self.backend.get_value();
        let id = self.thread_id.get_value();
        let ordering = Self::saved_ordering();
        // Only replies in posting order can be cut to the first few.
        let screen = self.window.with_untracked(|w| FirstScreen::of(w, ordering.replies == SortOrder::Oldest));
        let progressive = ordering.top == SortOrder::Oldest && !crate::components::permalink_in_url();
        spawn_local(async move {
            let first = if progressive { backend.list_first(&id, screen) } else { None };
            let answer = match first {
                Some(page) => page.await,
                None => backend.list(&id).await.map(|comments| Listed { comments, ..Listed::default() }),
            };
            if !self.alive() {
                return;
            }
            match answer {
                Ok(Listed { comments, next: rest, unlisted, .. }) => {
                    self.show(comments, &unlisted, ordering);
                    // Asked once the first screen is drawn: building the
                    // request would otherwise run among the rows' effects.
                    if let Some(from) = rest {
                        self.rest_loading.set(true);
                        set_timeout(
                            move || {
                                if self.alive() {
                                    self.load_rest(from, 1, 1);
                                }
                            },
                            std::time::Duration::ZERO,
                        );
                    }
                }
                // What was rendered stays; the message says what went wrong.
                Err(e) => self.load.set(Load::Failed(self.error_text(&e))),
            }
            // A post whose answer was lost before the reload may be in the
            // list: it is that comment now, not a post to send again.
            let found = self.thread.with_untracked(|t| self.landed_among(t.nodes().iter().map(|n| &n.comment), None));
            self.adopt(found);
            self.show_outbox();
            self.flush();
        });
    }

    fn show(self, list: Vec<Comment>, unlisted: &[(CommentId, usize)], ordering: Ordering) {
        let mut thread = Thread::build(list);
        thread.sort(ordering);
        thread.set_unlisted(unlisted);
        thread.drop_deleted_leaves();
        for w in thread.warnings() {
            warn(&w.to_string());
        }
        // This reader's comments awaiting a moderator, which no listing has.
        let now = js_sys::Date::now() as i64;
        let held = crate::held::still_held(&self.thread_id.get_value(), thread.nodes().iter().map(|n| &n.comment), now);
        for c in held.iter().cloned() {
            if thread.find(&c.id).is_none() {
                self.window.update(|w| w.pin(&c.id));
                // Under its parent, or at top level when the parent is not (yet) here.
                if thread.insert(c.clone()).is_err() {
                    let _ = thread.insert(Comment { parent: None, ..c });
                }
            }
        }
        // Replies half-written before a reload open again where they were.
        for id in crate::storage::ids_with("draft:reply", &self.thread_id.get_value()) {
            let id = CommentId::from(id.as_str());
            if thread.find(&id).is_some() {
                self.set_form_open(&id, true);
            }
        }
        self.thread.set(thread);
        self.load.set(Load::Ready);
        self.count_unreadable();
        self.ask_after_held(held);
    }

    /// The comments after the first page, folded in quietly (they are not
    /// news, unlike what a poll brings). Polls wait until they are in, so a
    /// new reply never arrives before its parent.
    fn load_rest(self, from: String, page: u32, attempt: u32) {
        self.rest_loading.set(true);
        let backend = self.backend.get_value();
        let id = self.thread_id.get_value();
        spawn_local(async move {
            let answer = backend.list_rest(&id, from.clone()).await;
            if !self.alive() {
                return;
            }
            match answer {
                Ok(Listed { comments, next, first_screen, unlisted }) => {
                    self.count_unreadable();
                    // Merging places each comment by the thread's own order: no re-sort.
                    crate::held::still_held(&id, &comments, js_sys::Date::now() as i64);
                    self.thread.update(|t| {
                        // Whole threads: what the screen's pages left out of them is here.
                        let whole: Vec<CommentId> = if !first_screen && t.has_unlisted() {
                            comments.iter().map(|c| c.id.clone()).collect()
                        } else {
                            Vec::new()
                        };
                        crate::held::make_way(t, &comments);
                        t.merge(comments);
                        crate::held::place_under_parents(&id, t);
                        t.clear_unlisted_of(&whole);
                        t.set_unlisted(&unlisted);
                    });
                    match next {
                        // A listing that names the page it just gave as the next would loop.
                        Some(next) if next == from => self.rest_failed(
                            None,
                            &BackendError::Invalid(format!("the listing's next page is the one it just gave ({from})")),
                        ),
                        Some(next) if page < MAX_PAGES => self.load_rest(next, page + 1, 1),
                        Some(_) => self.rest_failed(
                            None,
                            &BackendError::Invalid(format!("the listing went on past {MAX_PAGES} pages")),
                        ),
                        None => {
                            self.rest_done();
                            self.stale.set(None);
                        }
                    }
                }
                Err(e) if attempt < REST_ATTEMPTS => {
                    warn(&format!("the rest of the thread did not load (attempt {attempt}): {e}"));
                    let wait = std::time::Duration::from_millis(1000 << attempt);
                    set_timeout(move || self.load_rest(from, page, attempt + 1), wait);
                }
                Err(e) => self.rest_failed(Some(from), &e),
            }
        });
    }

    /// What did load stays; the reader is told the thread is not whole. A
    /// page that could not be had (not one the backend got wrong) is asked
    /// for again when the reader asks for more (`retry_rest`).
    fn rest_failed(self, at: Option<String>, e: &BackendError) {
        self.rest_failed_at.set_value(at.unwrap_or_default());
        self.rest_done();
        let error = self.error_text(e);
        // The sentence goes on after the reason: its own full stop would double.
        let reason = error.trim_end_matches(['.', '։']);
        self.stale.set(Some(crate::i18n::fill(self.t(crate::i18n::Key::RestNotLoaded), &[("reason", reason)])));
    }

    /// Loads the rest again from where it failed, if it did.
    pub fn retry_rest(self) {
        let from = self.rest_failed_at.try_update_value(std::mem::take).unwrap_or_default();
        if !from.is_empty() {
            self.stale.set(None);
            self.load_rest(from, 1, 1);
        }
    }

    fn rest_done(self) {
        self.rest_loading.set(false);
        let held = self.held.try_update_value(std::mem::take).unwrap_or_default();
        if !held.is_empty() {
            self.merge(held);
        }
    }
}
