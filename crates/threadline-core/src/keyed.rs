//! How to turn one keyed list of rows on screen into the next: which rows
//! go, and where each new or moved row is put. Rows that stay in order are
//! not touched at all, so a row being read or typed in keeps its place and
//! its focus when rows are added or taken away around it (a focused element
//! loses focus when it is moved). A new order moves every row that comes
//! earlier than before, not the fewest possible.

use std::collections::HashSet;
use std::hash::Hash;

/// The changes, by index: `remove` into the old list, `place` as
/// (index in the new list, index in the old list of the row to insert it
/// before, or `None` for the end), to be applied in order after the removals.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub remove: Vec<usize>,
    pub place: Vec<(usize, Option<usize>)>,
}

/// The plan from `old` to `new` (each without repeated keys). Insertions and
/// removals never move a row that stays; a reordering moves the rows that
/// come earlier than before.
pub fn plan<K: Eq + Hash>(old: &[K], new: &[K]) -> Plan {
    let wanted: HashSet<&K> = new.iter().collect();
    let mut plan = Plan::default();
    // The rows that stay, in their order on screen (as indices into `old`).
    let mut stay = Vec::with_capacity(old.len());
    for (i, k) in old.iter().enumerate() {
        if wanted.contains(k) {
            stay.push(i);
        } else {
            plan.remove.push(i);
        }
    }
    // On screen at each step: the rows placed so far, in new order, then the
    // staying rows not reached yet, in old order (some already moved up).
    let mut placed: HashSet<&K> = HashSet::with_capacity(new.len());
    let mut next = 0;
    for (n, key) in new.iter().enumerate() {
        while next < stay.len() && placed.contains(&old[stay[next]]) {
            next += 1;
        }
        placed.insert(key);
        if next < stay.len() && old[stay[next]] == *key {
            next += 1;
            continue;
        }
        plan.place.push((n, stay.get(next).copied()));
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies a plan the way the view does, to check it gives `new`.
    fn apply(old: &[&'static str], new: &[&'static str]) -> (Vec<&'static str>, Plan) {
        let p = plan(old, new);
        let mut screen: Vec<&str> =
            old.iter().enumerate().filter(|(i, _)| !p.remove.contains(i)).map(|(_, k)| *k).collect();
        for &(n, before) in &p.place {
            let key = new[n];
            screen.retain(|k| *k != key);
            match before {
                Some(b) => {
                    let at = screen.iter().position(|k| *k == old[b]).expect("the row to insert before is on screen");
                    screen.insert(at, key);
                }
                None => screen.push(key),
            }
        }
        (screen, p)
    }

    #[test]
    fn first_draw_appends_everything() {
        let (screen, p) = apply(&[], &["a", "b", "c"]);
        assert_eq!(screen, ["a", "b", "c"]);
        assert_eq!(p.place, [(0, None), (1, None), (2, None)]);
    }

    #[test]
    fn unchanged_touches_nothing() {
        assert_eq!(plan(&["a", "b"], &["a", "b"]), Plan::default());
    }

    #[test]
    fn a_collapse_only_removes() {
        let (screen, p) = apply(&["a", "b", "c", "d", "e"], &["a", "e"]);
        assert_eq!(screen, ["a", "e"]);
        assert_eq!(p.remove, [1, 2, 3]);
        assert!(p.place.is_empty());
    }

    #[test]
    fn an_expand_or_a_reply_only_inserts() {
        let (screen, p) = apply(&["a", "e"], &["a", "b", "c", "e", "f"]);
        assert_eq!(screen, ["a", "b", "c", "e", "f"]);
        assert!(p.remove.is_empty());
        // New rows go before the row that follows them; nothing that stays moves.
        assert_eq!(p.place, [(1, Some(1)), (2, Some(1)), (4, None)]);
    }

    #[test]
    fn a_new_order_is_reached() {
        for (old, new) in [
            (vec!["a", "b", "c", "d"], vec!["d", "c", "b", "a"]),
            (vec!["a", "b", "c", "d"], vec!["b", "c", "d", "a"]),
            (vec!["a", "b", "c", "d"], vec!["d", "a", "b", "c"]),
            (vec!["a", "b", "c"], vec!["x", "c", "y", "a"]),
            (vec!["a", "b", "c", "d", "e"], vec!["e", "b", "x", "d"]),
        ] {
            assert_eq!(apply(&old, &new).0, new, "{old:?} -> {new:?}");
        }
    }

    #[test]
    fn every_permutation_of_a_short_list_is_reached() {
        let all = ["a", "b", "c", "d"];
        let mut lists: Vec<Vec<&str>> = vec![vec![]];
        for _ in 0..all.len() {
            let longer: Vec<Vec<&str>> = lists
                .iter()
                .flat_map(|l| all.iter().filter(|k| !l.contains(k)).map(move |k| [l.clone(), vec![*k]].concat()))
                .collect();
            lists.extend(longer);
        }
        lists.sort();
        lists.dedup();
        for old in &lists {
            for new in &lists {
                assert_eq!(&apply(old, new).0, new, "{old:?} -> {new:?}");
            }
        }
    }
}
