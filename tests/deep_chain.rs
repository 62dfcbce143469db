//! Its own test binary (so its own browser page): a 20,000-deep chain in a
//! debug build (the 100,000-deep one runs on the release build in tests/e2e/deep.test.mjs;
//! here it would block the page past ChromeDriver's 30 s limit).
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use threadline_core::{Comment, CommentId};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_20_000_deep_chain_renders_every_level_readably() {
    let depth = 20_000;
    let chain: Vec<Comment> = (0..depth)
        .map(|i| Comment {
            id: CommentId(format!("d{i}")),
            parent: (i > 0).then(|| CommentId(format!("d{}", i - 1))),
            author: format!("Writer {i}"),
            body: "deeper".into(),
            created_ms: None,
            likes: 0,
            deleted: false,
        })
        .collect();
    let host = mount("t-deep", chain).await;
    assert_eq!(count(&host, ".tl-comment"), depth as u32);
    let last = row(&host, &format!("d{}", depth - 1));
    assert_eq!(last.get_attribute("data-indent").as_deref(), Some("6"), "indentation is capped");
    assert!(last.text_content().unwrap().contains(&format!("reply to Writer {}", depth - 2)));
}
