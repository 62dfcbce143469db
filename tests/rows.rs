//! The list of rows (`src/components/rows.rs`) in the browser: a reader
//! typing keeps focus and text while rows arrive or go around them (and
//! while another form of theirs closes after its post, also in a shadow
//! root), and a new order moves rows without drawing them anew.
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

    // The new reply above it going (a collapse of 7.1) and coming back leaves it be too.
    toggle_of(&host, "7.1").click();
    sleep(0).await;
    assert_eq!(ids_in_order(&host).len(), order.len() - 1, "7.1's reply is hidden");
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

#[wasm_bindgen_test]
fn focus_counts_as_held_by_a_form_only_inside_it_or_nowhere_also_in_a_shadow_root() {
    use threadline::state::holds_focus;
    let doc = document();
    let outside: web_sys::HtmlElement = doc.create_element("input").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&outside).unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    for root in [doc.body().unwrap().unchecked_into::<web_sys::Node>(), shadow.unchecked_into()] {
        let form = doc.create_element("form").unwrap();
        let text: web_sys::HtmlElement = doc.create_element("textarea").unwrap().unchecked_into();
        form.append_child(&text).unwrap();
        root.append_child(&form).unwrap();
        text.focus().unwrap();
        assert!(holds_focus(&form), "focus in the form");
        outside.focus().unwrap();
        assert!(!holds_focus(&form), "focus in a field of the page outside the form");
        outside.blur().unwrap();
        assert!(holds_focus(&form), "focus nowhere");
        form.remove();
    }
    host.remove();
    outside.remove();
}
