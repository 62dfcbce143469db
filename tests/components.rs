//! Component tests in headless Chromium: the real components mounted into a
//! real DOM, driven by clicks and input events.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use threadline_core::{Comment, CommentId, FirstScreen, Listed, Page};
use web_sys::{Element, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn seed_renders_with_the_right_count_at_each_depth() {
    let host = mount("t-depths", seed_comments()).await;
    assert_eq!(at_depth(&host, 0), 10);
    assert_eq!(at_depth(&host, 1), 4);
    assert_eq!(at_depth(&host, 2), 1);
    assert_eq!(find(&host, ".tl-count").text_content().unwrap(), "15 comments");
    assert_eq!(row(&host, "7").query_selector(".tl-author").unwrap().unwrap().text_content().unwrap(), "Sokimag");
    assert_eq!(count(&row(&host, "7.1"), ".tl-body p"), 3, "paragraphs are kept");
    assert_eq!(count(&host, ".tl-reply"), 15, "every comment has Reply");
    assert_eq!(count(&host, ".tl-toggle"), 15, "every comment has a collapse toggle");
}

#[wasm_bindgen_test]
async fn collapse_hides_exactly_the_subtree_and_says_how_many() {
    let host = mount("t-collapse", seed_comments()).await;
    toggle_of(&host, "7").click();
    sleep(0).await;
    assert_eq!(count(&host, ".tl-comment"), 11);
    assert_eq!(at_depth(&host, 1), 1, "only 8.1 is left at depth 1");
    assert_eq!(at_depth(&host, 2), 0);
    let toggle = toggle_of(&host, "7");
    assert_eq!(toggle.text_content().unwrap(), "[+] 4 replies");
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    // Hidden, not gone: expanding shows it again without drawing it anew.
    assert_eq!(count(&row(&host, "7"), ".tl-body:not([hidden]), .tl-actions:not([hidden])"), 0);
    toggle.click();
    sleep(0).await;
    assert_eq!(count(&host, ".tl-comment"), 15);
    assert_eq!(toggle_of(&host, "7").get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(count(&row(&host, "7"), ".tl-body:not([hidden]), .tl-actions:not([hidden])"), 2);
}

#[wasm_bindgen_test]
async fn collapse_state_is_remembered_for_the_thread() {
    let host = mount("t-remember", seed_comments()).await;
    toggle_of(&host, "8").click();
    sleep(0).await;
    host.remove();
    let again = remount("t-remember", seed_comments()).await;
    assert_eq!(toggle_of(&again, "8").text_content().unwrap(), "[+] 1 reply");
    assert_eq!(count(&again, ".tl-comment"), 14);
}

#[wasm_bindgen_test]
async fn reply_lands_under_its_parent_and_leaves_the_rest_alone() {
    let host = mount("t-reply", seed_comments()).await;
    toggle_of(&host, "8").click();
    sleep(0).await;
    // A second form, open with a half-written draft, must survive the post.
    find(&row(&host, "1"), ".tl-reply").click();
    sleep(0).await;
    type_into(&find(&row(&host, "1"), ".tl-text"), "half-written");

    find(&row(&host, "7.3"), ".tl-reply").click();
    sleep(0).await;
    let form = row(&host, "7.3");
    assert_eq!(document().active_element().unwrap().class_name(), "tl-text", "the new form has focus");
    type_into(&find(&form, ".tl-name"), "Ani");
    type_into(&find(&form, ".tl-text"), "A reply, in place.");
    find(&form, ".tl-post").click();
    sleep(50).await;

    let order = ids_in_order(&host);
    let at = order.iter().position(|id| id == "c-7.3.1").unwrap();
    let new_row: Element =
        host.query_selector_all(".tl-comment").unwrap().item(at as u32 + 1).unwrap().unchecked_into();
    assert!(new_row.id().starts_with("c-local-"), "new reply follows 7.3.1: {order:?}");
    assert_eq!(new_row.get_attribute("data-depth").as_deref(), Some("2"));
    assert_eq!(new_row.query_selector(".tl-author").unwrap().unwrap().text_content().unwrap(), "Ani");
    assert!(new_row.class_list().contains("tl-new"));
    assert_eq!(toggle_of(&host, "7").text_content().unwrap(), "[–]");
    assert_eq!(count(&row(&host, "7.3"), ".tl-form"), 0, "the reply form closed");
    assert_eq!(find(&row(&host, "1"), ".tl-text").unchecked_into::<HtmlTextAreaElement>().value(), "half-written");
    assert_eq!(toggle_of(&host, "8").text_content().unwrap(), "[+] 1 reply", "collapse state untouched");
    assert_eq!(find(&host, ".tl-count").text_content().unwrap(), "16 comments");

    // Stored: a fresh mount of the same thread still has it.
    host.remove();
    let again = remount("t-reply", seed_comments()).await;
    assert_eq!(count(&again, ".tl-comment"), 15, "16 minus the collapsed reply under 8");
    assert!(again.text_content().unwrap().contains("A reply, in place."));
}

#[wasm_bindgen_test]
async fn an_empty_reply_is_refused_with_a_message_and_nothing_is_posted() {
    let host = mount("t-empty", seed_comments()).await;
    find(&row(&host, "2"), ".tl-reply").click();
    sleep(0).await;
    let form = row(&host, "2");
    type_into(&find(&form, ".tl-name"), "Ani");
    type_into(&find(&form, ".tl-text"), "   \n ");
    find(&form, ".tl-post").click();
    sleep(20).await;
    assert!(find(&form, ".tl-form-error").text_content().unwrap().contains("Write something"));
    assert_eq!(count(&host, ".tl-comment"), 15);
}

#[wasm_bindgen_test]
async fn a_name_or_comment_over_the_limit_is_refused_with_a_message_not_cut() {
    let host = mount("t-limits", seed_comments()).await;
    let top = find(&host, "form.tl-form");
    let name = "N".repeat(81);
    type_into(&find(&top, ".tl-name"), &name);
    type_into(&find(&top, ".tl-text"), "A short comment.");
    find(&top, ".tl-post").click();
    sleep(20).await;
    assert!(find(&top, ".tl-form-error").text_content().unwrap().contains("Names are limited to 80 characters"));
    assert_eq!(find(&top, ".tl-name").unchecked_into::<web_sys::HtmlInputElement>().value(), name, "kept whole");
    type_into(&find(&top, ".tl-name"), "Ani");
    type_into(&find(&top, ".tl-text"), &"ա".repeat(20_001));
    find(&top, ".tl-post").click();
    sleep(20).await;
    let error = find(&top, ".tl-form-error").text_content().unwrap();
    assert!(error.contains("20000") || error.contains("20,000"), "{error}");
    assert_eq!(count(&host, ".tl-comment"), 15, "nothing posted");
}

#[wasm_bindgen_test]
async fn an_edit_not_saved_yet_comes_back_after_a_reload_until_saved_or_cancelled() {
    let host = mount("t-edit-kept", seed_comments()).await;
    post_top(&host, "First words.").await;
    let id = find(&host, ".tl-new").id();
    let textarea = |host: &Element| find(host, "form.tl-form-edit .tl-text").unchecked_into::<HtmlTextAreaElement>();
    find(&row(&host, &id[2..]), ".tl-edit").click();
    sleep(20).await;
    type_into(&textarea(&host).unchecked_into(), "Second thoughts, half written");
    host.remove();
    // The page again (storage kept): Edit opens with the unsaved words.
    let host = remount("t-edit-kept", seed_comments()).await;
    find(&row(&host, &id[2..]), ".tl-edit").click();
    sleep(20).await;
    assert_eq!(textarea(&host).value(), "Second thoughts, half written");
    // Cancel lets them go: the comment's own text next time.
    find(&host, "form.tl-form-edit .tl-cancel").click();
    sleep(20).await;
    find(&row(&host, &id[2..]), ".tl-edit").click();
    sleep(20).await;
    assert_eq!(textarea(&host).value(), "First words.");
    host.remove();
}

#[wasm_bindgen_test]
async fn unreadable_saved_comments_show_an_error_and_are_never_overwritten() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage.set_item("threadline:local:t-corrupt", "{garbage").unwrap();
    let host = remount("t-corrupt", seed_comments()).await;
    let error = find(&host, ".tl-error").text_content().unwrap();
    assert!(error.contains("saved comments could not be read"), "{error}");
    assert!(host.query_selector(".tl-error button").unwrap().is_some(), "a Try again button");
    let top = post_top(&host, "Still here?").await;
    // Shown at once as unsent, with the reason, and kept in the outbox.
    let unsent = find(&host, ".tl-pending .tl-unsent").text_content().unwrap();
    assert!(unsent.contains("could not be read") && unsent.contains("retrying"), "{unsent}");
    assert!(find(&host, ".tl-pending .tl-body").text_content().unwrap().contains("Still here?"));
    assert!(storage.get_item("threadline:outbox").unwrap().unwrap().contains("Still here?"));
    assert_eq!(storage.get_item("threadline:local:t-corrupt").unwrap().as_deref(), Some("{garbage"));
    // Edit gives the text back to its form and takes it out of the outbox.
    find(&host, ".tl-unsent button:last-child").click();
    sleep(20).await;
    assert_eq!(find(&top, ".tl-text").unchecked_into::<HtmlTextAreaElement>().value(), "Still here?");
    assert_eq!(count(&host, ".tl-pending"), 0);
    assert!(!storage.get_item("threadline:outbox").unwrap().unwrap().contains("Still here?"));
}

#[wasm_bindgen_test]
async fn an_unsent_reply_to_a_vanished_comment_goes_back_to_the_top_form_on_edit() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    // Left from an earlier visit: a reply to a comment the thread no longer has.
    let pending = r#"{"pending":[{"thread":"t-orphan","draft":{"parent":"gone-7","author":"Ani",
        "body":"Replying to something deleted since.","idempotency_key":"k-orphan"},
        "attempts":0,"next_try_ms":0,"last_error":null}]}"#;
    storage.set_item("threadline:outbox", pending).unwrap();
    let host = remount("t-orphan", seed_comments()).await;
    sleep(50).await;
    // Shown at top level, refused for its missing parent, kept.
    let unsent = find(&host, ".tl-pending .tl-unsent").text_content().unwrap();
    assert!(find(&host, ".tl-pending").text_content().unwrap().contains("deleted since"), "{unsent}");
    find(&host, ".tl-pending .tl-unsent button:last-child").click();
    sleep(20).await;
    let top = find(&host, "form.tl-form");
    let text = find(&top, ".tl-text").unchecked_into::<HtmlTextAreaElement>().value();
    assert_eq!(text, "Replying to something deleted since.");
    assert_eq!(count(&host, ".tl-pending"), 0);
    // In the form's saved draft too, so a reload keeps it.
    let drafts: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.contains("draft"))
        .filter_map(|k| storage.get_item(&k).unwrap())
        .collect();
    assert!(drafts.iter().any(|d| d.contains("deleted since")), "{drafts:?}");
}

#[wasm_bindgen_test]
async fn unsent_comments_that_cannot_be_read_are_reported_and_kept() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let unreadable = "{an older version's outbox with \"Unsent words\"";
    storage.set_item("threadline:outbox", unreadable).unwrap();
    let host = remount("t-unreadable", seed_comments()).await;
    sleep(20).await;
    let notice = find(&host, ".tl-notice").text_content().unwrap();
    assert!(notice.contains("earlier visit could not be read"), "{notice}");
    // A post copies the unreadable one aside rather than write over it, and
    // the reader is still told about it.
    post_top(&host, "Posted after that.").await;
    let aside: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("threadline:outbox:unreadable:"))
        .filter_map(|k| storage.get_item(&k).unwrap())
        .collect();
    assert_eq!(aside, [unreadable]);
    let notice = find(&host, ".tl-notice").text_content().unwrap();
    assert!(notice.contains("earlier visit could not be read"), "{notice}");
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_unreadable_outbox_that_cannot_be_copied_aside_is_never_written_over() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    // Bigger than the new outbox: writing over it would fit where a copy does not.
    let unreadable = format!("{{an older version's outbox {}", "x".repeat(4000));
    storage.set_item("threadline:outbox", &unreadable).unwrap();
    fill_storage();
    let host = remount("t-aside", seed_comments()).await;
    post_top(&host, "Sent from a full browser.").await;
    assert_eq!(storage.get_item("threadline:outbox").unwrap(), Some(unreadable));
    let notice = find(&host, ".tl-notice").text_content().unwrap();
    assert!(notice.contains("Keep this page open") && notice.contains("could not be read"), "{notice}");
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_and_the_typed_text_stays() {
    let host = mount("t-full", seed_comments()).await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let filled = fill_storage();
    let top = find(&host, "form.tl-form");
    type_into(&find(&top, ".tl-name"), "Ani");
    type_into(&find(&top, ".tl-text"), "This must not vanish.");
    sleep(0).await;
    let note = find(&top, ".tl-form-note").text_content().unwrap();
    assert!(note.contains("Draft not saved"), "{note:?} with {filled} fillers");
    find(&top, ".tl-post").click();
    sleep(20).await;
    let notice = find(&host, ".tl-notice").text_content().unwrap();
    let unsent = find(&host, ".tl-pending .tl-unsent").text_content().unwrap();
    assert!(notice.contains("Keep this page open"), "{notice}");
    assert!(unsent.contains("storage is full"), "{unsent}");
    assert!(find(&host, ".tl-pending").text_content().unwrap().contains("This must not vanish."));
    // Room again: Retry sends it, and it becomes an ordinary comment.
    storage.clear().unwrap();
    find(&host, ".tl-unsent button").click();
    sleep(50).await;
    assert_eq!(count(&host, ".tl-pending"), 0);
    assert_eq!(count(&host, ".tl-comment"), 16);
    assert!(find(&host, ".tl-new").id().starts_with("c-local-"));
    assert!(storage.get_item("threadline:local:t-full").unwrap().unwrap().contains("This must not vanish."));
}

#[wasm_bindgen_test]
async fn the_crash_notice_offers_a_reload_as_plain_text_and_a_link() {
    threadline::panic::show_notice();
    threadline::panic::show_notice();
    let notices = document().query_selector_all("#threadline-crashed").unwrap();
    assert_eq!(notices.length(), 1, "shown once");
    let notice: Element = notices.item(0).unwrap().unchecked_into();
    assert!(notice.text_content().unwrap().contains("drafts and unsent comments are saved"));
    let link = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href"), Some(web_sys::window().unwrap().location().href().unwrap()));
    assert!(link.get_attribute("onclick").is_none());
    notice.remove();
}

#[wasm_bindgen_test]
async fn posting_keeps_what_another_tab_left_in_the_outbox() {
    let host = mount("t-tabs", seed_comments()).await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    // Another tab, after this one loaded, queued a comment it could not send yet.
    let other = r#"{"pending":[{"thread":"elsewhere","draft":{"parent":null,"author":"B","body":"from the other tab","idempotency_key":"other-1"},"attempts":1,"next_try_ms":0,"last_error":"offline"}]}"#;
    storage.set_item("threadline:outbox", other).unwrap();
    post_top(&host, "From this tab.").await;
    assert_eq!(count(&host, ".tl-pending"), 0, "this tab's comment was sent");
    let outbox = storage.get_item("threadline:outbox").unwrap().unwrap();
    assert!(outbox.contains("from the other tab"), "{outbox}");
    assert!(!outbox.contains("From this tab."), "{outbox}");
}

#[wasm_bindgen_test]
fn storage_failures_are_told_in_the_readers_language() {
    use threadline_i18n::{t, Key, Lang};
    for key in [
        Key::StorageUnavailable,
        Key::StorageDisabled,
        Key::StorageUnreadable,
        Key::StorageFull,
        Key::StorageUnwritable,
    ] {
        for lang in [Lang::Hy, Lang::Ru] {
            let told = threadline::i18n::storage_reason(lang, t(Lang::En, key));
            assert_eq!(told, t(lang, key));
            assert_ne!(told, t(Lang::En, key), "{key:?} untranslated in {lang:?}");
        }
    }
    assert_eq!(threadline::i18n::storage_reason(Lang::Ru, "a browser's own words"), "a browser's own words");
}

/// A backend whose listing always has a next page: one comment each; when
/// `stuck`, that next page is the same one again.
struct EndlessPages {
    stuck: bool,
}

impl threadline_core::Backend for EndlessPages {
    pages_only!();
    fn list_first<'a>(&'a self, _: &'a str, _: FirstScreen) -> Option<Page<'a>> {
        Some(Box::pin(async {
            Ok(Listed { comments: vec![page_comment(0)], next: Some("1".to_owned()), ..Listed::default() })
        }))
    }
    fn list_rest<'a>(&'a self, _: &'a str, from: String) -> Page<'a> {
        let n: u32 = from.parse().unwrap();
        let next = if self.stuck { n } else { n + 1 };
        Box::pin(async move {
            Ok(Listed { comments: vec![page_comment(n)], next: Some(next.to_string()), ..Listed::default() })
        })
    }
}

fn page_comment(n: u32) -> Comment {
    Comment { id: CommentId(format!("p{n}")), author: "Paged".into(), body: format!("page {n}"), ..Default::default() }
}

#[wasm_bindgen_test]
async fn a_listing_that_never_ends_stops_with_a_message_keeping_what_loaded() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let host = mount_backend("t-endless", std::rc::Rc::new(EndlessPages { stuck: false })).await;
    let said = stale_said(&host).await;
    assert!(said.contains("Some comments could not be loaded") && said.contains("past 200 pages"), "{said:?}");
    assert_eq!(find(&host, ".tl-count").text_content().unwrap(), "201 comments");

    // One that names the page it just gave as the next stops at once.
    let host = mount_backend("t-stuck", std::rc::Rc::new(EndlessPages { stuck: true })).await;
    let said = stale_said(&host).await;
    assert!(said.contains("next page is the one it just gave (1)"), "{said:?}");
    assert_eq!(find(&host, ".tl-count").text_content().unwrap(), "2 comments");
}

/// What the widget says about a thread it could not load whole, once said.
async fn stale_said(host: &web_sys::Element) -> String {
    for _ in 0..300 {
        if !find(host, ".tl-stale").text_content().unwrap().is_empty() {
            break;
        }
        sleep(20).await;
    }
    find(host, ".tl-stale").text_content().unwrap()
}
