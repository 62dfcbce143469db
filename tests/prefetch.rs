//! The head start's answer, as the page script leaves it: bytes from the
//! current loaders, text from a loader cached from before the wasm changed.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Promise, Reflect, Uint8Array};
use threadline::backend::prefetch::take;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn leave(url: &str, body: (&str, JsValue)) {
    let window = web_sys::window().unwrap();
    let answer = Object::new();
    Reflect::set(&answer, &"status".into(), &JsValue::from(200)).unwrap();
    Reflect::set(&answer, &"etag".into(), &"\"c1\"".into()).unwrap();
    Reflect::set(&answer, &body.0.into(), &body.1).unwrap();
    let started = Object::new();
    Reflect::set(&started, &url.into(), &Promise::resolve(&answer)).unwrap();
    Reflect::set(&window, &"__threadlinePrefetch".into(), &started).unwrap();
}

#[wasm_bindgen_test]
async fn an_answer_left_as_bytes_or_as_text_is_taken_once_and_only_for_its_url() {
    let json = r#"{"comments": [], "note": "Երևան"}"#;
    leave("/a", ("bytes", Uint8Array::from(json.as_bytes()).into()));
    assert!(take("/other").await.is_none(), "another URL is not this answer");
    let got = take("/a").await.expect("the bytes are taken");
    assert_eq!((got.status, got.etag.as_deref(), got.body.as_slice()), (200, Some("\"c1\""), json.as_bytes()));
    assert!(take("/a").await.is_none(), "taken once");

    leave("/b", ("text", json.into()));
    assert_eq!(take("/b").await.expect("the text is taken").body, json.as_bytes());

    leave("/c", ("neither", JsValue::from(7)));
    assert!(take("/c").await.is_none(), "an answer with no body is asked for again");
}
