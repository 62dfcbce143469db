//! Rules about the shape of the text: length, shouting, character runs.

use super::Hit;
use crate::config::Rule;
use crate::Policy;

pub(crate) fn check(policy: &Policy, text: &str, hits: &mut Vec<Hit>) {
    let l = &policy.limits;
    let len = text.len();
    let trimmed = text.trim();
    let chars = trimmed.chars().count();
    if chars < l.min_length {
        hits.push(Hit { rule: Rule::TooShort, start: 0, end: len, n: l.min_length as i64 });
    }
    if chars > l.max_length {
        hits.push(Hit { rule: Rule::TooLong, start: 0, end: len, n: l.max_length as i64 });
    }
    shouting(text, l.shouting_ratio, l.shouting_min_letters, hits);
    repeated_chars(text, l.repeated_char_run, hits);
}

/// Whole-draft measure: a caps phrase inside a normal comment ("ARMENIA and
/// ARMENIANS SHOULD LEARN THIS") is emphasis, a draft that is mostly caps is
/// shouting.
fn shouting(text: &str, ratio: f32, min_letters: usize, hits: &mut Vec<Hit>) {
    let (mut upper, mut cased) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
            cased += 1;
        } else if c.is_lowercase() {
            cased += 1;
        }
    }
    if upper >= min_letters && cased > 0 && upper as f32 >= ratio * cased as f32 {
        let start = text.len() - text.trim_start().len();
        let end = text.trim_end().len();
        hits.push(Hit::new(Rule::Shouting, start, end.max(start)));
    }
}

/// Runs of one character ("!!!!!!!!!!!!", "soooooooooo"). Whitespace and
/// digits are exempt (indentation, "1000000000").
fn repeated_chars(text: &str, min_run: usize, hits: &mut Vec<Hit>) {
    let mut run_start = 0usize;
    let mut run_len = 0usize;
    let mut prev: Option<char> = None;
    let flush = |start: usize, end: usize, n: usize, c: Option<char>, hits: &mut Vec<Hit>| {
        if n >= min_run && c.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit()) {
            hits.push(Hit { rule: Rule::RepeatedChars, start, end, n: min_run as i64 });
        }
    };
    for (i, c) in text.char_indices() {
        #[allow(clippy::disallowed_methods)] // "Аааа" is a run too; see normalize.rs
        let same = prev.is_some_and(|p| p == c || p.to_lowercase().eq(c.to_lowercase()));
        if same {
            run_len += 1;
        } else {
            flush(run_start, i, run_len, prev, hits);
            run_start = i;
            run_len = 1;
            prev = Some(c);
        }
    }
    flush(run_start, text.len(), run_len, prev, hits);
}
