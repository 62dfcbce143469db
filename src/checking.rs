//! The discussion policy applied to a draft in the browser, with what the
//! engine needs to know about the thread and the writer.

use crate::state::ThreadState;
use crate::storage;
use leptos::prelude::*;
use threadline_policy::{CheckContext, Draft, Messages, Verdict};

const LAST_POST_KEY: &str = "threadline:last-post";
/// How many of the writer's own comments the duplicate rule compares with.
const RECENT_OWN: usize = 5;

impl ThreadState {
    pub fn check_draft(self, author: &str, text: &str) -> Verdict {
        let (participants, recent_own) = self.thread.with_untracked(|t| {
            let mut names: Vec<String> = Vec::new();
            let mut own: Vec<String> = Vec::new();
            for n in t.nodes() {
                let c = &n.comment;
                if !c.author.is_empty() && !names.contains(&c.author) {
                    names.push(c.author.clone());
                }
                if !author.trim().is_empty() && c.author == author.trim() {
                    own.push(c.body.clone());
                }
            }
            let skip = own.len().saturating_sub(RECENT_OWN);
            (names, own.split_off(skip))
        });
        let ctx = CheckContext {
            now_ms: Some(js_sys::Date::now() as i64),
            last_post_ms: storage::get(LAST_POST_KEY).ok().flatten().and_then(|v| v.parse().ok()),
            recent_own,
            participants,
        };
        self.policy.with_value(|p| p.check(&Draft { text, author }, &ctx))
    }

    /// The cooldown rule counts from here.
    pub fn note_posted(self) {
        let _ = storage::set(LAST_POST_KEY, &(js_sys::Date::now() as i64).to_string());
    }

    /// Builds the word lists once while the reader is still reading, so the
    /// first check as they type is as fast as the rest.
    pub fn warm_up_policy(self) {
        let _ =
            self.policy.try_with_value(|p| p.check(&Draft { text: "warm up", author: "" }, &CheckContext::default()));
    }
}

/// The message in the page's language (`<html lang>`): Armenian, Russian or English.
pub fn localized(m: &Messages) -> &str {
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    match lang.get(..2) {
        Some("hy") => &m.hy,
        Some("ru") => &m.ru,
        _ => &m.en,
    }
}
