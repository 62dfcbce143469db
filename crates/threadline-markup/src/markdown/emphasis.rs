//! Emphasis, strong and strikethrough from delimiter runs, by CommonMark's
//! "process emphasis" procedure (and pulldown-cmark's tilde rules, which
//! the widget used before: `~x~` and `~~x~~` strike, runs must be equally
//! long, three tildes or more are text).
//!
//! Runs are resolved from left to right against a stack of possible
//! openers. A closer that finds no opener records, for its kind, how far
//! down the stack it looked; later closers of that kind never look below
//! that again. Matching discards the openers between the pair. So each
//! opener is looked at a bounded number of times and the whole procedure is
//! linear in the number of runs, `*` repeated 100,000 times included.

use super::scan::is_punctuation;

#[derive(Clone, Copy)]
pub(super) enum Style {
    Emphasis,
    Strong,
    Strike,
}

pub(super) struct Run {
    ch: u8,
    /// Length as typed; the rule of three looks at it.
    len: usize,
    /// Delimiters not used by a match: shown as text.
    left: usize,
    can_open: bool,
    can_close: bool,
    /// What this run closes, innermost first, then opens, innermost first.
    pub(super) closes: Vec<Style>,
    pub(super) opens: Vec<Style>,
}

impl Run {
    /// A run of `len` times `ch` between the characters `before` and
    /// `after` (none at the paragraph's edges); `None` when it can neither
    /// open nor close and is plain text.
    pub(super) fn new(ch: u8, len: usize, before: Option<char>, after: Option<char>) -> Option<Run> {
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let punct = |c: Option<char>| c.is_some_and(is_punctuation);
        let left = !space(after) && (!punct(after) || space(before) || punct(before));
        let right = !space(before) && (!punct(before) || space(after) || punct(after));
        let (can_open, can_close) = match (ch, len) {
            (b'*', _) => (left, right),
            // Like `**`, a double tilde may sit inside a word.
            (b'~', 2) => (!space(after), right),
            (b'~', 3..) => (false, false),
            // `_` and a single `~` never inside a word: snake_case stays text.
            _ => (left && (!right || punct(before)), right && (!left || punct(after))),
        };
        (can_open || can_close).then(|| Run {
            ch,
            len,
            left: len,
            can_open,
            can_close,
            closes: Vec::new(),
            opens: Vec::new(),
        })
    }

    pub(super) fn literal(&self) -> String {
        char::from(self.ch).to_string().repeat(self.left)
    }

    /// Which look-back bound a closer uses: runs that would be refused the
    /// same openers share one.
    fn kind(&self) -> usize {
        let ch = match self.ch {
            b'*' => 0,
            b'_' => 1,
            _ => 2,
        };
        ch * 6 + usize::from(self.can_open) * 3 + self.len % 3
    }

    fn pairs_with(&self, closer: &Run) -> bool {
        if self.ch != closer.ch {
            return false;
        }
        if self.ch == b'~' {
            return self.len == closer.len;
        }
        // CommonMark's rule of three, so that `*a**b*` is not read as `*a*` `*b*`.
        let either_both = self.can_close || closer.can_open;
        let sum = self.len + closer.len;
        !(either_both && sum.is_multiple_of(3) && !(self.len.is_multiple_of(3) && closer.len.is_multiple_of(3)))
    }
}

/// Matches the runs at `order` (indices into `runs`, in text order), which
/// nothing outside them can match any more.
pub(super) fn resolve(runs: &mut [Run], order: &[usize]) {
    let mut openers: Vec<usize> = Vec::new();
    let mut bottom = [0usize; 18];
    for &c in order {
        let Some(closer) = runs.get(c) else { continue };
        let (can_open, can_close, kind) = (closer.can_open, closer.can_close, closer.kind());
        while can_close && runs.get(c).is_some_and(|r| r.left > 0) {
            let Some(floor) = bottom.get_mut(kind) else { break };
            let from = (*floor).min(openers.len());
            let found = openers.get(from..).and_then(|above| {
                above.iter().rposition(|&o| runs.get(o).zip(runs.get(c)).is_some_and(|(o, c)| o.pairs_with(c)))
            });
            let Some(at) = found.map(|p| p + from) else {
                *floor = openers.len();
                break;
            };
            openers.truncate(at + 1);
            let Some(&o) = openers.last() else { break };
            let (o_left, c_left) = (runs.get(o).map_or(0, |r| r.left), runs.get(c).map_or(0, |r| r.left));
            let (used, style) = match runs.get(o).map(|r| r.ch) {
                Some(b'~') => (o_left.min(c_left), Style::Strike),
                _ if o_left >= 2 && c_left >= 2 => (2, Style::Strong),
                _ => (1, Style::Emphasis),
            };
            if let Some(opener) = runs.get_mut(o) {
                opener.left -= used;
                opener.opens.push(style);
                if opener.left == 0 {
                    openers.pop();
                }
            }
            if let Some(closer) = runs.get_mut(c) {
                closer.left -= used;
                closer.closes.push(style);
            }
            for floor in &mut bottom {
                *floor = (*floor).min(openers.len());
            }
        }
        if can_open && runs.get(c).is_some_and(|r| r.left > 0) {
            openers.push(c);
        }
    }
}
