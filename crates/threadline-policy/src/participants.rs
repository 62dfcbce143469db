//! The thread's commenters, folded once. A draft is checked on every pause
//! in typing, and a big thread has hundreds of names: folding each name for
//! every check, and comparing every token with every name, cost more than the
//! rest of the check. Built once per set of names and cheap to clone.

use crate::analysis::fold_word;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct Participants(Arc<Index>);

#[derive(Debug, Default)]
struct Index {
    /// Each name's folded words, under its first word.
    by_first: HashMap<String, Vec<Vec<String>>>,
    /// The longest word (4 letters or more) of a name of several words:
    /// "H. Boghossian" is also addressed as just "Boghossian".
    surnames: HashSet<String>,
    names: usize,
}

impl Participants {
    pub fn new<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Participants {
        let mut index = Index::default();
        for name in names {
            let parts = fold_word(name.as_ref());
            let Some(first) = parts.first() else { continue };
            index.names += 1;
            if parts.len() > 1 {
                if let Some(longest) = parts.iter().filter(|p| p.chars().count() >= 4).max_by_key(|p| p.len()) {
                    index.surnames.insert(longest.clone());
                }
            }
            index.by_first.entry(first.clone()).or_default().push(parts);
        }
        Participants(Arc::new(index))
    }

    /// Names that fold to at least one word.
    pub fn len(&self) -> usize {
        self.0.names
    }

    pub fn is_empty(&self) -> bool {
        self.0.names == 0
    }

    /// The folded word sequences of the names that start with `word`.
    pub(crate) fn starting_with(&self, word: &str) -> &[Vec<String>] {
        self.0.by_first.get(word).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn is_surname(&self, word: &str) -> bool {
        self.0.surnames.contains(word)
    }
}

impl From<Vec<String>> for Participants {
    fn from(names: Vec<String>) -> Participants {
        Participants::new(names)
    }
}
