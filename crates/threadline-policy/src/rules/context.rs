//! Rules about the writer rather than the words: blocked names, posting
//! cooldown, repeating one's own recent comment.

use super::Hit;
use crate::analysis::fold_word;
use crate::config::Rule;
use crate::{CheckContext, Draft, Policy};

pub(crate) fn check(policy: &Policy, draft: &Draft, ctx: &CheckContext, hits: &mut Vec<Hit>) {
    let len = draft.text.len();
    let author = fold_word(draft.author);
    if !author.is_empty() && policy.blocked_authors.iter().any(|b| fold_word(b) == author) {
        hits.push(Hit::new(Rule::BlockedAuthor, 0, len));
    }
    if let (Some(now), Some(last)) = (ctx.now_ms, ctx.last_post_ms) {
        let wait_ms = i64::from(policy.limits.cooldown_seconds) * 1000;
        let elapsed = now.saturating_sub(last);
        if (0..wait_ms).contains(&elapsed) {
            let left = (wait_ms - elapsed + 999) / 1000;
            hits.push(Hit { rule: Rule::Cooldown, start: 0, end: len, n: left });
        }
    }
    if !ctx.recent_own.is_empty() {
        // Compared word by word after folding, so re-posting with different
        // spacing or capitals still counts as the same comment.
        let words = fold_word(draft.text);
        if !words.is_empty() && ctx.recent_own.iter().any(|r| fold_word(r) == words) {
            hits.push(Hit::new(Rule::Duplicate, 0, len));
        }
    }
}
