//! Component tests in headless Chromium for the reader's own comments that
//! await a moderator (`src/held.rs`): kept in storage, shown marked, put
//! where they belong, and told of when a moderator turns one down.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use threadline_core::{BackendError, BoxFuture, Comment, CommentId, FirstScreen, Listed, NewComment, Page};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A held comment as the widget keeps it, `age_days` old.
fn held(id: &str, parent: Option<&str>, age_days: i64) -> String {
    let created = js_sys::Date::now() as i64 - age_days * 24 * 60 * 60 * 1000;
    let parent = parent.map_or("null".into(), |p| format!("\"{p}\""));
    format!(r#"{{"id":"{id}","parent":{parent},"author":"Ani","body":"Held {id}","created_ms":{created},"held":true}}"#)
}

#[wasm_bindgen_test]
async fn own_held_comments_come_back_marked_for_a_month_and_go_once_listed() {
    let storage = storage();
    storage.clear().unwrap();
    // One under seed comment 7, one whose parent is gone, one too old, one the listing has (let through).
    let kept = [held("h-1", Some("7"), 1), held("h-2", Some("gone"), 2), held("h-old", None, 31), held("3", None, 1)];
    storage.set_item("threadline:held:t-held", &format!("[{}]", kept.join(","))).unwrap();
    let host = remount("t-held", seed_comments()).await;
    sleep(20).await;
    assert_eq!(row(&host, "h-1").get_attribute("data-depth").as_deref(), Some("1"));
    assert!(row(&host, "h-1").class_name().contains("tl-held"));
    assert_eq!(find(&row(&host, "h-1"), ".tl-held-mark").text_content().unwrap(), "Awaiting moderation");
    assert_eq!(row(&host, "h-2").get_attribute("data-depth").as_deref(), Some("0"), "shown at top level, not lost");
    assert_eq!(count(&host, "[id=\"c-h-old\"]"), 0);
    assert!(!row(&host, "3").class_name().contains("tl-held"), "the listed copy wins");
    let left = storage.get_item("threadline:held:t-held").unwrap().unwrap();
    assert!(
        left.contains("h-1") && left.contains("h-2") && !left.contains("h-old") && !left.contains("\"3\""),
        "{left}"
    );
    storage.clear().unwrap();
}

/// Two pages: the first has `p0`, the rest `p1` and nothing after.
struct TwoPages;

impl threadline_core::Backend for TwoPages {
    pages_only!();
    fn list_first<'a>(&'a self, _: &'a str, _: FirstScreen) -> Option<Page<'a>> {
        Some(Box::pin(async {
            Ok(Listed { comments: vec![paged("p0")], next: Some("1".to_owned()), ..Listed::default() })
        }))
    }
    fn list_rest<'a>(&'a self, _: &'a str, _: String) -> Page<'a> {
        Box::pin(async { Ok(Listed { comments: vec![paged("p1")], ..Listed::default() }) })
    }
}

fn paged(id: &str) -> Comment {
    Comment { id: CommentId(id.into()), author: "Paged".into(), body: format!("comment {id}"), ..Default::default() }
}

#[wasm_bindgen_test]
async fn a_held_reply_whose_parent_loads_later_moves_under_it() {
    storage().clear().unwrap();
    storage().set_item("threadline:held:t-later", &format!("[{}]", held("h-late", Some("p1"), 0))).unwrap();
    let host = mount_backend("t-later", std::rc::Rc::new(TwoPages)).await;
    for _ in 0..100 {
        if count(&host, "[id=\"c-p1\"]") == 1 {
            break;
        }
        sleep(20).await;
    }
    sleep(20).await;
    assert_eq!(row(&host, "h-late").get_attribute("data-depth").as_deref(), Some("1"));
    let order: Vec<String> = (0..count(&host, ".tl-comment"))
        .map(|i| {
            host.query_selector_all(".tl-comment").unwrap().item(i).unwrap().unchecked_into::<web_sys::Element>().id()
        })
        .collect();
    assert_eq!(order, ["c-p0", "c-p1", "c-h-late"]);
    storage().clear().unwrap();
}

/// A backend whose moderator let `h-kept` stay held and turned `h-down` down.
struct Moderated;

impl threadline_core::Backend for Moderated {
    fn list<'a>(&'a self, _: &'a str) -> BoxFuture<'a, Result<Vec<Comment>, BackendError>> {
        Box::pin(async { Ok(vec![paged("p0")]) })
    }
    fn create<'a>(&'a self, _: &'a str, _: NewComment) -> BoxFuture<'a, Result<Comment, BackendError>> {
        Box::pin(async { Err(BackendError::Network("not used".into())) })
    }
    fn fetch_own<'a>(&'a self, _: &'a str, id: &'a CommentId) -> BoxFuture<'a, Result<Option<Comment>, BackendError>> {
        let answer = match id.as_str() {
            "h-kept" => Ok(Some(Comment { id: id.clone(), held: true, ..paged("h-kept") })),
            "h-down" | "h-gone" => Ok(None),
            _ => Err(BackendError::Network("offline".into())),
        };
        Box::pin(async move { answer })
    }
}

#[wasm_bindgen_test]
async fn a_held_reply_turned_down_is_told_and_its_text_given_back_to_its_form() {
    storage().clear().unwrap();
    let kept = [
        held("h-kept", None, 1),
        held("h-down", Some("p0"), 1),
        held("h-unknown", None, 1),
        held("h-gone", Some("not-here"), 1),
    ];
    storage().set_item("threadline:held:t-down", &format!("[{}]", kept.join(","))).unwrap();
    let host = mount_backend("t-down", std::rc::Rc::new(Moderated)).await;
    sleep(50).await;
    assert_eq!(count(&host, "[id=\"c-h-down\"]"), 0, "taken out of the thread");
    assert!(row(&host, "h-kept").class_name().contains("tl-held"), "still held: still shown");
    assert!(row(&host, "h-unknown").class_name().contains("tl-held"), "no answer: left as it was");
    assert!(find(&host, ".tl-notice").text_content().unwrap().starts_with("A moderator did not publish your comment."));
    let text = find(&row(&host, "p0"), ".tl-text").unchecked_into::<web_sys::HtmlTextAreaElement>().value();
    assert_eq!(text, "Held h-down", "its text is back in the reply form under its parent");
    let top =
        find(&host, ".tl-thread > form.tl-form .tl-text").unchecked_into::<web_sys::HtmlTextAreaElement>().value();
    assert_eq!(top, "Held h-gone", "a reply whose parent is not on screen goes back to the top form");
    let left = storage().get_item("threadline:held:t-down").unwrap().unwrap();
    assert!(left.contains("h-kept") && left.contains("h-unknown") && !left.contains("h-down"), "{left}");
    assert!(!left.contains("h-gone"), "{left}");
    storage().clear().unwrap();
}
