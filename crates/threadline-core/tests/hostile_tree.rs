//! Shapes a broken or malicious backend can send. None may panic, all must
//! resolve the same way every time and be reported.

use threadline_core::{visible_rows, CollapseState, Comment, CommentId, InsertError, SortOrder, Thread, TreeWarning};

fn c(id: &str, parent: Option<&str>) -> Comment {
    Comment {
        id: id.into(),
        parent: parent.map(CommentId::from),
        author: format!("author {id}"),
        body: format!("body {id}"),
        ..Default::default()
    }
}

fn order(t: &Thread) -> Vec<String> {
    visible_rows(t, &CollapseState::default()).into_iter().map(|r| r.id.0).collect()
}

#[test]
fn orphan_is_shown_at_top_level_with_a_warning() {
    let t = Thread::build(vec![c("a", None), c("b", Some("ghost"))]);
    assert_eq!(t.roots().len(), 2);
    assert_eq!(t.warnings(), [TreeWarning::MissingParent { id: "b".into(), parent: "ghost".into() }]);
}

#[test]
fn self_parent_becomes_top_level() {
    let t = Thread::build(vec![c("a", Some("a")), c("b", Some("a"))]);
    assert_eq!(order(&t), ["a", "b"]);
    assert_eq!(t.get(&"b".into()).unwrap().depth, 1);
    assert_eq!(t.warnings(), [TreeWarning::SelfParent { id: "a".into() }]);
}

#[test]
fn duplicate_id_keeps_the_first_copy() {
    let mut second = c("a", None);
    second.body = "impostor".into();
    let t = Thread::build(vec![c("a", None), second, c("b", Some("a"))]);
    assert_eq!(t.len(), 2);
    assert_eq!(t.get(&"a".into()).unwrap().comment.body, "body a");
    assert_eq!(t.warnings(), [TreeWarning::DuplicateId { id: "a".into() }]);
}

#[test]
fn cycle_is_cut_at_its_first_member_in_input_order() {
    // x -> z -> y -> x, with w hanging below y and a healthy root r.
    let input = vec![c("r", None), c("y", Some("x")), c("w", Some("y")), c("x", Some("z")), c("z", Some("y"))];
    for _ in 0..3 {
        let t = Thread::build(input.clone());
        assert_eq!(
            t.warnings(),
            [TreeWarning::Cycle { promoted: "y".into(), members: vec!["y".into(), "x".into(), "z".into()] }]
        );
        assert_eq!(order(&t), ["r", "y", "w", "z", "x"]);
        assert_eq!(t.get(&"x".into()).unwrap().depth, 2);
        assert_eq!(t.get(&"y".into()).unwrap().descendants, 3);
    }
}

#[test]
fn two_node_cycle_and_everything_is_still_rendered() {
    let t = Thread::build(vec![c("a", Some("b")), c("b", Some("a"))]);
    assert_eq!(order(&t), ["a", "b"]);
    assert_eq!(t.warnings().len(), 1);
}

#[test]
fn hundred_thousand_deep_chain_builds_and_flattens_without_recursion() {
    let n = 100_000;
    let mut list = vec![c("0", None)];
    for i in 1..n {
        list.push(c(&i.to_string(), Some(&(i - 1).to_string())));
    }
    // Reversed input: every parent arrives after its child.
    list.reverse();
    // Run on a small stack to prove no depth-proportional recursion.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut t = Thread::build(list);
            t.sort(SortOrder::Newest);
            let rows = visible_rows(&t, &CollapseState::default());
            let mut collapse = CollapseState::default();
            collapse.toggle(&"50000".into());
            let folded = visible_rows(&t, &collapse);
            (
                t.warnings().len(),
                rows.len(),
                rows.last().map(|r| r.depth),
                folded.len(),
                folded.last().map(|r| r.replies),
            )
        })
        .unwrap();
    let (warnings, rows, last_depth, folded, hidden) = handle.join().unwrap();
    assert_eq!(warnings, 0);
    assert_eq!(rows, n);
    assert_eq!(last_depth, Some(n - 1));
    assert_eq!(folded, 50_001);
    assert_eq!(hidden, Some(n - 50_001));
}

#[test]
fn collapse_hides_exactly_the_subtree_and_counts_it() {
    let t = Thread::build(vec![c("a", None), c("b", Some("a")), c("c", Some("b")), c("d", Some("a")), c("e", None)]);
    let mut s = CollapseState::default();
    assert!(s.toggle(&"a".into()));
    let rows = visible_rows(&t, &s);
    assert_eq!(rows.iter().map(|r| r.id.0.as_str()).collect::<Vec<_>>(), ["a", "e"]);
    assert!(rows[0].collapsed);
    assert_eq!(rows[0].replies, 3);
    assert!(!s.toggle(&"a".into()));
    assert_eq!(visible_rows(&t, &s).len(), 5);
}

#[test]
fn collapse_state_round_trips_and_rejects_garbage() {
    let mut s = CollapseState::default();
    s.toggle(&"7".into());
    s.toggle(&"x\"y".into());
    assert_eq!(CollapseState::from_json(&s.to_json()).unwrap(), s);
    assert!(CollapseState::from_json("{not json").unwrap_err().contains("ignored"));
    assert!(CollapseState::from_json("[1,2]").is_err());
}

#[test]
fn insert_places_a_reply_and_updates_counts() {
    let mut t = Thread::build(vec![c("a", None), c("b", Some("a"))]);
    t.insert(c("r", Some("b"))).unwrap();
    assert_eq!(order(&t), ["a", "b", "r"]);
    assert_eq!(t.get(&"r".into()).unwrap().depth, 2);
    assert_eq!(t.get(&"a".into()).unwrap().descendants, 2);
    assert_eq!(t.insert(c("r", None)), Err(InsertError::DuplicateId("r".into())));
    assert_eq!(t.insert(c("q", Some("nope"))), Err(InsertError::UnknownParent("nope".into())));
    assert_eq!(t.len(), 3);
}

#[test]
fn sort_orders_each_level_separately() {
    let mut list = vec![c("a", None), c("b", None), c("a1", Some("a")), c("a2", Some("a"))];
    list[0].created_ms = Some(1);
    list[1].created_ms = Some(2);
    list[1].likes = 5;
    list[2].created_ms = Some(3);
    list[3].created_ms = Some(4);
    let mut t = Thread::build(list);
    t.sort(SortOrder::Newest);
    assert_eq!(order(&t), ["b", "a", "a2", "a1"]);
    t.sort(SortOrder::Oldest);
    assert_eq!(order(&t), ["a", "a1", "a2", "b"]);
    t.sort(SortOrder::MostLiked);
    assert_eq!(order(&t), ["b", "a", "a1", "a2"]);
}

#[test]
fn a_pending_comment_is_confirmed_in_place_or_dropped_when_already_listed() {
    let mut t = Thread::build(vec![c("a", None), c("b", Some("a"))]);
    t.insert(c("pending-1", Some("b"))).unwrap();
    let mut stored = c("srv-9", Some("b"));
    stored.body = "stored".into();
    t.confirm(&"pending-1".into(), stored.clone());
    assert_eq!(order(&t), ["a", "b", "srv-9"]);
    assert_eq!(t.get(&"srv-9".into()).unwrap().depth, 2);
    assert!(t.get(&"pending-1".into()).is_none());

    // The list already brought the stored copy: the placeholder goes.
    t.insert(c("pending-2", Some("a"))).unwrap();
    t.confirm(&"pending-2".into(), stored);
    assert_eq!(order(&t), ["a", "b", "srv-9"]);
    assert_eq!(t.get(&"a".into()).unwrap().descendants, 2);

    assert!(!t.remove_leaf(&"b".into()), "a comment with replies is never removed");
    assert!(t.remove_leaf(&"srv-9".into()));
    assert_eq!(order(&t), ["a", "b"]);
}

#[test]
fn merge_adds_new_comments_in_place_and_updates_changed_ones() {
    let mut t = Thread::build(vec![c("a", None), c("b", Some("a"))]);
    let mut edited = c("b", Some("a"));
    edited.body = "edited".into();
    // A listing where a reply comes before its parent, and one orphan.
    let added = t.merge(vec![c("a", None), edited, c("d", Some("c")), c("c", Some("a")), c("x", Some("gone"))]);
    assert_eq!(added, ["c".into(), "d".into(), "x".into()] as [CommentId; 3]);
    assert_eq!(order(&t), ["a", "b", "c", "d", "x"]);
    assert_eq!(t.get(&"d".into()).unwrap().depth, 2);
    assert_eq!(t.get(&"b".into()).unwrap().comment.body, "edited");
    assert_eq!(t.get(&"b".into()).unwrap().revision, 1);
    assert_eq!(t.get(&"a".into()).unwrap().revision, 0);
    assert_eq!(t.get(&"a".into()).unwrap().descendants, 3);
    assert!(t.warnings().contains(&TreeWarning::MissingParent { id: "x".into(), parent: "gone".into() }));
    assert!(t.merge(vec![c("a", None)]).is_empty(), "an unchanged listing adds nothing");
}
