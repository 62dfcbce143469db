//! The discussion policy applied to a draft in the browser, with what the
//! engine needs to know about the thread and the writer.

use crate::backend::owned;
use crate::i18n::Lang;
use crate::policy_module::{self, Checked};
use crate::state::ThreadState;
use crate::storage;
use leptos::prelude::*;
use threadline_core::{Comment, CommentId};
use threadline_policy::wire::CheckRequest;
use threadline_policy::Messages;

const LAST_POST_KEY: &str = "threadline:last-post";
/// How many of the writer's own comments the duplicate rule compares with:
/// as many as the reference server takes (which also sees other threads').
const RECENT_OWN: usize = 10;

impl ThreadState {
    /// A new comment: every rule, including the cooldown since this reader's last post.
    pub fn check_draft(self, author: &str, text: &str) -> Checked {
        let last_post_ms = storage::get(LAST_POST_KEY).ok().flatten().and_then(|v| v.parse().ok());
        self.check(author, text, last_post_ms, None)
    }

    /// An edit of `id`: no cooldown (nothing new is posted), and the comment
    /// is not a duplicate of what it said before.
    pub fn check_edit(self, author: &str, text: &str, id: &CommentId) -> Checked {
        self.check(author, text, None, Some(id))
    }

    fn check(self, author: &str, text: &str, last_post_ms: Option<i64>, editing: Option<&CommentId>) -> Checked {
        let author = author.trim();
        // The reader's own comments, known by this browser having posted them
        // (as the server knows them, by who sent them), not by a name another
        // commenter may share. The latest few, oldest first.
        let mine = owned::ids(&self.thread_id.get_value());
        let recent_own = self.thread.with_untracked(|t| {
            let mut own: Vec<&Comment> = mine
                .iter()
                .filter_map(|id| t.get(&CommentId::from(id.as_str())))
                .map(|n| &n.comment)
                .filter(|c| !c.deleted && Some(&c.id) != editing)
                .collect();
            own.sort_by_key(|c| c.created_ms);
            let skip = own.len().saturating_sub(RECENT_OWN);
            own[skip..].iter().map(|c| c.body.clone()).collect()
        });
        let req = CheckRequest {
            text: text.to_owned(),
            author: author.to_owned(),
            now_ms: Some(js_sys::Date::now() as i64),
            last_post_ms,
            recent_own,
            participants: None,
        };
        // Everyone who wrote in the thread, sent to the engine only when the
        // thread's size changed (a 10,000-comment thread has hundreds).
        let key = (self.thread_id.get_value(), self.thread.with_untracked(|t| t.len()));
        policy_module::check(req, key, || {
            self.thread.with_untracked(|t| {
                let mut seen = std::collections::HashSet::new();
                t.nodes()
                    .iter()
                    .map(|n| n.comment.author.as_str())
                    .filter(|a| !a.is_empty() && seen.insert(*a))
                    .map(str::to_owned)
                    .collect()
            })
        })
    }

    /// The cooldown rule counts from here.
    pub fn note_posted(self) {
        let _ = storage::set(LAST_POST_KEY, &(js_sys::Date::now() as i64).to_string());
    }
}

/// The message in the page's language (`<html lang>`): Armenian, Russian or English.
pub fn localized(m: &Messages, lang: Lang) -> &str {
    match lang {
        Lang::Hy => &m.hy,
        Lang::Ru => &m.ru,
        Lang::En => &m.en,
    }
}
