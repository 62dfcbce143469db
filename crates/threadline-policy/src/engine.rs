//! Runs every rule and turns raw hits into sorted, de-duplicated findings.

use crate::analysis::Analysis;
use crate::messages::messages;
use crate::order::sort_by;
use crate::rules::{self, Hit};
use crate::{CheckContext, Draft, Finding, Outcome, Policy, Verdict};

/// Content rules read at most this many bytes: a draft this long is already
/// refused by max_length, and the cap keeps a pasted megabyte from freezing
/// the page.
const SCAN_LIMIT: usize = 64 * 1024;

fn prefix_on_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

pub(crate) fn check(policy: &Policy, draft: &Draft, ctx: &CheckContext) -> Verdict {
    let text = draft.text;
    let mut hits: Vec<Hit> = Vec::new();
    rules::context::check(policy, draft, ctx, &mut hits);
    rules::form::check(policy, text, &mut hits);
    let scanned = prefix_on_boundary(text, SCAN_LIMIT);
    let a = Analysis::new(scanned, &policy.allow_words, &ctx.participants);
    rules::words::check(&a, &policy.deny_words, &mut hits);
    rules::phrases::check(&a, &mut hits);
    rules::spam::check(policy, &a, &mut hits);

    hits.retain(|h| policy.rules.get(h.rule).enabled);
    // Overlapping hits of one rule become one finding covering both.
    sort_by(&mut hits, |x, y| (x.rule, x.start, x.end).cmp(&(y.rule, y.start, y.end)));
    let mut merged: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        match merged.last_mut() {
            Some(m) if m.rule == h.rule && h.start < m.end => m.end = m.end.max(h.end),
            _ => merged.push(h),
        }
    }
    sort_by(&mut merged, |x, y| (x.start, x.rule.id(), x.end).cmp(&(y.start, y.rule.id(), y.end)));

    let findings: Vec<Finding> = merged
        .iter()
        .map(|h| {
            let action = policy.rules.get(h.rule).action;
            let offending = text.get(h.start..h.end).unwrap_or("");
            Finding {
                rule: h.rule.id().to_string(),
                action,
                start: h.start,
                end: h.end,
                message: messages(h.rule, action, offending, h.n),
            }
        })
        .collect();
    let outcome = findings.iter().map(|f| Outcome::from(f.action)).max().unwrap_or(Outcome::Allow);
    Verdict { outcome, findings }
}
