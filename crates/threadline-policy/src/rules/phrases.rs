//! Multi-word rules from data/phrases.txt: insults aimed at "you" or at a
//! thread participant, threats, incitement to self-harm, hate phrases. A
//! pattern only matches inside one clause.

use super::Hit;
use crate::analysis::{Analysis, NAME_BIT};
use crate::config::Rule;
use crate::lexicon::{lexicon, Entry, Lexicon};
use crate::order::sort_by;
use std::sync::OnceLock;

const PHRASES: &str = include_str!("../../data/phrases.txt");

enum Alt {
    /// Index into the phrase-word lexicon.
    Word(u16),
    Class(u32),
}

enum Slot {
    Alts(Vec<Alt>),
    Gap { max: usize, mask: u32 },
    Start,
    End,
}

struct Pattern {
    rule: Rule,
    slots: Vec<Slot>,
    /// What the first word must be (classes, word ids), so most start
    /// positions are rejected without entering the matcher.
    first_mask: u32,
    first_words: Vec<u16>,
    anchored: bool,
}

impl Pattern {
    fn new(rule: Rule, slots: Vec<Slot>) -> Pattern {
        let anchored = matches!(slots.first(), Some(Slot::Start));
        let (mut first_mask, mut first_words) = (0, Vec::new());
        match slots.iter().find(|s| !matches!(s, Slot::Start)) {
            Some(Slot::Alts(alts)) => {
                for a in alts {
                    match a {
                        Alt::Class(c) => first_mask |= c,
                        Alt::Word(w) => first_words.push(*w),
                    }
                }
            }
            _ => first_mask = u32::MAX,
        }
        Pattern { rule, slots, first_mask, first_words, anchored }
    }

    fn may_start(&self, mask: u32, ids: &[u16]) -> bool {
        mask & self.first_mask != 0 || ids.iter().any(|i| self.first_words.contains(i))
    }
}

struct Compiled {
    patterns: Vec<Pattern>,
    /// Every literal word used by a pattern, looked up once per token.
    words: Lexicon,
}

fn word_id(words: &mut Vec<Entry>, specs: &mut Vec<String>, spec: String) -> Option<u16> {
    if let Some(i) = specs.iter().position(|s| *s == spec) {
        return u16::try_from(i).ok();
    }
    let e = Entry::parse(&spec, 0)?;
    words.push(e);
    specs.push(spec);
    u16::try_from(words.len() - 1).ok()
}

fn parse_slot(s: &str, words: &mut Vec<Entry>, specs: &mut Vec<String>) -> Option<Slot> {
    let lex = lexicon();
    let class = |name: &str| if name == "name" { NAME_BIT } else { lex.class_bit(name) };
    match s {
        "^" => return Some(Slot::Start),
        "$" => return Some(Slot::End),
        _ => {}
    }
    if let Some(g) = s.strip_prefix('_') {
        let (n, c) = g.split_once(':').unwrap_or((g, ""));
        let max = n.parse().ok()?;
        return Some(Slot::Gap { max, mask: if c.is_empty() { 0 } else { class(c) } });
    }
    let alts = s
        .split('|')
        .filter_map(|a| match a.strip_prefix('$') {
            Some(c) => Some(Alt::Class(class(c))),
            None if a.ends_with('*') => word_id(words, specs, a.to_string()).map(Alt::Word),
            None => word_id(words, specs, format!("{a}~")).map(Alt::Word),
        })
        .collect();
    Some(Slot::Alts(alts))
}

fn compiled() -> &'static Compiled {
    static P: OnceLock<Compiled> = OnceLock::new();
    P.get_or_init(|| {
        let (mut words, mut specs) = (Vec::new(), Vec::new());
        let patterns = PHRASES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (rule, body) = l.split_once(": ")?;
                let rule = Rule::from_id(rule.trim())?;
                let slots: Option<Vec<Slot>> =
                    body.split_whitespace().map(|s| parse_slot(s, &mut words, &mut specs)).collect();
                Some(Pattern::new(rule, slots?))
            })
            .collect();
        Compiled { patterns, words: Lexicon::from_entries(Vec::new(), words) }
    })
}

struct Clause<'x, 'a> {
    a: &'x Analysis<'a>,
    /// Phrase-word ids per token, sorted.
    ids: &'x [&'x [u16]],
    start: usize,
    end: usize,
}

impl Clause<'_, '_> {
    fn alt_ok(&self, alts: &[Alt], t: usize) -> bool {
        alts.iter().any(|alt| match alt {
            Alt::Class(bit) => self.a.masks[t] & bit != 0,
            Alt::Word(id) => self.ids[t].binary_search(id).is_ok(),
        })
    }

    /// End (exclusive) of a match of `slots` starting at token `t`.
    fn match_at(&self, slots: &[Slot], t: usize) -> Option<usize> {
        let Some((first, rest)) = slots.split_first() else {
            return Some(t);
        };
        match first {
            Slot::Start => (t == self.start).then(|| self.match_at(rest, t)).flatten(),
            Slot::End => (t == self.end).then(|| self.match_at(rest, t)).flatten(),
            Slot::Alts(alts) => (t < self.end && self.alt_ok(alts, t)).then(|| self.match_at(rest, t + 1)).flatten(),
            Slot::Gap { max, mask } => {
                for k in 0..=*max {
                    if k > 0 {
                        let g = t + k - 1;
                        if g >= self.end || (*mask != 0 && self.a.masks[g] & mask == 0) {
                            return None;
                        }
                    }
                    if let Some(e) = self.match_at(rest, t + k) {
                        return Some(e);
                    }
                }
                None
            }
        }
    }
}

pub(crate) fn check(a: &Analysis, hits: &mut Vec<Hit>) {
    let toks = &a.tokens;
    let c = compiled();
    let kind_ids: Vec<Vec<u16>> = a
        .runs
        .iter()
        .map(|forms| {
            let mut v: Vec<u16> = Vec::new();
            for r in forms {
                c.words.each_match(r, false, |i, _| v.push(i as u16));
            }
            sort_by(&mut v, u16::cmp);
            v.dedup();
            v
        })
        .collect();
    let ids: Vec<&[u16]> = a.kind.iter().map(|&k| kind_ids[k].as_slice()).collect();
    let pats = &c.patterns;
    let mut start = 0;
    while start < toks.len() {
        let mut end = start + 1;
        while end < toks.len() && toks[end].clause == toks[start].clause {
            end += 1;
        }
        let clause = Clause { a, ids: &ids, start, end };
        for p in pats {
            let last = if p.anchored { start + 1 } else { end };
            for t in start..last {
                if !p.may_start(a.masks[t], ids[t]) {
                    continue;
                }
                if let Some(e) = clause.match_at(&p.slots, t) {
                    if e > t {
                        hits.push(Hit::new(p.rule, toks[t].start, toks[e - 1].end));
                    }
                }
            }
        }
        start = end;
    }
}
