//! Component tests in headless Chromium for a first page cut to what the
//! first screen shows (`Listed::unlisted`): its counts are the whole
//! thread's before the rest arrives, and nothing moves or doubles when it does.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use threadline_core::{Comment, CommentId, FirstScreen, Listed, Page};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// "a" with five replies (the first with one of its own), then "z".
fn whole() -> Vec<Comment> {
    let c = |id: &str, parent: Option<&str>, t: i64| Comment {
        id: CommentId(id.into()),
        parent: parent.map(|p| CommentId(p.into())),
        author: format!("Author {id}"),
        body: format!("comment {id}"),
        created_ms: Some(1_700_000_000_000 + t),
        ..Default::default()
    };
    let mut v = vec![c("a", None, 0)];
    v.extend((1..=5).map(|k| c(&format!("a{k}"), Some("a"), k)));
    v.push(c("b1", Some("a1"), 10));
    v.push(c("z", None, 20));
    v
}

/// Lists the first screen of `whole()` (the first 3 replies of each
/// comment), then, once `open`, the whole thread from its first thread.
struct ScreenFirst {
    open: Rc<Cell<bool>>,
    asked: Rc<RefCell<Vec<String>>>,
    screen: Rc<Cell<Option<FirstScreen>>>,
}

impl threadline_core::Backend for ScreenFirst {
    pages_only!();
    fn list_first<'a>(&'a self, _: &'a str, screen: FirstScreen) -> Option<Page<'a>> {
        self.screen.set(Some(screen));
        let shown = ["a", "a1", "b1", "a2", "a3", "z"];
        let comments = whole().into_iter().filter(|c| shown.contains(&c.id.as_str())).collect();
        let unlisted = vec![(CommentId("a".into()), 2)];
        Some(Box::pin(async move { Ok(Listed { comments, next: Some("0".into()), first_screen: true, unlisted }) }))
    }
    fn list_rest<'a>(&'a self, _: &'a str, from: String) -> Page<'a> {
        self.asked.borrow_mut().push(from);
        let open = self.open.clone();
        Box::pin(async move {
            while !open.get() {
                sleep(10).await;
            }
            Ok(Listed { comments: whole(), ..Listed::default() })
        })
    }
}

fn more_replies(host: &web_sys::Element) -> Vec<String> {
    let rows = host.query_selector_all(".tl-more-replies").unwrap();
    (0..rows.length()).map(|i| rows.item(i).unwrap().text_content().unwrap_or_default().trim().to_owned()).collect()
}

#[wasm_bindgen_test]
async fn a_first_screen_page_counts_what_it_left_out_until_the_whole_thread_comes() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let open = Rc::new(Cell::new(false));
    let asked = Rc::new(RefCell::new(Vec::new()));
    let screen = Rc::new(Cell::new(None));
    let backend = ScreenFirst { open: open.clone(), asked: asked.clone(), screen: screen.clone() };
    let host = mount_backend("t-screen", Rc::new(backend)).await;
    assert_eq!(screen.get(), Some(FirstScreen { top: 20, replies: Some(3), depth: Some(6) }));
    assert_eq!(count(&host, ".tl-comment"), 6);
    assert_eq!(more_replies(&host), ["2 more replies"], "counted before they arrive");
    assert_eq!(*asked.borrow(), ["0"]);
    // Asked for before they are here: the button says they are coming.
    let more = find(&host, ".tl-more-replies button");
    more.click();
    sleep(30).await;
    assert_eq!(more.text_content().unwrap(), "Loading the rest of the comments…");
    assert_eq!(count(&host, ".tl-comment"), 6);

    open.set(true);
    for _ in 0..100 {
        if find(&host, ".tl-count").text_content().unwrap() == "8 comments" {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(find(&host, ".tl-count").text_content().unwrap(), "8 comments");
    sleep(30).await;
    assert_eq!(count(&host, ".tl-comment"), 8, "the replies asked for came in without another click");
    assert!(more_replies(&host).is_empty());
}

#[wasm_bindgen_test]
async fn counts_stay_the_whole_threads_when_the_rest_arrives() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let open = Rc::new(Cell::new(true));
    let backend = ScreenFirst { open, asked: Rc::default(), screen: Rc::default() };
    let host = mount_backend("t-screen-2", Rc::new(backend)).await;
    for _ in 0..100 {
        if find(&host, ".tl-count").text_content().unwrap() == "8 comments" {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(count(&host, ".tl-comment"), 6, "the same screen");
    assert_eq!(more_replies(&host), ["2 more replies"], "counted once, not twice");
    assert_eq!(find(&row(&host, "a"), ".tl-toggle").text_content().unwrap(), "[–]");
    find(&row(&host, "a"), ".tl-toggle").click();
    sleep(30).await;
    assert_eq!(find(&row(&host, "a"), ".tl-toggle").text_content().unwrap(), "[+] 6 replies");
}
