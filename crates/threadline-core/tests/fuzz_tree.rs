//! Property tests of the tree builder: random flat lists (ids from a small
//! alphabet so duplicates, self-parents, cycles and missing parents are common,
//! bodies up to a few MB), random edit sequences, and a few deterministic
//! 100,000-node shapes. Whatever comes in, `Thread` must keep every distinct id
//! once, keep depths and subtree sizes consistent, and never panic.
//!
//! Counts: the seed is fixed so CI runs the same cases every time. Each run
//! writes `target/report/fuzz-tree.json` in the workspace (next to, not inside,
//! whatever CARGO_TARGET_DIR is) so `scripts/report.sh` can print it without
//! `--nocapture`; the same line goes to stderr as `FUZZ-REPORT {...}`.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::collections::{HashMap, HashSet};
use threadline_core::{
    visible_rows, CollapseState, Comment, CommentId, InsertError, Ordering, SortOrder, Thread, TreeWarning,
};

const SEED: u64 = 0x7468_7265_6164;
const CASES: u32 = 256;
const SUITE: &str = "tree";

#[path = "support/fuzz_harness.rs"]
mod harness;
use harness::{check, once};

// ---- generators

fn id() -> impl Strategy<Value = String> {
    prop_oneof![10 => (0u8..12).prop_map(|n| n.to_string()), 1 => "[a-c\"<>\u{301}]{0,3}"]
}

fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => ".{0,24}",
        1 => (any::<char>(), 65_536usize..1_000_000).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

fn time() -> impl Strategy<Value = Option<i64>> {
    prop::option::of(prop_oneof![any::<i64>(), Just(i64::MIN), Just(i64::MAX), 0i64..4])
}

fn comment() -> impl Strategy<Value = Comment> {
    (id(), prop::option::weighted(0.75, id()), ".{0,8}", body(), time(), any::<u32>(), any::<bool>()).prop_map(
        |(id, parent, author, body, created_ms, likes, deleted)| Comment {
            id: CommentId(id),
            parent: parent.map(CommentId),
            author,
            body,
            created_ms,
            likes,
            deleted,
            ..Comment::default()
        },
    )
}

fn plain(id: &str, parent: Option<&str>) -> Comment {
    Comment { id: id.into(), parent: parent.map(CommentId::from), body: format!("b {id}"), ..Comment::default() }
}

/// A ring of `len` comments with `tails` replies hanging off it, shuffled.
fn ring() -> impl Strategy<Value = Vec<Comment>> {
    (1usize..40, 0usize..20)
        .prop_flat_map(|(len, tails)| {
            let mut v: Vec<Comment> =
                (0..len).map(|i| plain(&format!("r{i}"), Some(&format!("r{}", (i + 1) % len)))).collect();
            v.extend((0..tails).map(|t| plain(&format!("t{t}"), Some(&format!("r{}", t % len)))));
            Just(v).prop_shuffle()
        })
        .boxed()
}

#[derive(Clone, Debug)]
enum Op {
    Insert(Comment),
    Merge(Vec<Comment>),
    Confirm(String, Comment),
    RemoveLeaf(String),
    Sort(Ordering),
}

fn op() -> impl Strategy<Value = Op> {
    let one = || prop::sample::select(SortOrder::ALL.to_vec());
    let order = (one(), one()).prop_map(|(top, replies)| Ordering { top, replies });
    prop_oneof![
        3 => comment().prop_map(Op::Insert),
        2 => prop::collection::vec(comment(), 0..12).prop_map(Op::Merge),
        2 => (id(), comment()).prop_map(|(p, c)| Op::Confirm(p, c)),
        2 => id().prop_map(Op::RemoveLeaf),
        1 => order.prop_map(Op::Sort),
    ]
}

// ---- invariants

fn ids(t: &Thread) -> HashSet<CommentId> {
    t.nodes().iter().map(|n| n.comment.id.clone()).collect()
}

/// Everything the view relies on, checked from parent links alone.
fn check_shape(t: &Thread) -> Result<(), TestCaseError> {
    let nodes = t.nodes();
    prop_assert_eq!(ids(t).len(), nodes.len(), "ids are unique");
    let mut listed = vec![0u32; nodes.len()];
    for &r in t.roots() {
        prop_assert!(nodes[r].parent.is_none());
        listed[r] += 1;
    }
    for (i, n) in nodes.iter().enumerate() {
        prop_assert_eq!(t.find(&n.comment.id), Some(i));
        match n.parent {
            None => prop_assert_eq!(n.depth, 0),
            Some(p) => {
                prop_assert_eq!(n.depth, nodes[p].depth + 1, "depth of {}", n.comment.id);
            }
        }
        for &c in &n.children {
            prop_assert_eq!(nodes[c].parent, Some(i));
            listed[c] += 1;
        }
        let below: usize = n.children.iter().map(|&c| nodes[c].descendants + 1).sum();
        prop_assert_eq!(n.descendants, below, "subtree size of {}", n.comment.id);
    }
    // With the parent checks above this also puts each reply in its parent's list.
    prop_assert!(listed.iter().all(|&k| k == 1), "every node in exactly one list");
    let rows = visible_rows(t, &CollapseState::default());
    prop_assert_eq!(rows.len(), nodes.len());
    let mut seen = vec![false; nodes.len()];
    for (k, r) in rows.iter().enumerate() {
        prop_assert!(!std::mem::replace(&mut seen[r.node], true), "row listed twice");
        prop_assert_eq!(r.depth, nodes[r.node].depth);
        if let Some(p) = nodes[r.node].parent {
            prop_assert!(seen[p], "a reply comes after its parent");
        }
        prop_assert!(k == 0 || r.depth <= rows[k - 1].depth + 1);
    }
    Ok(())
}

fn has_ancestor_in(t: &Thread, mut i: usize, set: &CollapseState) -> bool {
    while let Some(p) = t.nodes()[i].parent {
        if set.is_collapsed(&t.nodes()[p].comment.id) {
            return true;
        }
        i = p;
    }
    false
}

fn check_collapse(t: &Thread, picks: &[usize]) -> Result<(), TestCaseError> {
    if t.is_empty() {
        return Ok(());
    }
    let mut set = CollapseState::default();
    for (k, &pick) in picks.iter().enumerate() {
        let x = pick % t.len();
        set.set(&t.nodes()[x].comment.id, true);
        let rows = visible_rows(t, &set);
        let shown: HashSet<usize> = rows.iter().map(|r| r.node).collect();
        for i in 0..t.len() {
            prop_assert_eq!(shown.contains(&i), !has_ancestor_in(t, i, &set), "node {} after {} collapses", i, k + 1);
        }
        if k == 0 {
            // One collapsed node hides exactly its subtree, and says how much.
            prop_assert_eq!(rows.len(), t.len() - t.nodes()[x].descendants);
            let row = rows.iter().find(|r| r.node == x).unwrap();
            prop_assert!(row.collapsed);
            prop_assert_eq!(row.replies, t.nodes()[x].descendants);
        }
    }
    Ok(())
}

/// Warnings account for every input comment not placed where it asked to be.
fn check_build(input: &[Comment], t: &Thread) -> Result<(), TestCaseError> {
    let mut first: HashMap<&CommentId, &Comment> = HashMap::new();
    let mut dups = 0;
    for c in input {
        if first.contains_key(&c.id) {
            dups += 1;
        } else {
            first.insert(&c.id, c);
        }
    }
    prop_assert_eq!(t.len(), first.len(), "every distinct id kept once");
    for (id, c) in &first {
        prop_assert_eq!(&t.get(id).unwrap().comment, *c, "the first copy of {} is kept", id);
    }
    let w = t.warnings();
    let count = |f: &dyn Fn(&TreeWarning) -> bool| w.iter().filter(|x| f(x)).count();
    prop_assert_eq!(count(&|x| matches!(x, TreeWarning::DuplicateId { .. })), dups, "each later copy warned");
    let mut promoted = 0;
    for n in t.nodes() {
        let c = &n.comment;
        let Some(pid) = &c.parent else { continue };
        if pid == &c.id {
            prop_assert!(w.contains(&TreeWarning::SelfParent { id: c.id.clone() }), "self-parent warned");
            prop_assert!(n.parent.is_none());
        } else if !first.contains_key(pid) {
            prop_assert!(
                w.contains(&TreeWarning::MissingParent { id: c.id.clone(), parent: pid.clone() }),
                "orphan warned"
            );
            prop_assert!(n.parent.is_none());
        } else if n.parent.is_none() {
            // Cut out of a loop: the loop is exactly what following parent ids from here visits.
            promoted += 1;
            let cycle = w.iter().find_map(|x| match x {
                TreeWarning::Cycle { promoted, members } if promoted == &c.id => Some(members),
                _ => None,
            });
            let members = cycle.ok_or_else(|| TestCaseError::fail(format!("{} promoted without a warning", c.id)))?;
            let mut walk = vec![c.id.clone()];
            let mut cur = pid.clone();
            while cur != c.id && walk.len() <= members.len() {
                walk.push(cur.clone());
                cur = first[&cur].parent.clone().unwrap();
            }
            let mut sorted = members.clone();
            sorted.sort();
            walk.sort();
            prop_assert_eq!(walk, sorted);
            let pos = |id: &CommentId| t.find(id).unwrap();
            prop_assert!(members.iter().all(|m| pos(m) >= pos(&c.id)), "cut at its first member in input order");
        } else {
            prop_assert_eq!(n.parent, t.find(pid));
        }
    }
    prop_assert_eq!(count(&|x| matches!(x, TreeWarning::Cycle { .. })), promoted);
    Ok(())
}

/// Applies one edit and checks what it promises, beyond the shape.
fn apply(t: &mut Thread, op: Op) -> Result<(), TestCaseError> {
    let before = ids(t);
    let old: HashMap<CommentId, (Comment, u32)> =
        t.nodes().iter().map(|n| (n.comment.id.clone(), (n.comment.clone(), n.revision))).collect();
    match op {
        Op::Insert(c) => {
            let parent_known = c.parent.as_ref().is_none_or(|p| before.contains(p));
            match t.insert(c.clone()) {
                Ok(i) => {
                    prop_assert!(!before.contains(&c.id) && parent_known);
                    prop_assert_eq!(&t.nodes()[i].comment, &c);
                }
                Err(InsertError::DuplicateId(d)) => prop_assert!(d == c.id && before.contains(&d)),
                Err(InsertError::UnknownParent(p)) => prop_assert!(!before.contains(&c.id) && !before.contains(&p)),
            }
        }
        Op::Merge(listing) => {
            let added = t.merge(listing.clone());
            let new: HashSet<CommentId> =
                listing.iter().map(|c| c.id.clone()).filter(|i| !before.contains(i)).collect();
            prop_assert_eq!(added.len(), new.len(), "each new id reported once");
            prop_assert_eq!(added.iter().cloned().collect::<HashSet<_>>(), new.clone());
            prop_assert_eq!(ids(t), before.union(&new).cloned().collect::<HashSet<_>>(), "nothing dropped");
            for c in &listing {
                let Some((was, rev)) = old.get(&c.id) else { continue };
                if listing.iter().filter(|x| x.id == c.id).count() > 1 {
                    continue;
                }
                let n = t.get(&c.id).unwrap();
                let changed = was != c && was.parent == c.parent;
                prop_assert_eq!(&n.comment, if changed { c } else { was });
                prop_assert_eq!(n.revision, rev.wrapping_add(u32::from(changed)));
            }
        }
        Op::Confirm(p, stored) => {
            let pending = CommentId(p);
            let leaf = t.get(&pending).map(|n| n.children.is_empty());
            let in_place = leaf == Some(true) && !before.contains(&stored.id);
            let depth = t.get(&pending).map(|n| n.depth);
            t.confirm(&pending, stored.clone());
            let after = ids(t);
            prop_assert!(before.iter().all(|i| i == &pending || after.contains(i)), "confirm keeps everything else");
            if leaf == Some(false) {
                prop_assert!(after.contains(&pending), "a placeholder with replies stays");
            } else if stored.id != pending {
                prop_assert!(!after.contains(&pending), "the placeholder goes");
            }
            let parent_known = stored.parent.as_ref().is_none_or(|q| after.contains(q));
            prop_assert!(after.contains(&stored.id) || !(in_place || parent_known), "stored comment shown");
            if in_place {
                prop_assert_eq!(t.get(&stored.id).map(|n| n.depth), depth, "confirmed where it was shown");
            }
        }
        Op::RemoveLeaf(id) => {
            let id = CommentId(id);
            let leaf = t.get(&id).is_some_and(|n| n.children.is_empty());
            let warnings = t.warnings().to_vec();
            prop_assert_eq!(t.remove_leaf(&id), leaf);
            let mut want = before.clone();
            if leaf {
                want.remove(&id);
            }
            prop_assert_eq!(ids(t), want);
            prop_assert!(t.nodes().iter().all(|n| old[&n.comment.id].0 == n.comment), "others untouched");
            prop_assert_eq!(t.warnings(), &warnings[..]);
            if leaf {
                check_sorted(t)?;
            }
        }
        Op::Sort(order) => {
            let parents: Vec<_> = t.nodes().iter().map(|n| n.parent).collect();
            t.sort(order);
            prop_assert!(t.nodes().iter().map(|n| n.parent).eq(parents), "sorting never moves a comment");
            prop_assert_eq!(t.ordering(), order);
            check_sorted(t)?;
        }
    }
    check_shape(t)
}

/// Right after `sort`, every sibling list follows its order; ties (and
/// comments without a time, which count as oldest) keep arena order.
fn check_sorted(t: &Thread) -> Result<(), TestCaseError> {
    let key = |o: SortOrder, i: usize| {
        let c = &t.nodes()[i].comment;
        let time = i128::from(c.created_ms.unwrap_or(i64::MIN));
        match o {
            SortOrder::Oldest => (0, time, i),
            // Saturated like the code: i64::MIN and -i64::MAX are equally old.
            SortOrder::Newest => (0, (-time).min(i128::from(i64::MAX)), i),
            SortOrder::MostLiked => (-i64::from(c.likes), time, i),
        }
    };
    let o = t.ordering();
    prop_assert!(t.roots().windows(2).all(|w| key(o.top, w[0]) < key(o.top, w[1])), "top order {:?}", o.top);
    for n in t.nodes() {
        prop_assert!(n.children.windows(2).all(|w| key(o.replies, w[0]) < key(o.replies, w[1])), "reply order");
    }
    Ok(())
}

// ---- properties on random input

#[test]
fn build_random_lists() {
    // Rings with tails make sure every build also meets long loops, not just short ones.
    let list = prop_oneof![3 => prop::collection::vec(comment(), 0..48), 1 => ring()];
    check("build", (list, prop::collection::vec(any::<usize>(), 1..4)), |(list, picks)| {
        let t = Thread::build(list.clone());
        check_build(&list, &t)?;
        check_shape(&t)?;
        check_collapse(&t, &picks)?;
        let again = Thread::build(list);
        prop_assert_eq!(again.warnings(), t.warnings(), "same input, same result");
        let rows = |t: &Thread| visible_rows(t, &CollapseState::default());
        prop_assert_eq!(rows(&again), rows(&t));
        Ok(())
    });
}

#[test]
fn edits_keep_the_invariants() {
    let input = (prop::collection::vec(comment(), 0..24), prop::collection::vec(op(), 1..16), any::<usize>());
    check("edits", input, |(list, ops, pick)| {
        let mut t = Thread::build(list);
        for op in ops {
            apply(&mut t, op)?;
        }
        check_collapse(&t, &[pick])
    });
}

#[test]
fn collapse_state_from_anything() {
    let input = (".{0,40}", prop::collection::btree_set(id(), 0..8));
    check("collapse-json", input, |(junk, set)| {
        let _ = CollapseState::from_json(&junk);
        let mut s = CollapseState::default();
        for id in &set {
            s.toggle(&CommentId(id.clone()));
        }
        prop_assert_eq!(CollapseState::from_json(&s.to_json()).unwrap(), s);
        Ok(())
    });
}

// ---- deterministic big shapes (one case each, on a 256 KB stack)

const BIG: usize = 100_000;

/// A fixed permutation, so the big cases arrive in no helpful order.
fn shuffled(mut v: Vec<Comment>, mut seed: u64) -> Vec<Comment> {
    for i in (1..v.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        v.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    v
}

/// "0" <- "1" <- ... <- "n-1"
fn chain(n: usize) -> Vec<Comment> {
    (0..n).map(|i| plain(&i.to_string(), i.checked_sub(1).map(|p| p.to_string()).as_deref())).collect()
}

fn assert_shape(t: &Thread) {
    if let Err(e) = check_shape(t) {
        panic!("{e}");
    }
}

#[test]
fn chain_of_100_000_survives_every_operation() {
    once("chain-100k", || {
        let mut t = Thread::build(shuffled(chain(BIG), SEED));
        assert!(t.warnings().is_empty());
        let bottom = (BIG - 1).to_string();
        assert_eq!(t.get(&bottom.as_str().into()).unwrap().depth, BIG - 1);
        let mut fold = CollapseState::default();
        fold.toggle(&"50000".into());
        assert_eq!(visible_rows(&t, &fold).len(), 50_001);
        t.insert(plain("reply", Some(&bottom))).unwrap();
        let mut edited = plain("7", Some("6"));
        edited.body = "edited".into();
        let added = t.merge(vec![edited, plain("late", Some("reply"))]);
        assert_eq!(added, [CommentId::from("late")]);
        assert_eq!(t.get(&"late".into()).unwrap().depth, BIG + 1);
        assert_eq!(t.get(&"0".into()).unwrap().descendants, BIG + 1);
        t.sort(SortOrder::Newest);
        t.confirm(&"late".into(), plain("srv-1", Some("reply")));
        assert!(t.remove_leaf(&"srv-1".into()));
        assert_shape(&t);
        assert_eq!(t.len(), BIG + 1);
    });
}

#[test]
fn ring_of_100_000_then_100_000_roots_and_a_star() {
    once("ring-roots-star-100k", || {
        let ring = (0..BIG).map(|i| plain(&i.to_string(), Some(&((i + 1) % BIG).to_string())));
        let input = shuffled(ring.collect(), SEED ^ 1);
        let first = input[0].id.clone();
        let t = Thread::build(input);
        // Cut once, at its first member in input order, leaving one chain.
        let [TreeWarning::Cycle { promoted, members }] = t.warnings() else {
            panic!("{} warnings", t.warnings().len())
        };
        assert_eq!((promoted, members.len()), (&first, BIG));
        assert_eq!(t.roots(), [t.find(&first).unwrap()]);
        assert_eq!(t.nodes().iter().map(|n| n.depth).max(), Some(BIG - 1));
        assert_shape(&t);

        let mut list: Vec<Comment> = (0..BIG).map(|i| plain(&format!("r{i}"), None)).collect();
        list.push(plain("hub", None));
        list.extend((0..BIG).map(|i| plain(&format!("s{i}"), Some("hub"))));
        let mut t = Thread::build(shuffled(list, SEED ^ 2));
        t.sort(SortOrder::MostLiked);
        assert_shape(&t);
        assert_eq!((t.roots().len(), t.get(&"hub".into()).unwrap().descendants), (BIG + 1, BIG));
        let mut fold = CollapseState::default();
        fold.toggle(&"hub".into());
        assert_eq!(visible_rows(&t, &fold).len(), BIG + 1);
    });
}

/// A poll that brings a long new reply chain, listed replies first (as a
/// newest-first backend does), must cost about what building it costs.
/// Now `merge` inserts one generation per round over everything still waiting,
/// and every insert walks all ancestors: 20,000 comments take about 2 minutes in
/// debug and 45 s in release (build: 0.05 s), freezing the tab meanwhile.
#[test]
fn merge_of_a_20_000_chain_listed_replies_first_takes_bounded_time() {
    let n = 20_000;
    let listing: Vec<Comment> = chain(n).into_iter().rev().collect();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut t = Thread::default();
        let added = t.merge(listing);
        let _ = tx.send((added.len(), t.nodes().iter().map(|n| n.depth).max()));
    });
    // Generous for a debug build: building the same chain takes about 0.05 s.
    match rx.recv_timeout(std::time::Duration::from_secs(5)) {
        Ok(got) => assert_eq!(got, (n, Some(n - 1))),
        Err(_) => panic!("merging {n} new comments took more than 5 s"),
    }
}
