//! Paging, polling cursors, owner tokens, likes and edit bodies, read from
//! answers shaped like the real backends' (see presets/).

use serde_json::json;
use threadline_core::FirstScreen;
use threadline_sync::answers::{
    edit_window_ms, first_page_url, first_screen_rest_url, like_count, list_url, next_page, owner_token, previews,
    since_cursor, unlisted,
};
use threadline_sync::{build_edit_body, preset, BackendDescription};

/// The default window's first screen: `top` threads, 3 replies a level, 6 levels.
fn screen(top: u32) -> FirstScreen {
    FirstScreen { top, replies: Some(3), depth: Some(6) }
}

fn threadline() -> BackendDescription {
    preset("threadline", "http://127.0.0.1:8080/").unwrap()
}

#[test]
fn list_urls_page_and_poll() {
    let d = threadline();
    let t = "asbarez/a b?c";
    assert_eq!(
        list_url(&d, t, None, None).unwrap(),
        "http://127.0.0.1:8080/api/comments?thread=asbarez%2Fa%20b%3Fc&limit=200"
    );
    assert_eq!(
        list_url(&d, t, Some("500"), None).unwrap(),
        "http://127.0.0.1:8080/api/comments?thread=asbarez%2Fa%20b%3Fc&limit=200&offset=500"
    );
    // A poll asks for changes only; paging does not apply.
    assert_eq!(
        list_url(&d, t, Some("500"), Some("c 9")).unwrap(),
        "http://127.0.0.1:8080/api/comments?thread=asbarez%2Fa%20b%3Fc&since=c%209"
    );
    let plain = preset("json-server", "http://127.0.0.1:3000").unwrap();
    assert_eq!(list_url(&plain, "x", Some("2"), Some("9")).unwrap(), "http://127.0.0.1:3000/comments?thread=x");
}

#[test]
fn first_page_only_where_pages_hold_whole_threads() {
    // Whole threads, capped by comments (the preset without its cut).
    let d = without_preview();
    assert_eq!(
        first_page_url(&d, "a/b", screen(20)).unwrap().unwrap(),
        "http://127.0.0.1:8080/api/comments?thread=a%2Fb&limit=20&max=300"
    );
    // Never a page of nothing.
    assert!(first_page_url(&d, "a", screen(0)).unwrap().unwrap().ends_with("&limit=1&max=15"));
    // A backend that cannot cap a page by comments gets whole threads.
    let mut uncapped = without_preview();
    if let Some(p) = uncapped.paging.as_mut() {
        p.max_param = None;
    }
    assert!(first_page_url(&uncapped, "a", screen(20)).unwrap().unwrap().ends_with("&limit=20"));
    // A first page cut short after 3 threads: the other 17 of the screen next, capped alike.
    assert_eq!(
        first_screen_rest_url(&d, "a/b", "3", screen(20)).unwrap().unwrap(),
        "http://127.0.0.1:8080/api/comments?thread=a%2Fb&limit=17&offset=3&max=255"
    );
    assert!(first_screen_rest_url(&d, "a", "20", screen(20)).is_none(), "the screen is whole");
    assert!(first_screen_rest_url(&d, "a", "25", screen(20)).is_none());
    assert!(first_screen_rest_url(&d, "a", "cursor-x", screen(20)).is_none());
    // Never more than the description's page size (200 here) at once.
    assert!(first_page_url(&d, "a", screen(1000)).unwrap().unwrap().ends_with("&limit=200&max=3000"));
    assert!(first_screen_rest_url(&d, "a", "200", screen(1000))
        .unwrap()
        .unwrap()
        .ends_with("&limit=200&offset=200&max=3000"));
    assert!(
        first_screen_rest_url(&uncapped, "a", "3", screen(20)).is_none(),
        "whole threads came: nothing was cut short"
    );
    // Pages counted in comments would cut threads apart; no paging, no first page.
    let mut by_comment = threadline();
    if let Some(p) = by_comment.paging.as_mut() {
        p.top_level = false;
    }
    assert!(first_page_url(&by_comment, "a", screen(20)).is_none());
    assert!(first_page_url(&preset("json-server", "http://x").unwrap(), "a", screen(20)).is_none());
}

fn without_preview() -> BackendDescription {
    let mut d = threadline();
    if let Some(p) = d.paging.as_mut() {
        p.replies_param = None;
        p.depth_param = None;
        p.unlisted = None;
    }
    d
}

#[test]
fn a_first_page_can_bring_only_what_the_first_screen_shows() {
    let d = threadline();
    assert!(previews(&d));
    assert_eq!(
        first_page_url(&d, "a/b", screen(20)).unwrap().unwrap(),
        "http://127.0.0.1:8080/api/comments?thread=a%2Fb&limit=20&max=300&replies=3&depth=6"
    );
    let tall = FirstScreen { top: 5, replies: Some(0), depth: Some(u32::MAX) };
    assert!(first_page_url(&d, "a", tall).unwrap().unwrap().ends_with("&limit=5&max=75&replies=0&depth=4294967295"));
    // Replies sorted newest first: the first screen's replies are not the first listed.
    let whole = FirstScreen { top: 20, replies: None, depth: None };
    assert!(first_page_url(&d, "a", whole).unwrap().unwrap().ends_with("&limit=20&max=300"));
    // The rest of a cut-short first screen is cut alike.
    assert!(first_screen_rest_url(&d, "a", "3", screen(20))
        .unwrap()
        .unwrap()
        .ends_with("&offset=3&max=255&replies=3&depth=6"));
    // Without a cap by comments the rest of the screen is still asked for first.
    let mut uncapped = threadline();
    if let Some(p) = uncapped.paging.as_mut() {
        p.max_param = None;
    }
    assert!(first_page_url(&uncapped, "a", screen(20)).unwrap().unwrap().ends_with("&limit=20&replies=3&depth=6"));
    assert!(first_screen_rest_url(&uncapped, "a", "3", screen(20)).is_some());
    assert!(!previews(&without_preview()));
    // What was left out, by comment id; anything but a count is ignored.
    let page = json!({"comments": [], "unlisted": {"7": 12, "c-9": 0, "x": -1, "y": "3", "z": 1.5}});
    let mut got = unlisted(&d, &page).unwrap();
    got.sort();
    assert_eq!(got, [("7".into(), 12), ("c-9".into(), 0)]);
    assert_eq!(unlisted(&d, &json!({"comments": [], "unlisted": {}})), Some(vec![]));
    assert_eq!(unlisted(&d, &json!({"comments": []})), None, "not there: not known to be nothing");
    assert_eq!(unlisted(&d, &json!({"unlisted": [1, 2]})), None);
}

#[test]
fn a_cut_first_page_needs_all_three_fields_and_offsets_of_whole_threads() {
    let json = include_str!("../presets/threadline.json");
    let together = "paging.replies_param, depth_param and unlisted go together, with top_level and offset_param";
    let cursor = json.replace(r#""offset_param": "offset""#, r#""cursor_param": "cursor""#);
    let err = BackendDescription::from_json(&cursor).unwrap_err();
    assert!(err.to_string().contains(together), "{err}");
    let alone = json.replace(r#""depth_param": "depth","#, "");
    let err = BackendDescription::from_json(&alone).unwrap_err();
    assert!(err.to_string().contains(together), "{err}");
    let pointer = json.replace(r#""unlisted": "/unlisted""#, r#""unlisted": "unlisted""#);
    let err = BackendDescription::from_json(&pointer).unwrap_err();
    assert!(err.to_string().contains("paging.unlisted = \"unlisted\" is not a JSON pointer"), "{err}");
}

#[test]
fn answers_give_next_page_cursor_token_and_likes() {
    let d = threadline();
    let page = json!({"comments": [], "next_offset": 500, "cursor": "17"});
    assert_eq!(next_page(&d, &page).as_deref(), Some("500"));
    assert_eq!(since_cursor(&d, &page).as_deref(), Some("17"));
    assert_eq!(next_page(&d, &json!({"comments": [], "next_offset": null})), None);
    assert_eq!(owner_token(&d, &json!({"comment": {}, "owner_token": "s3cret"})).as_deref(), Some("s3cret"));
    assert_eq!(owner_token(&d, &json!({"comment": {}})), None);
    assert_eq!(like_count(&d, &json!({"likes": 3})), Some(3));
    assert_eq!(like_count(&d, &json!({"likes": -1})), None);
    assert_eq!(like_count(&d, &json!({"likes": "many"})), None);
    let isso = preset("isso", "http://127.0.0.1:8081").unwrap();
    assert_eq!(like_count(&isso, &json!({"likes": 1, "dislikes": 0})), Some(1));
    // The edit window: a length of time, or nothing when it makes no sense.
    assert_eq!(edit_window_ms(&d, &json!({"comments": [], "edit_window_ms": 900000})), Some(900_000));
    for odd in [json!(-5), json!("soon"), json!(null)] {
        assert_eq!(edit_window_ms(&d, &json!({"comments": [], "edit_window_ms": odd})), None);
    }
    assert_eq!(edit_window_ms(&isso, &json!({"replies": [], "edit_window_ms": 1})), None, "Isso does not say");
}

#[test]
fn edit_bodies_follow_each_backend() {
    assert_eq!(
        build_edit_body(&threadline(), "Ani", "new \"text\"", true),
        json!({"body": "new \"text\"", "confirm": true})
    );
    let isso = preset("isso", "http://x").unwrap();
    assert_eq!(build_edit_body(&isso, "Ani", "t", false), json!({"text": "t", "author": "Ani"}));
    let js = preset("json-server", "http://x").unwrap();
    assert_eq!(build_edit_body(&js, "Ani", "t", false), json!({"body": "t"}));
}

#[test]
fn paging_and_stream_mistakes_are_named() {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("../presets/threadline.json")).unwrap();
    v["paging"]["cursor_param"] = json!("after");
    let e = BackendDescription::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("exactly one of offset_param and cursor_param"), "{e}");
    v["paging"] = json!({"size": 0, "limit_param": "limit", "offset_param": "o", "next": "/n"});
    let e = BackendDescription::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("paging.size"), "{e}");
    v["paging"] = json!({"size": 5, "limit_param": "limit", "offset_param": "o", "next": "n"});
    let e = BackendDescription::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("paging.next"), "{e}");
    v.as_object_mut().unwrap().remove("paging");
    v["stream"] = json!({"url": "{base}/s?t={topic}"});
    let e = BackendDescription::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("stream.url") && e.contains("topic"), "{e}");
}

#[test]
fn a_stream_event_is_one_comment() {
    let d = threadline();
    let c = threadline_sync::parse_item(
        &d,
        &json!({"id": "9", "parent": "3", "author": "Ani", "body": "*hi*", "created_ms": 5}),
    )
    .unwrap();
    assert_eq!(
        (c.id.as_str(), c.parent.as_ref().map(|p| p.as_str()), c.format),
        ("9", Some("3"), threadline_core::BodyFormat::Markdown)
    );
    assert!(threadline_sync::parse_item(&d, &json!({"author": "no id"})).unwrap_err().contains("no usable id"));
    assert!(threadline_sync::parse_item(&d, &json!([1, 2])).is_err());
    assert_eq!(d.stream.as_ref().map(|s| s.event.as_str()), Some("comment"));
}

#[test]
fn an_edit_answer_is_read_where_the_description_says() {
    let d = threadline();
    let pointer = d.edited.clone().unwrap();
    let draft = threadline_core::NewComment {
        parent: None,
        author: "Ani".into(),
        body: "new text".into(),
        idempotency_key: String::new(),
        confirm: false,
    };
    let answer = json!({"comment": {"id": "9", "author": "Ani", "body": "new text", "edited_ms": 7}});
    let c = threadline_sync::parse_created_at(&d, &pointer, &answer, &draft).unwrap();
    assert_eq!((c.id.as_str(), c.body.as_str(), c.edited_ms), ("9", "new text", Some(7)));
    // The same answer read at the create pointer is not there: said, not guessed.
    let e = threadline_sync::parse_created_at(&d, "/created", &answer, &draft).unwrap_err().to_string();
    assert!(e.contains("/created"), "{e}");
    let e = threadline_sync::parse_created_at(&d, &pointer, &json!({"comment": {"body": "no id"}}), &draft)
        .unwrap_err()
        .to_string();
    assert!(e.contains("/comment/id"), "{e}");
}

#[test]
fn description_choice_names_are_the_ones_serde_writes() {
    use threadline_sync::description::{Credentials, TimeFormat};
    for (name, c) in Credentials::NAMES {
        assert_eq!(serde_json::to_value(c).unwrap(), json!(name));
    }
    for (name, t) in TimeFormat::NAMES {
        assert_eq!(serde_json::to_value(t).unwrap(), json!(name));
    }
}
