use crate::i18n::{Key, Noun};
use crate::state::{RowCells, ThreadState};
use leptos::prelude::*;
use threadline_core::{RowKey, RowKind};
use wasm_bindgen::JsCast;

/// "Show N more comments", "N more replies" and "Continue this thread":
/// the parts of a big thread not drawn yet, opened in place on request.
#[component]
pub fn MoreRow(state: ThreadState, cells: RowCells, key: RowKey) -> impl IntoView {
    let row: Signal<Option<threadline_core::Row>> = match cells.get(&key) {
        Some(cell) => Signal::derive(move || Some(cell.get())),
        None => Signal::derive(|| None),
    };
    // Asked for before the rest of a big thread is in: the replies show once
    // it is, and until then the button says so instead of seeming dead.
    let waiting = RwSignal::new(false);
    let busy = move || waiting.get() && state.rest_loading.get();
    let label = move || {
        if busy() {
            return state.t(Key::LoadingRest).to_owned();
        }
        row.with(|r| match r.as_ref().map(|r| r.kind) {
            // What one press shows ("Show 20 more comments"), not all that are left.
            Some(RowKind::MoreTop { hidden }) => {
                state.count(Noun::MoreComments, hidden.min(state.window.with(|w| w.top_page)))
            }
            Some(RowKind::MoreReplies { hidden }) => state.count(Noun::MoreReplies, hidden),
            Some(RowKind::Continue { hidden }) => {
                format!("{} ({}) →", state.t(Key::ContinueThread), state.count(Noun::Replies, hidden))
            }
            _ => String::new(),
        })
    };
    let depth = move || row.with(|r| r.as_ref().map_or(0, |r| r.depth));
    let class = match &key {
        RowKey::MoreTop => "tl-more tl-more-top",
        RowKey::MoreReplies(_) => "tl-more tl-more-replies",
        _ => "tl-more tl-continue",
    };
    let dom_id = super::rows::dom_id(&key);
    let is_continue = matches!(key, RowKey::Continue(_));
    let open = move |ev: leptos::ev::MouseEvent| {
        // The rest stopped loading on an error: asking for more asks again.
        state.retry_rest();
        waiting.set(state.rest_loading.get_untracked());
        // The row before this one: the first comment shown now comes after it.
        let before = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|b| b.closest("li").ok().flatten())
            .and_then(|li| li.previous_element_sibling());
        state.show_more(&key);
        // A continued thread starts at the top of the list: take the reader there.
        if is_continue {
            request_animation_frame(move || super::thread::focus_thread_top(state));
        } else if !waiting.get_untracked() {
            // Else the button, gone or further down, would leave a keyboard
            // reader past everything it opened.
            request_animation_frame(move || {
                let first =
                    before.and_then(|b| b.next_element_sibling()).filter(|e| e.class_list().contains("tl-comment"));
                crate::state::focus_row(first);
            });
        }
    };
    view! {
        <li class=class id=dom_id data-depth=depth data-indent=move || depth().min(super::MAX_INDENT)>
            <button type="button" class="tl-more-button" on:click=open>{label}</button>
        </li>
    }
}
