//! Its own test binary (so its own browser page): a 20,000-deep chain in a
//! debug build (the 100,000-deep one runs on the release build in tests/e2e/deep.test.mjs).
//! A deep chain is cut at the indentation cap into "Continue this thread", and
//! a permalink to its last comment opens it in place.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use threadline_core::{Comment, CommentId};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_20_000_deep_chain_continues_in_place_and_a_permalink_reaches_its_end() {
    let depth = 20_000;
    let chain: Vec<Comment> = (0..depth)
        .map(|i| Comment {
            id: CommentId(format!("d{i}")),
            parent: (i > 0).then(|| CommentId(format!("d{}", i - 1))),
            author: format!("Writer {i}"),
            body: "deeper".into(),
            ..Default::default()
        })
        .collect();
    let host = mount("t-deep", chain).await;
    assert_eq!(count(&host, ".tl-comment"), 7, "levels 0..=6, then the cut");
    assert_eq!(count(&host, ".tl-continue"), 1);
    find(&host, ".tl-continue button").click();
    sleep(50).await;
    assert_eq!(ids_in_order(&host).first().map(String::as_str), Some("c-d6"), "the continued thread starts at the cut");
    assert_eq!(row(&host, "d6").get_attribute("data-indent").as_deref(), Some("0"));
    find(&host, ".tl-whole").click();
    sleep(50).await;
    assert_eq!(ids_in_order(&host).first().map(String::as_str), Some("c-d0"));

    let last = format!("d{}", depth - 1);
    web_sys::window().unwrap().location().set_hash(&format!("c-{last}")).unwrap();
    sleep(200).await;
    let target = row(&host, &last);
    assert!(target.class_list().contains("tl-target"), "the permalink target is marked");
    assert!(count(&host, ".tl-comment") <= 8, "only the window around it is drawn");
    assert!(host.query_selector(".tl-whole").unwrap().is_some(), "with a way back to the whole thread");
}
