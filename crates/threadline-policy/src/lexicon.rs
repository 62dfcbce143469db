//! Word lists (data/words.txt) compiled into a sorted index of run-collapsed
//! skeletons. Matching is whole-word: an entry matches a token only when the
//! rest of the token is an allowed ending, which is what keeps "Scunthorpe",
//! "assassin" and "cocktail" clean without an exception list.

use crate::order::sort_by;
use std::sync::OnceLock;

const WORDS: &str = include_str!("../data/words.txt");

#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Mode {
    /// Base plus one of the allowed endings (or nothing).
    Endings,
    /// Base followed by anything ("fuck*" covers "fucking", "fuckwit").
    Prefix,
}

const EN_ENDINGS: &[&str] = &["s", "es", "ed", "er", "ers", "ing", "in", "y", "ies", "ic", "ish"];
const RU_ENDINGS: &[&str] = &[
    "а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "ой", "ей", "ом", "ем", "ам", "ям", "ами", "ями", "ах", "ях", "ов",
    "ев", "ью", "ая", "ое", "ые", "ий", "ый", "ого", "его", "ому", "ым", "им", "ую", "их", "ых", "ка", "ки", "ку",
    "ке", "кой", "ина", "ины", "ище", "ство",
];
const HY_ENDINGS: &[&str] =
    &["ը", "ն", "ի", "ու", "ով", "ից", "ին", "ներ", "ները", "ներին", "ներից", "ներով", "երը", "եր", "երին", "ություն"];
/// Russian verb/noun prefixes that attach to obscene roots ("на-хуй",
/// "за-ебал", "от-ъ-ебись", "долбо-ёб"). Only entries marked "^" accept them.
const RU_PREFIXES: &[&str] = &[
    "недо",
    "долбо",
    "пере",
    "разъ",
    "расъ",
    "подъ",
    "отъ",
    "объ",
    "изъ",
    "въ",
    "съ",
    "раз",
    "рас",
    "про",
    "при",
    "под",
    "вы",
    "за",
    "на",
    "по",
    "до",
    "от",
    "об",
    "ни",
    "у",
    "о",
];

#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub runs: Vec<(char, u8)>,
    pub mode: Mode,
    pub endings: Vec<Box<str>>,
    pub default_endings: &'static [&'static str],
    pub ru_prefix: bool,
    pub class: u32,
}

pub(crate) fn runs_of(chars: &[char]) -> Vec<(char, u8)> {
    let mut out: Vec<(char, u8)> = Vec::with_capacity(chars.len());
    for &c in chars {
        match out.last_mut() {
            Some((p, n)) if *p == c => *n = n.saturating_add(1),
            _ => out.push((c, 1)),
        }
    }
    out
}

fn expand(runs: &[(char, u8)]) -> String {
    runs.iter().flat_map(|&(c, n)| std::iter::repeat_n(c, n as usize)).collect()
}

impl Entry {
    /// Parse one list line: "^" root takes Russian prefixes, trailing "*" is a
    /// prefix, trailing "~" forbids endings, "/a/b" lists the only endings.
    pub(crate) fn parse(spec: &str, class: u32) -> Option<Entry> {
        let (ru_prefix, spec) = match spec.strip_prefix('^') {
            Some(s) => (true, s),
            None => (false, spec),
        };
        let mut parts = spec.split('/');
        let mut base = parts.next()?.trim();
        let listed: Vec<Box<str>> = parts.map(|p| p.trim().into()).collect();
        let mut mode = Mode::Endings;
        let mut default_endings: &'static [&'static str] = &[];
        if let Some(b) = base.strip_suffix('*') {
            base = b;
            mode = Mode::Prefix;
        } else if let Some(b) = base.strip_suffix('~') {
            base = b;
        } else if listed.is_empty() {
            default_endings = match base.chars().next() {
                Some(c) if ('\u{400}'..='\u{52f}').contains(&c) => RU_ENDINGS,
                Some(c) if ('\u{531}'..='\u{58f}').contains(&c) => HY_ENDINGS,
                _ => EN_ENDINGS,
            };
        }
        let chars: Vec<char> = base.chars().collect();
        if chars.is_empty() {
            return None;
        }
        Some(Entry { runs: runs_of(&chars), mode, endings: listed, default_endings, ru_prefix, class })
    }

    fn ending_ok(&self, rest: &str) -> bool {
        rest.is_empty()
            || self.mode == Mode::Prefix
            || self.endings.iter().any(|e| &**e == rest)
            || self.default_endings.contains(&rest)
    }

    /// Whole-token match of this entry against token runs. Letters may be
    /// stretched ("fuuuuck"), never shortened ("as" is not "ass").
    pub(crate) fn matches(&self, tok: &[(char, u8)]) -> bool {
        let p = &self.runs;
        if tok.len() < p.len() {
            return false;
        }
        let last = p.len() - 1;
        for i in 0..last {
            if tok[i].0 != p[i].0 || tok[i].1 < p[i].1 {
                return false;
            }
        }
        let (tc, tn) = tok[last];
        let (pc, pn) = p[last];
        if tc != pc || tn < pn {
            return false;
        }
        let after = expand(&tok[last + 1..]);
        if (tn == pn || tn >= 3) && self.ending_ok(&after) {
            return true;
        }
        // The final letter's run may be shared with the ending ("shit"+"ty").
        let mut rest: String = std::iter::repeat_n(tc, (tn - pn) as usize).collect();
        rest.push_str(&after);
        self.ending_ok(&rest)
    }

    /// Every spelling this entry accepts, for the rare masked token ("f*ck").
    fn spellings(&self) -> Vec<(String, bool)> {
        let base = expand(&self.runs);
        let mut v = vec![(base.clone(), self.mode == Mode::Prefix)];
        for e in self.endings.iter().map(|e| &**e).chain(self.default_endings.iter().copied()) {
            v.push((format!("{base}{e}"), false));
        }
        v
    }
}

/// "*" in a token masks 0..=n+1 letters ("f*ck", "f**k", "a**hole").
fn glob(tok: &[char], pat: &[char], prefix: bool) -> bool {
    match tok.first() {
        None => pat.is_empty() || prefix,
        Some('*') => {
            let stars = tok.iter().take_while(|&&c| c == '*').count();
            (0..=stars + 1).any(|k| k <= pat.len() && glob(&tok[stars..], &pat[k..], prefix))
        }
        Some(&c) => pat.first() == Some(&c) && glob(&tok[1..], &pat[1..], prefix),
    }
}

pub(crate) struct Lexicon {
    pub classes: Vec<String>,
    entries: Vec<Entry>,
    /// (skeleton, entry index) sorted by skeleton.
    index: Vec<(Vec<char>, u32)>,
    longest: usize,
}

impl Lexicon {
    pub(crate) fn parse(text: &str) -> Lexicon {
        let mut classes: Vec<String> = Vec::new();
        let mut entries = Vec::new();
        let mut class = 0u32;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                class = match classes.iter().position(|c| c == name) {
                    Some(i) => 1 << i,
                    None => {
                        classes.push(name.to_string());
                        1 << (classes.len() - 1)
                    }
                };
                continue;
            }
            for spec in line.split_whitespace() {
                if let Some(e) = Entry::parse(spec, class) {
                    entries.push(e);
                }
            }
        }
        Lexicon::from_entries(classes, entries)
    }

    pub(crate) fn from_entries(classes: Vec<String>, entries: Vec<Entry>) -> Lexicon {
        let mut index: Vec<(Vec<char>, u32)> =
            entries.iter().enumerate().map(|(i, e)| (e.runs.iter().map(|r| r.0).collect(), i as u32)).collect();
        sort_by(&mut index, |a, b| a.cmp(b));
        let longest = index.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        Lexicon { classes, entries, index, longest }
    }

    pub(crate) fn class_bit(&self, name: &str) -> u32 {
        self.classes.iter().position(|c| c == name).map_or(0, |i| 1 << i)
    }

    /// Calls `found` with the index of every entry matching the whole token.
    /// Walks the sorted skeletons like a trie: each further char narrows the
    /// range, and most tokens leave it empty after one or two chars.
    pub(crate) fn each_match(&self, runs: &[(char, u8)], prefixed_only: bool, mut found: impl FnMut(usize, &Entry)) {
        let (mut lo, mut hi) = (0usize, self.index.len());
        for (len, &(c, _)) in (1..=self.longest).zip(runs.iter()) {
            let sub = &self.index[lo..hi];
            let a = sub.partition_point(|(k, _)| k.len() < len || k[len - 1] < c);
            let b = sub.partition_point(|(k, _)| k.len() < len || k[len - 1] <= c);
            (lo, hi) = (lo + a, lo + b);
            if lo == hi {
                break;
            }
            for (k, idx) in &self.index[lo..hi] {
                if k.len() != len {
                    break;
                }
                let e = &self.entries[*idx as usize];
                if (!prefixed_only || e.ru_prefix) && e.matches(runs) {
                    found(*idx as usize, e);
                }
            }
        }
    }

    fn lookup(&self, runs: &[(char, u8)], prefixed_only: bool) -> u32 {
        let mut mask = 0;
        self.each_match(runs, prefixed_only, |_, e| mask |= e.class);
        mask
    }

    /// Classes of every entry matching this spelling of a token.
    pub(crate) fn classify(&self, form: &str) -> u32 {
        let chars: Vec<char> = form.chars().collect();
        self.classify_runs(&runs_of(&chars))
    }

    pub(crate) fn classify_runs(&self, runs: &[(char, u8)]) -> u32 {
        if runs.iter().any(|r| r.0 == '*') {
            let chars: Vec<char> = runs.iter().flat_map(|&(c, n)| std::iter::repeat_n(c, n as usize)).collect();
            return self.glob_scan(&chars);
        }
        let mut mask = self.lookup(runs, false);
        if runs.first().is_some_and(|r| ('а'..='я').contains(&r.0)) {
            let chars: Vec<char> = runs.iter().flat_map(|&(c, n)| std::iter::repeat_n(c, n as usize)).collect();
            for p in RU_PREFIXES {
                let n = p.chars().count();
                if chars.len() > n + 1 && chars.iter().take(n).copied().eq(p.chars()) {
                    mask |= self.lookup(&runs_of(&chars[n..]), true);
                }
            }
        }
        mask
    }

    fn glob_scan(&self, tok: &[char]) -> u32 {
        let letters = tok.iter().filter(|c| c.is_alphabetic()).count();
        let groups = tok.windows(2).filter(|w| w[0] != '*' && w[1] == '*').count();
        // Bounded so a crafted "a*b*c*..." token cannot blow up the search.
        if letters < 2 || tok.first() == Some(&'*') || tok.len() > 24 || groups > 3 {
            return 0;
        }
        let mut mask = 0;
        for e in &self.entries {
            if mask & e.class != 0 || e.runs.first().map(|r| r.0) != tok.first().copied() {
                continue;
            }
            if e.spellings().iter().any(|(s, pre)| glob(tok, &s.chars().collect::<Vec<_>>(), *pre)) {
                mask |= e.class;
            }
        }
        mask
    }
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(WORDS))
}
