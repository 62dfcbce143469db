//! Paging, "more replies", "Continue this thread", permalinks and sorting on
//! big and deep threads: what the reader sees is bounded, and everything can
//! still be reached.

use threadline_core::{
    window_rows, CollapseState, Comment, CommentId, Ordering, Row, RowKey, RowKind, SortOrder, Thread, Window,
};

fn c(id: &str, parent: Option<&str>, t: i64, likes: u32) -> Comment {
    Comment {
        id: id.into(),
        parent: parent.map(CommentId::from),
        author: format!("a{id}"),
        body: "b".into(),
        created_ms: Some(t),
        likes,
        ..Default::default()
    }
}

/// 100 top-level comments; "0" has 30 direct replies; "1" a 20-deep chain.
fn big() -> Thread {
    let mut v = Vec::new();
    for i in 0..100 {
        v.push(c(&i.to_string(), None, i, 0));
    }
    for k in 0..30 {
        v.push(c(&format!("0.{k}"), Some("0"), 1000 + k, 0));
    }
    let mut parent = "1".to_owned();
    for d in 0..20 {
        let id = format!("1-{d}");
        v.push(c(&id, Some(&parent), 2000 + d, 0));
        parent = id;
    }
    Thread::build(v)
}

fn keys(rows: &[Row]) -> Vec<RowKey> {
    rows.iter().map(Row::key).collect()
}

fn comments(rows: &[Row]) -> Vec<String> {
    rows.iter().filter(|r| r.is_comment()).map(|r| r.id.0.clone()).collect()
}

#[test]
fn top_level_is_paged_and_more_adds_a_page() {
    let t = big();
    let mut w = Window::new(10, 3, 5, 4);
    let rows = window_rows(&t, &CollapseState::default(), &w);
    let top: Vec<_> = rows.iter().filter(|r| r.is_comment() && r.depth == 0).collect();
    assert_eq!(top.len(), 10);
    let last = rows.last().map(|r| r.kind);
    assert_eq!(last, Some(RowKind::MoreTop { hidden: 90 }));
    w.show_more_top();
    let rows = window_rows(&t, &CollapseState::default(), &w);
    assert_eq!(rows.iter().filter(|r| r.is_comment() && r.depth == 0).count(), 20);
    assert_eq!(rows.last().map(|r| r.kind), Some(RowKind::MoreTop { hidden: 80 }));
}

#[test]
fn long_reply_lists_show_the_first_few_then_more() {
    let t = big();
    let mut w = Window::new(1, 3, 5, 4);
    let rows = window_rows(&t, &CollapseState::default(), &w);
    assert_eq!(comments(&rows), ["0", "0.0", "0.1", "0.2"]);
    assert_eq!(rows[4].kind, RowKind::MoreReplies { hidden: 27 });
    assert_eq!(rows[4].key(), RowKey::MoreReplies("0".into()));
    assert_eq!(rows[4].depth, 1);
    w.show_more_replies(&"0".into());
    let rows = window_rows(&t, &CollapseState::default(), &w);
    assert_eq!(comments(&rows).len(), 1 + 8);
    assert!(rows.iter().any(|r| r.kind == RowKind::MoreReplies { hidden: 22 }));
}

#[test]
fn deep_chains_continue_in_place_and_come_back() {
    let t = big();
    let mut w = Window::new(2, 3, 5, 4);
    let rows = window_rows(&t, &CollapseState::default(), &w);
    // "1" at depth 0, then 1-0 .. 1-3 at depths 1..4, then the cut.
    let chain: Vec<_> = rows.iter().skip_while(|r| r.id.0 != "1").collect();
    assert_eq!(chain.len(), 6 + 1, "{:?}", keys(&rows)); // 5 comments, Continue, MoreTop
    assert_eq!(chain[5].key(), RowKey::Continue("1-3".into()));
    assert_eq!(chain[5].kind, RowKind::Continue { hidden: 16 });
    w.continue_thread(&"1-3".into());
    let rows = window_rows(&t, &CollapseState::default(), &w);
    assert_eq!(rows[0].id.0, "1-3");
    assert_eq!(rows[0].depth, 0, "depth restarts at the focus");
    assert_eq!(comments(&rows), ["1-3", "1-4", "1-5", "1-6", "1-7"]);
    assert_eq!(rows.last().map(Row::key), Some(RowKey::Continue("1-7".into())));
    assert_eq!(w.back(), Some("1-3".into()));
    assert_eq!(window_rows(&t, &CollapseState::default(), &w)[0].id.0, "0");
}

#[test]
fn a_permalink_opens_collapsed_paged_and_deep_ancestors() {
    let t = big();
    let mut collapse = CollapseState::default();
    collapse.set(&"1".into(), true);
    collapse.set(&"1-10".into(), true);
    let mut w = Window::new(1, 3, 5, 4);
    assert!(w.reveal(&t, &mut collapse, &"1-15".into()));
    let rows = window_rows(&t, &collapse, &w);
    let target = rows.iter().find(|r| r.id.0 == "1-15" && r.is_comment());
    assert!(target.is_some(), "{:?}", keys(&rows));
    assert!(!collapse.is_collapsed(&"1".into()) && !collapse.is_collapsed(&"1-10".into()));
    assert!(target.map_or(0, |r| r.depth) <= 4);
    // A reply hidden behind "more replies" and beyond the first page.
    let mut w = Window::new(1, 3, 5, 4);
    assert!(w.reveal(&t, &mut collapse, &"0.29".into()));
    assert!(comments(&window_rows(&t, &collapse, &w)).contains(&"0.29".to_owned()));
    assert!(!w.reveal(&t, &mut collapse, &"nope".into()));
}

#[test]
fn a_permalink_reaches_the_end_of_a_100k_chain() {
    let n = 100_000;
    let mut v = vec![c("r", None, 0, 0)];
    for i in 0..n {
        let parent = if i == 0 { "r".to_owned() } else { format!("d{}", i - 1) };
        v.push(c(&format!("d{i}"), Some(&parent), i, 0));
    }
    let t = Thread::build(v);
    let mut collapse = CollapseState::default();
    let mut w = Window::default();
    let first = window_rows(&t, &collapse, &w);
    assert!(first.len() < 20, "a deep chain is cut, not drawn: {} rows", first.len());
    let last = CommentId::from(format!("d{}", n - 1).as_str());
    assert!(w.reveal(&t, &mut collapse, &last));
    let rows = window_rows(&t, &collapse, &w);
    assert!(rows.len() <= w.continue_depth + 2, "{} rows", rows.len());
    assert!(rows.iter().any(|r| r.id == last));
    // Back to the whole thread: the pin does not unroll the chain.
    w.whole_thread();
    assert!(window_rows(&t, &collapse, &w).len() < 20);
}

#[test]
fn pinned_comments_show_whatever_the_paging() {
    let t = big();
    let mut w = Window::new(5, 0, 5, 4);
    w.pin(&"99".into());
    w.pin(&"0.17".into());
    let shown = comments(&window_rows(&t, &CollapseState::default(), &w));
    assert!(shown.contains(&"99".to_owned()) && shown.contains(&"0.17".to_owned()), "{shown:?}");
    assert_eq!(shown.len(), 5 + 2);
}

#[test]
fn top_level_and_replies_sort_separately_and_inserts_keep_the_order() {
    let mut t = big();
    t.sort(Ordering { top: SortOrder::Newest, replies: SortOrder::Oldest });
    let w = Window::new(3, 2, 5, 4);
    let shown = comments(&window_rows(&t, &CollapseState::default(), &w));
    assert_eq!(shown[..2], ["99".to_owned(), "98".to_owned()]);
    t.insert(c("new", None, 5000, 0)).ok();
    t.insert(c("0.new", Some("0"), 5000, 0)).ok();
    let all = comments(&window_rows(&t, &CollapseState::default(), &Window::unlimited()));
    assert_eq!(all[0], "new", "newest first: a new top-level comment goes on top");
    let zero = all.iter().position(|x| x == "0").unwrap_or(0);
    assert_eq!(all[zero + 30 + 1], "0.new", "oldest-first replies: a new reply goes last");
    t.sort(SortOrder::MostLiked);
    assert_eq!(t.ordering(), Ordering { top: SortOrder::MostLiked, replies: SortOrder::MostLiked });
    assert_eq!(SortOrder::parse("newest"), SortOrder::Newest);
    assert_eq!(SortOrder::parse("bogus"), SortOrder::Oldest);
}

#[test]
fn most_liked_puts_liked_first_and_times_break_ties() {
    let t = {
        let mut t = Thread::build(vec![c("a", None, 1, 0), c("b", None, 2, 7), c("c", None, 3, 7), c("d", None, 4, 1)]);
        t.sort(SortOrder::MostLiked);
        t
    };
    assert_eq!(comments(&window_rows(&t, &CollapseState::default(), &Window::unlimited())), ["b", "c", "d", "a"]);
}

#[test]
fn edits_likes_and_deletes_keep_the_shape() {
    let mut t = big();
    assert!(t.update(&"0.3".into(), |c| {
        c.body = "edited".into();
        c.parent = None; // ignored: an edit cannot move a comment
        c.likes = 4;
    }));
    let n = t.get(&"0.3".into()).map(|n| (n.comment.body.clone(), n.comment.parent.clone(), n.revision));
    assert_eq!(n, Some(("edited".into(), Some("0".into()), 1)));
    assert!(!t.update(&"missing".into(), |_| {}));
    // A leaf goes; a comment with replies stays as a placeholder.
    let before = t.len();
    assert!(t.delete(&"0.3".into()));
    assert_eq!(t.len(), before - 1);
    assert!(t.delete(&"0".into()));
    let zero = t.get(&"0".into()).map(|n| (n.comment.deleted, n.comment.body.is_empty(), n.children.len()));
    assert_eq!(zero, Some((true, true, 29)));
    assert!(!t.delete(&"missing".into()));
}

/// A backend that keeps deleted records (json-server with the preset's soft
/// delete) lists every one: those with nothing under them are not shown.
#[test]
fn listed_deleted_comments_show_only_where_replies_hang_on_them() {
    let gone = |id: &str, parent: Option<&str>| Comment { deleted: true, body: String::new(), ..c(id, parent, 1, 0) };
    let mut t = Thread::build(vec![
        gone("1", None),        // a deleted leaf
        c("2", None, 1, 0),     // kept, with
        gone("2.1", Some("2")), //   a deleted chain: both go
        gone("2.1.1", Some("2.1")),
        gone("3", None), // a placeholder a reply hangs on
        c("3.1", Some("3"), 1, 0),
        gone("4", None), // replies not listed yet count too
    ]);
    t.set_unlisted(&[("4".into(), 2)]);
    t.drop_deleted_leaves();
    let mut left: Vec<&str> = t.nodes().iter().map(|n| n.comment.id.as_str()).collect();
    left.sort_unstable();
    assert_eq!(left, ["2", "3", "3.1", "4"]);
    assert_eq!(t.get(&"4".into()).map(|n| n.unlisted), Some(2));
    assert!(t.warnings().is_empty());
    // A backend whose replies nest one deep takes a reply to a reply under its top-level comment.
    let deep = Thread::build(vec![c("a", None, 1, 0), c("a.1", Some("a"), 1, 0), c("a.1.1", Some("a.1"), 1, 0)]);
    assert_eq!(deep.reply_parent(&"a.1.1".into(), 1).as_str(), "a");
    assert_eq!(deep.reply_parent(&"a.1".into(), 1).as_str(), "a");
    assert_eq!(deep.reply_parent(&"a".into(), 1).as_str(), "a");
    assert_eq!(deep.reply_parent(&"a.1.1".into(), 2).as_str(), "a.1");
    assert_eq!(deep.reply_parent(&"gone".into(), 1).as_str(), "gone", "an unknown parent is left to the backend");
    // The last reply under a placeholder deleted: the placeholder goes with it.
    assert!(t.delete(&"3.1".into()));
    assert_eq!(t.get(&"3".into()).map(|n| n.comment.id.as_str()), None);
    assert_eq!(t.len(), 2);
}

/// A first page cut to the first screen (the backend's `unlisted` counts
/// standing in for what it left out) draws exactly the rows, counts and
/// "more" rows of the whole thread, and stays so when the rest is merged.
#[test]
fn a_first_screen_listing_draws_like_the_whole_thread() {
    let whole = big();
    let w = Window::new(2, 3, 5, 4);
    let open = CollapseState::default();
    let expected = window_rows(&whole, &open, &w);
    let listed: Vec<Comment> = expected
        .iter()
        .filter(|r| r.is_comment())
        .filter_map(|r| whole.get(&r.id))
        .map(|n| n.comment.clone())
        .collect();
    let mut first = Thread::build(listed);
    first.set_unlisted(&[("0".into(), 27), ("1-3".into(), 16)]);
    assert_eq!(window_rows(&first, &open, &w), rows_without_nodes(&expected, &first));
    // Collapsed, a comment counts what was left out below it too.
    let mut collapsed = CollapseState::default();
    collapsed.toggle(&"1".into());
    let one = window_rows(&first, &collapsed, &w).into_iter().find(|r| r.id.0 == "1");
    assert_eq!(one.map(|r| r.replies), Some(20));
    // The rest arrives (everything, as the next pages bring it): same rows.
    let rest: Vec<Comment> = whole.nodes().iter().map(|n| n.comment.clone()).collect();
    let ids: Vec<CommentId> = rest.iter().map(|c| c.id.clone()).collect();
    first.merge(rest);
    first.clear_unlisted_of(&ids);
    assert_eq!(window_rows(&first, &open, &w), rows_without_nodes(&expected, &first));
}

/// `expected` with arena indices of `t`, where the same comments sit
/// elsewhere, and without "Show more comments": top-level comments after a
/// first page are not counted by it (the next pages bring them).
fn rows_without_nodes(expected: &[Row], t: &Thread) -> Vec<Row> {
    let shown = expected.iter().filter(|r| r.key() != RowKey::MoreTop || t.roots().len() > 2);
    shown.cloned().map(|r| Row { node: t.find(&r.id).unwrap_or(r.node), ..r }).collect()
}
