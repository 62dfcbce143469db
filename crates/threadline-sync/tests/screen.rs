//! Which pages make a big thread's first screen (`ScreenPages`): the
//! screen's threads cut to what it shows, then, when anything was left out,
//! the same threads whole from the first.

use serde_json::{json, Value};
use threadline_core::{FirstScreen, Listed};
use threadline_sync::screen::ScreenPages;
use threadline_sync::{preset, BackendDescription};

fn threadline() -> BackendDescription {
    preset("threadline", "http://h").unwrap()
}

fn screen(top: u32) -> FirstScreen {
    FirstScreen { top, replies: Some(3), depth: Some(6) }
}

/// What the widget does with a page: where the next one starts.
fn answer(pages: &ScreenPages, d: &BackendDescription, json: Value) -> (Option<String>, Listed) {
    let next = json["next_offset"].as_u64().map(|n| n.to_string());
    let mut listed = Listed { next, ..Listed::default() };
    pages.finish(d, "t", &json, &mut listed);
    (listed.next.clone(), listed)
}

fn url(pages: &ScreenPages, d: &BackendDescription, from: &str) -> (String, bool) {
    let page = pages.rest(d, "t", from);
    (page.url.unwrap().trim_start_matches("http://h/api/comments?thread=t&").to_owned(), page.of_screen)
}

#[test]
fn a_cut_screen_cut_short_by_max_comes_whole_again_from_the_first_thread() {
    let d = threadline();
    let pages = ScreenPages::default();
    let first = pages.first(&d, "t", screen(20)).unwrap();
    assert!(first.url.unwrap().ends_with("&limit=20&max=300&replies=3&depth=6") && first.of_screen);
    let (next, listed) = answer(&pages, &d, json!({"next_offset": 3, "unlisted": {"a": 2}}));
    assert_eq!(next.as_deref(), Some("3"), "the screen goes on");
    assert!(listed.first_screen);
    assert_eq!(listed.unlisted, [("a".into(), 2)]);
    // A failed page is asked for again as it was.
    for _ in 0..2 {
        assert_eq!(url(&pages, &d, "3"), ("limit=17&offset=3&max=255&replies=3&depth=6".into(), true));
    }
    let (next, _) = answer(&pages, &d, json!({"next_offset": 20, "unlisted": {}}));
    assert_eq!(next.as_deref(), Some("0"), "something was left out: whole, from the first");
    assert_eq!(url(&pages, &d, "0"), ("limit=200&offset=0".into(), false));
    assert_eq!(url(&pages, &d, "200"), ("limit=200&offset=200".into(), false));
}

#[test]
fn a_screen_with_nothing_left_out_goes_on_where_it_ended() {
    let d = threadline();
    let pages = ScreenPages::default();
    pages.first(&d, "t", screen(20)).unwrap();
    let (next, listed) = answer(&pages, &d, json!({"next_offset": 20, "unlisted": {}}));
    assert_eq!(next.as_deref(), Some("20"));
    assert!(listed.unlisted.is_empty());
    assert_eq!(url(&pages, &d, "20"), ("limit=200&offset=20".into(), false));
    // A small thread, all of it on the first page, nothing left out: done.
    pages.first(&d, "t", screen(20)).unwrap();
    assert_eq!(answer(&pages, &d, json!({"next_offset": null, "unlisted": {}})).0, None);
}

#[test]
fn a_small_thread_cut_or_without_counts_comes_again_whole() {
    let d = threadline();
    let pages = ScreenPages::default();
    pages.first(&d, "t", screen(20)).unwrap();
    assert_eq!(answer(&pages, &d, json!({"next_offset": null, "unlisted": {"a": 1}})).0.as_deref(), Some("0"));
    // Counts missing where the description says: they may have been cut all the same.
    pages.first(&d, "t", screen(20)).unwrap();
    assert_eq!(answer(&pages, &d, json!({"next_offset": null})).0.as_deref(), Some("0"));
}

#[test]
fn a_screen_wider_than_a_page_is_asked_for_page_by_page_then_whole() {
    let d = threadline();
    let pages = ScreenPages::default();
    assert!(pages.first(&d, "t", screen(500)).unwrap().url.unwrap().ends_with("&limit=200&max=3000&replies=3&depth=6"));
    assert_eq!(answer(&pages, &d, json!({"next_offset": 200, "unlisted": {"a": 5}})).0.as_deref(), Some("200"));
    assert_eq!(url(&pages, &d, "200"), ("limit=200&offset=200&max=3000&replies=3&depth=6".into(), true));
    assert_eq!(answer(&pages, &d, json!({"next_offset": 400, "unlisted": {}})).0.as_deref(), Some("400"));
    assert_eq!(url(&pages, &d, "400"), ("limit=100&offset=400&max=1500&replies=3&depth=6".into(), true));
    assert_eq!(answer(&pages, &d, json!({"next_offset": 500, "unlisted": {}})).0.as_deref(), Some("0"));
    assert_eq!(url(&pages, &d, "0"), ("limit=200&offset=0".into(), false));
}

#[test]
fn replies_in_another_order_come_whole_at_once() {
    let d = threadline();
    let pages = ScreenPages::default();
    let whole = FirstScreen { top: 20, replies: None, depth: None };
    assert!(pages.first(&d, "t", whole).unwrap().url.unwrap().ends_with("&limit=20&max=300"));
    let (next, listed) = answer(&pages, &d, json!({"next_offset": 20}));
    assert_eq!(next.as_deref(), Some("20"));
    assert!(!listed.first_screen);
}
