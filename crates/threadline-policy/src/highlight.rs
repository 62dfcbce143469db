//! Cuts a draft into plain and flagged pieces for showing findings in place.
//! Overlapping findings merge into one piece carrying the strongest action;
//! offsets that are out of range or inside a character are clamped, so a
//! view built on this can never panic on a finding.

use crate::config::Rule;
use crate::order::sort_by;
use crate::{Action, Finding};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// `None` for text no finding covers.
    pub action: Option<Action>,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub fn segments(text: &str, findings: &[Finding]) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, Action)> = findings
        .iter()
        // Findings about the whole draft or its writer (length, cooldown, a
        // repeat, a blocked name) would paint everything; words that are the
        // whole draft ("you are an idiot 😀😀 you are an idiot") are marked.
        .filter(|f| !Rule::from_id(&f.rule).is_some_and(Rule::about_whole_draft))
        .map(|f| (floor_boundary(text, f.start), floor_boundary(text, f.end), f.action))
        .filter(|(s, e, _)| s < e)
        .collect();
    sort_by(&mut spans, |a, b| a.cmp(b));
    let mut merged: Vec<(usize, usize, Action)> = Vec::new();
    for (s, e, a) in spans {
        match merged.last_mut() {
            Some(last) if s < last.1 => {
                last.1 = last.1.max(e);
                last.2 = last.2.max(a);
            }
            _ => merged.push((s, e, a)),
        }
    }
    let mut out = Vec::with_capacity(merged.len() * 2 + 1);
    let mut at = 0;
    for (s, e, a) in merged {
        if s > at {
            out.push(Segment { start: at, end: s, action: None });
        }
        out.push(Segment { start: s, end: e, action: Some(a) });
        at = e;
    }
    if at < text.len() {
        out.push(Segment { start: at, end: text.len(), action: None });
    }
    out
}
