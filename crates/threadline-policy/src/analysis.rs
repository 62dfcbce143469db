//! Everything the word and phrase rules need about a draft, computed once:
//! tokens, their candidate spellings and the word classes they belong to.

use crate::lexicon::{lexicon, runs_of};
use crate::normalize::normalize;
use crate::order::sort_by;
use crate::participants::Participants;
use crate::tokens::{tokenize, Token};

/// Class bit for "a commenter in this thread" (participant name or @mention);
/// the word lists use the low bits.
pub(crate) const NAME_BIT: u32 = 1 << 31;

pub(crate) struct Analysis<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Spellings and their letter runs per distinct token text: a comment
    /// repeats "the", "and", "Russia" often, so each is looked up once.
    pub forms: Vec<Vec<String>>,
    pub runs: Vec<Vec<Vec<(char, u8)>>>,
    /// Token index → index into `forms` / `runs`.
    pub kind: Vec<usize>,
    pub masks: Vec<u32>,
    /// Token is on the site's allow list: never flagged on its own.
    pub allowed: Vec<bool>,
}

/// Fold a word the way drafts are folded, for allow lists and names.
pub(crate) fn fold_word(w: &str) -> Vec<String> {
    let nc = normalize(w);
    tokenize(&nc).iter().map(|t| t.text.chars().filter(|&c| c != '\'').collect()).collect()
}

impl<'a> Analysis<'a> {
    /// Plain folded spelling of token `t`.
    pub(crate) fn word(&self, t: usize) -> &str {
        self.forms[self.kind[t]].first().map_or("", String::as_str)
    }

    pub(crate) fn token_runs(&self, t: usize) -> &[Vec<(char, u8)>] {
        &self.runs[self.kind[t]]
    }

    pub(crate) fn new(text: &'a str, allow: &[String], participants: &Participants) -> Analysis<'a> {
        let lex = lexicon();
        let tokens = tokenize(&normalize(text));
        let mut order: Vec<usize> = (0..tokens.len()).collect();
        sort_by(&mut order, |&x, &y| tokens[x].text.cmp(&tokens[y].text));
        let mut kind = vec![0usize; tokens.len()];
        let mut forms: Vec<Vec<String>> = Vec::new();
        for (k, &t) in order.iter().enumerate() {
            if k == 0 || tokens[order[k - 1]].text != tokens[t].text {
                forms.push(crate::forms::forms(&tokens[t].text));
            }
            kind[t] = forms.len() - 1;
        }
        let runs: Vec<Vec<Vec<(char, u8)>>> =
            forms.iter().map(|fs| fs.iter().map(|f| runs_of(&f.chars().collect::<Vec<_>>())).collect()).collect();
        let allow_set: Vec<String> = allow.iter().flat_map(|w| fold_word(w)).collect();
        let kind_allowed: Vec<bool> = forms.iter().map(|fs| fs.iter().any(|f| allow_set.contains(f))).collect();
        let kind_masks: Vec<u32> = runs
            .iter()
            .zip(&kind_allowed)
            .map(|(rs, &ok)| if ok { 0 } else { rs.iter().fold(0, |m, r| m | lex.classify_runs(r)) })
            .collect();
        let allowed: Vec<bool> = kind.iter().map(|&k| kind_allowed[k]).collect();
        let mut masks: Vec<u32> = kind.iter().map(|&k| kind_masks[k]).collect();
        for (i, t) in tokens.iter().enumerate() {
            if t.mention && t.chars > 1 {
                masks[i] |= NAME_BIT;
            }
        }
        let word = |t: usize| forms[kind[t]].first().map(String::as_str);
        for i in 0..tokens.len() {
            let Some(w) = word(i) else { continue };
            for parts in participants.starting_with(w) {
                if parts.iter().enumerate().all(|(k, p)| i + k < tokens.len() && word(i + k) == Some(p.as_str())) {
                    for m in &mut masks[i..i + parts.len()] {
                        *m |= NAME_BIT;
                    }
                }
            }
            if participants.is_surname(w) {
                masks[i] |= NAME_BIT;
            }
        }
        Analysis { text, tokens, forms, runs, kind, masks, allowed }
    }
}
