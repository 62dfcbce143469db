//! A page capped by comments (`max`): the widget's first screen asks for a
//! screenful, not for 20 whole threads that can be thousands of comments.

mod common;
use common::*;
use serde_json::json;

#[test]
fn a_page_stops_before_the_thread_that_would_pass_max_but_holds_one_at_least() {
    let s = Server::start(&[]);
    let mut tops = Vec::new();
    for (i, replies) in [4, 2, 2, 0, 9].into_iter().enumerate() {
        let (t, _) = s.post_ok("t/m", None, "A", &format!("top {i}"));
        for j in 0..replies {
            s.post_ok("t/m", Some(&t), "B", &format!("reply {i}.{j}"));
        }
        tops.push(t);
    }
    let page = |q: &str| s.get(&format!("/api/comments?thread=t/m&{q}")).json();

    let first = page("limit=5&max=8");
    assert_eq!(ids(&first).len(), 8, "threads of 5 and 3 comments; the next 3 would make 11");
    assert_eq!(first["next_offset"], 2);
    assert_eq!((first["total"].clone(), first["top_level_total"].clone()), (json!(22), json!(5)));
    let next = page("limit=5&offset=2&max=8");
    assert_eq!(ids(&next).len(), 4);
    assert_eq!(next["next_offset"], 4);
    let big = page("limit=5&offset=4&max=8");
    assert_eq!(ids(&big).len(), 10, "a thread bigger than max comes whole");
    assert_eq!(big["next_offset"], json!(null));
    assert_eq!(ids(&big)[0], tops[4]);
    assert_eq!(page("limit=1&max=100")["next_offset"], 1, "limit still counts threads");
    assert_eq!(ids(&page("limit=5")).len(), 22, "no max: every thread asked for");

    let etag = |q: &str| s.get(&format!("/api/comments?thread=t/m&{q}")).header("etag").unwrap().to_owned();
    assert_ne!(etag("limit=5&max=8"), etag("limit=5&max=9"));
    s.get("/api/comments?thread=t/m&limit=5&max=0").error(400, "invalid_query");
    s.get("/api/comments?thread=t/m&limit=5&max=many").error(400, "invalid_query");
}

#[test]
fn a_first_screen_page_lists_the_first_replies_a_few_levels_deep_and_counts_the_rest() {
    let s = Server::start(&[]);
    let (a, _) = s.post_ok("t/f", None, "A", "top");
    let kids: Vec<String> = (0..4).map(|i| s.post_ok("t/f", Some(&a), "B", &format!("reply {i}")).0).collect();
    let (d1, _) = s.post_ok("t/f", Some(&kids[0]), "C", "depth 2");
    let (d2, _) = s.post_ok("t/f", Some(&d1), "C", "depth 3");
    s.post_ok("t/f", Some(&d2), "C", "depth 4");
    let (x, _) = s.post_ok("t/f", Some(&kids[1]), "D", "x");
    let (y, _) = s.post_ok("t/f", Some(&kids[1]), "D", "y");
    let (b, _) = s.post_ok("t/f", None, "E", "second top");
    let page = |q: &str| s.get(&format!("/api/comments?thread=t/f&{q}")).json();

    let first = page("limit=20&replies=2&depth=2");
    let mut got = ids(&first);
    got.sort();
    let mut want = vec![a.clone(), kids[0].clone(), kids[1].clone(), d1.clone(), x, y, b.clone()];
    want.sort();
    assert_eq!(got, want, "the first 2 replies of each comment, 2 levels down");
    assert_eq!(first["unlisted"], json!({ a.as_str(): 2, d1.as_str(): 2 }));
    assert_eq!(first["total"], 11, "the totals are the thread's");
    assert_eq!(first["next_offset"], json!(null));
    // No replies at all: each top-level comment says how many it has.
    let tops = page("limit=20&replies=0");
    assert_eq!(ids(&tops), [a.clone(), b]);
    assert_eq!(tops["unlisted"], json!({ a.as_str(): 9 }));
    // Depth alone: every reply down to it.
    assert_eq!(page("limit=20&depth=1")["unlisted"], json!({ kids[0].as_str(): 3, kids[1].as_str(): 2 }));
    // Nothing left out: said so; a page asked for whole has no `unlisted` at all.
    assert_eq!(page("limit=20&replies=9&depth=9")["unlisted"], json!({}));
    assert!(page("limit=20").get("unlisted").is_none());
    // `max` counts what is listed: the cut first thread (6) fits in 6.
    assert_eq!(page("limit=20&max=6&replies=2&depth=2")["next_offset"], 1);

    let etag = |q: &str| s.get(&format!("/api/comments?thread=t/f&{q}")).header("etag").unwrap().to_owned();
    assert_ne!(etag("limit=20&replies=2&depth=2"), etag("limit=20&replies=2&depth=3"));
    assert_ne!(etag("limit=20&replies=2"), etag("limit=20"));
    s.get("/api/comments?thread=t/f&replies=-1").error(400, "invalid_query");
    s.get("/api/comments?thread=t/f&depth=deep").error(400, "invalid_query");
}
