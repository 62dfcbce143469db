//! Single words that break the policy wherever they appear (profanity, slurs,
//! sexual terms, first-person threats such as "убью"), including words
//! spelled out letter by letter ("f u c k", "f.u.c.k") or split by one
//! in-word separator ("fu.ck"), plus the site's own deny list.

use super::Hit;
use crate::analysis::{fold_word, Analysis};
use crate::config::Rule;
use crate::forms::forms;
use crate::lexicon::{lexicon, Entry};

const DIRECT: [(&str, Rule); 5] = [
    ("profanity", Rule::Profanity),
    ("slur", Rule::Slur),
    ("sexual", Rule::Sexual),
    ("threat", Rule::Threat),
    ("self_harm", Rule::SelfHarm),
];

/// Longest letter-by-letter run worth reassembling.
const MAX_SPELLED: usize = 24;

fn classify_text(text: &str) -> u32 {
    let lex = lexicon();
    forms(text).iter().fold(0, |m, f| m | lex.classify(f))
}

pub(crate) fn check(a: &Analysis, deny: &[String], hits: &mut Vec<Hit>) {
    let lex = lexicon();
    let bits: Vec<(u32, Rule)> = DIRECT.iter().map(|&(n, r)| (lex.class_bit(n), r)).collect();
    let direct: u32 = bits.iter().fold(0, |m, b| m | b.0);
    let toks = &a.tokens;
    let push = |mask: u32, start: usize, end: usize, hits: &mut Vec<Hit>| {
        for &(bit, rule) in &bits {
            if mask & bit != 0 {
                hits.push(Hit::new(rule, start, end));
            }
        }
    };
    for (i, t) in toks.iter().enumerate() {
        if !a.allowed[i] {
            push(a.masks[i], t.start, t.end, hits);
        }
    }

    // Letter-by-letter spelling inside one sentence.
    let mut i = 0;
    while i < toks.len() {
        if toks[i].chars != 1 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && toks[j].chars == 1 && toks[j].join_prev {
            j += 1;
        }
        if j - i >= 3 {
            let end = j.min(i + MAX_SPELLED);
            let mut s = i;
            while s + 3 <= end {
                let found = (s + 3..=end).rev().find_map(|e| {
                    let text: String = toks[s..e].iter().map(|t| t.text.as_str()).collect();
                    let m = classify_text(&text) & direct;
                    (m != 0).then_some((e, m))
                });
                match found {
                    Some((e, m)) => {
                        push(m, toks[s].start, toks[e - 1].end, hits);
                        s = e;
                    }
                    None => s += 1,
                }
            }
        }
        i = j;
    }

    // Words split by one in-word separator: "fu.ck", "sh-it", "c_unt".
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        while j + 1 < toks.len() && toks[j + 1].tight_prev && j - i < 5 {
            j += 1;
        }
        if j > i {
            let text: String = toks[i..=j].iter().map(|t| t.text.as_str()).collect();
            let parts: u32 = a.masks[i..=j].iter().fold(0, |m, x| m | x);
            let m = classify_text(&text) & direct & !parts;
            push(m, toks[i].start, toks[j].end, hits);
        }
        i = j + 1;
    }

    // Site deny list; a multi-word entry must match consecutive words.
    for item in deny {
        let seq: Vec<Entry> = fold_word(item).iter().filter_map(|w| Entry::parse(w, 1)).collect();
        if seq.is_empty() || seq.len() > toks.len() {
            continue;
        }
        for i in 0..=toks.len() - seq.len() {
            let ok = seq.iter().enumerate().all(|(k, e)| a.token_runs(i + k).iter().any(|r| e.matches(r)));
            if ok && !a.allowed[i] {
                hits.push(Hit::new(Rule::DenyWord, toks[i].start, toks[i + seq.len() - 1].end));
            }
        }
    }
}
