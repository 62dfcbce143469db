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
