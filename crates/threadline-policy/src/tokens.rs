//! Splitting the folded stream into words, sentences and clauses. Phrase rules
//! only match inside one clause, so "the government. It is" or "Putin is an
//! idiot, don't you think" never join across punctuation.

use crate::normalize::NChar;

#[derive(Clone, Debug)]
pub(crate) struct Token {
    /// Folded chars, including in-word leet symbols such as "sh!t" or "a$$".
    pub text: String,
    /// Byte range in the original draft.
    pub start: usize,
    pub end: usize,
    pub sentence: u32,
    pub clause: u32,
    pub mention: bool,
    /// Separated from the previous token only by a short run of separator
    /// chars inside a sentence: candidate for "f u c k" / "f.u.c.k" joining.
    pub join_prev: bool,
    /// Joined to the previous token by a single "." "-" or "_" between
    /// letters, as in "fu.ck" or "sh-it".
    pub tight_prev: bool,
    pub chars: usize,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ';' | '\n' | '\r' | '。' | '։' | '՜' | '՞')
}

// Dashes are not clause marks: in Russian "Путин — идиот" the dash stands
// for the verb "is".
fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | ':' | '(' | ')' | '"' | '“' | '”' | '„' | '«' | '»' | '[' | ']' | '՝')
}

fn is_join_sep(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '_' | '*' | ',' | '/' | '|' | '~' | '+' | '·' | '\u{a0}')
}

/// Leet symbols that count as part of a word only when a letter follows.
fn is_inner_symbol(c: char) -> bool {
    matches!(c, '@' | '$' | '!' | '|' | '\'')
}

pub(crate) fn tokenize(nc: &[NChar]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let (mut sentence, mut clause) = (0u32, 0u32);
    let mut prev_end = 0usize; // index into nc just after the previous token
    let mut i = 0usize;
    let next_is_word = |j: usize| nc.get(j).is_some_and(|n| is_word(n.c));
    while i < nc.len() {
        let c = nc[i].c;
        let starts = is_word(c)
            || (matches!(c, '@' | '$') && (next_is_word(i + 1) || nc.get(i + 1).is_some_and(|n| n.c == '$')));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut text = String::new();
        while j < nc.len() {
            let d = nc[j].c;
            let take = is_word(d)
                || (j == i)
                || (d == '*')
                || (d == '$' && j > i)
                || (is_inner_symbol(d) && next_is_word(j + 1));
            if !take {
                break;
            }
            text.push(d);
            j += 1;
        }
        // Gap analysis between the previous token and this one.
        let gap = &nc[prev_end..i];
        let mut boundary = false;
        let mut clause_mark = false;
        for (k, g) in gap.iter().enumerate() {
            if g.c == '\n' || g.c == '\r' {
                boundary = true;
            }
            if is_sentence_end(g.c) {
                let followed_by_space = gap[k + 1..].iter().any(|x| x.c.is_whitespace());
                if followed_by_space || k + 1 == gap.len() && g.c != '.' {
                    boundary = true;
                }
            }
            if is_clause_mark(g.c) {
                clause_mark = true;
            }
        }
        if !out.is_empty() {
            if boundary {
                sentence += 1;
                clause += 1;
            } else if clause_mark {
                clause += 1;
            }
        }
        let join_prev =
            !out.is_empty() && !boundary && (1..=3).contains(&gap.len()) && gap.iter().all(|g| is_join_sep(g.c));
        let tight_prev = !out.is_empty()
            && !boundary
            && gap.len() == 1
            && matches!(gap[0].c, '.' | '-' | '_')
            && i >= 2
            && nc[i - 2].c.is_alphabetic()
            && c.is_alphabetic();
        let chars = text.chars().count();
        out.push(Token {
            mention: text.starts_with('@'),
            text,
            start: nc[i].start,
            end: nc[j - 1].end,
            sentence,
            clause,
            join_prev,
            tight_prev,
            chars,
        });
        prev_end = j;
        i = j;
    }
    out
}
