//! Spam signals: too many links, and the same words or sentence repeated.

use super::Hit;
use crate::analysis::Analysis;
use crate::config::Rule;
use crate::order::sort_by;
use crate::Policy;

const TLDS: &[&str] = &[
    "com", "net", "org", "ru", "am", "az", "tr", "io", "info", "biz", "xyz", "ly", "me", "co", "us", "uk", "de", "fr",
    "su", "top", "site", "online", "club", "shop", "tk", "ml", "ga", "cf", "gq",
];

fn is_link(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    if w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.") {
        return true;
    }
    let host = w.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && labels.last().is_some_and(|t| TLDS.contains(t))
        && !word.contains('@')
}

fn links(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for chunk in text.split(|c: char| c.is_whitespace()) {
        let start = pos;
        pos += chunk.len() + text[start + chunk.len()..].chars().next().map_or(0, char::len_utf8);
        let trim = |c: char| !c.is_alphanumeric() && c != '/';
        let inner = chunk.trim_start_matches(trim);
        let s = start + (chunk.len() - inner.len());
        let inner = inner.trim_end_matches(trim);
        if !inner.is_empty() && is_link(inner) {
            out.push((s, s + inner.len()));
        }
    }
    out
}

pub(crate) fn check(policy: &Policy, a: &Analysis, hits: &mut Vec<Hit>) {
    let found = links(a.text);
    let max = policy.limits.max_links;
    if found.len() > max {
        if let (Some(f), Some(l)) = (found.first(), found.last()) {
            hits.push(Hit { rule: Rule::SpamLinks, start: f.0, end: l.1, n: max as i64 });
        }
    }
    repeated_words(a, hits);
    repeated_sentences(a, hits);
}

/// "buy now buy now buy now ...": a block of 1–6 words repeated back to back
/// at least three times and covering at least six words.
fn repeated_words(a: &Analysis, hits: &mut Vec<Hit>) {
    let w: Vec<&str> = (0..a.tokens.len()).map(|t| a.word(t)).collect();
    let mut i = 0;
    while i < w.len() {
        let mut best: Option<usize> = None;
        for p in 1..=6 {
            let mut reps = 1;
            while i + (reps + 1) * p <= w.len() && w[i + reps * p..i + (reps + 1) * p] == w[i..i + p] {
                reps += 1;
            }
            if reps >= 3 && reps * p >= 6 {
                best = Some(reps * p);
                break;
            }
        }
        match best {
            Some(n) => {
                hits.push(Hit::new(Rule::RepeatedText, a.tokens[i].start, a.tokens[i + n - 1].end));
                i += n;
            }
            None => i += 1,
        }
    }
}

/// The same sentence (three words or more) pasted three times or more.
fn repeated_sentences(a: &Analysis, hits: &mut Vec<Hit>) {
    let mut sentences: Vec<(String, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < a.tokens.len() {
        let mut j = i;
        while j < a.tokens.len() && a.tokens[j].sentence == a.tokens[i].sentence {
            j += 1;
        }
        if j - i >= 3 {
            let key = (i..j).map(|t| a.word(t)).collect::<Vec<_>>().join(" ");
            sentences.push((key, a.tokens[i].start, a.tokens[j - 1].end));
        }
        i = j;
    }
    let mut sorted: Vec<&(String, usize, usize)> = sentences.iter().collect();
    sort_by(&mut sorted, |a, b| a.cmp(b));
    let mut k = 0;
    while k < sorted.len() {
        let mut m = k;
        while m < sorted.len() && sorted[m].0 == sorted[k].0 {
            m += 1;
        }
        if m - k >= 3 {
            let start = sorted[k..m].iter().map(|s| s.1).min().unwrap_or(0);
            let end = sorted[k..m].iter().map(|s| s.2).max().unwrap_or(0);
            hits.push(Hit::new(Rule::RepeatedText, start, end));
        }
        k = m;
    }
}
