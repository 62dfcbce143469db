//! The list of rows (`src/components/rows.rs`) in the browser: a reader
//! typing keeps focus and text while rows arrive or go around them (and
//! while another form of theirs closes after its post), and a new order
//! moves rows without drawing them anew.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlTextAreaElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_reader_typing_keeps_focus_while_rows_arrive_and_go_around_them() {
    let host = mount("t-rows-focus", seed_comments()).await;
    // A reply to 7.1 will land between 7.1 and 7.2, in the same top-level
    // comment's replies as the draft written under 7.2.
    find(&row(&host, "7.1"), ".tl-reply").click();
    sleep(0).await;
    let first = row(&host, "7.1");
    type_into(&find(&first, ".tl-name"), "Ani");
    type_into(&find(&first, ".tl-text"), "A new reply above the draft.");
    find(&row(&host, "7.2"), ".tl-reply").click();
    sleep(0).await;
    let draft = find(&row(&host, "7.2"), ".tl-text");
    type_into(&draft, "half-written");
    draft.focus().unwrap();

    // A click from a script does not move focus, as a reader's would.
    find(&first, ".tl-post").click();
    sleep(50).await;
    let order = ids_in_order(&host);
    let at = |id: &str| order.iter().position(|x| x == id).unwrap_or_else(|| panic!("{id} in {order:?}"));
    assert!(order[at("c-7.1") + 1].starts_with("c-local-"), "the reply follows 7.1: {order:?}");
    assert_eq!(at("c-7.2"), at("c-7.1") + 2);
    let focused = document().active_element().expect("something has focus");
    assert!(focused.is_same_node(Some(&draft)), "the draft under 7.2 kept focus, not {}", focused.outer_html());

    // Rows going above it (a collapse) and coming back (an expand) leave it be too.
    toggle_of(&host, "3").click();
    toggle_of(&host, "7.1").click();
    sleep(0).await;
    toggle_of(&host, "7.1").click();
    sleep(0).await;
    assert!(document().active_element().is_some_and(|f| f.is_same_node(Some(&draft))));
    assert_eq!(draft.unchecked_ref::<HtmlTextAreaElement>().value(), "half-written");
    assert_eq!(ids_in_order(&host), order, "the same rows in the same order after collapse and expand");
}

#[wasm_bindgen_test]
async fn a_new_sort_order_redraws_nothing_and_puts_every_row_in_its_place() {
    let dated = seed_comments()
        .into_iter()
        .enumerate()
        .map(|(i, c)| threadline_core::Comment { created_ms: Some(1_500_000_000_000 + i as i64 * 60_000), ..c })
        .collect();
    let host = mount("t-rows-sort", dated).await;
    let before = ids_in_order(&host);
    let marked = row(&host, "8.1");
    marked.set_attribute("data-test-mark", "kept").unwrap();
    let select = find(&host, ".tl-sort-top");
    js_sys::Reflect::set(&select, &"value".into(), &"newest".into()).unwrap();
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    sleep(0).await;
    let after = ids_in_order(&host);
    assert_eq!(after.first().map(String::as_str), Some("c-10"), "newest first: {after:?}");
    assert_eq!(after[after.iter().position(|x| x == "c-8").unwrap() + 1], "c-8.1", "replies stay under their parent");
    let mut same = after.clone();
    same.sort();
    let mut was = before.clone();
    was.sort();
    assert_eq!(same, was, "the same rows, moved");
    assert!(row(&host, "8.1").is_same_node(Some(&marked)), "a moved row is the same element, not drawn anew");
}
