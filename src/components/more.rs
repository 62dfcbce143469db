use crate::i18n::{Key, Noun};
use crate::state::{RowCells, ThreadState};
use leptos::prelude::*;
use threadline_core::{RowKey, RowKind};

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
            Some(RowKind::MoreTop { hidden }) => state.count(Noun::MoreComments, hidden),
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
    let dom_id = match &key {
        RowKey::MoreTop => "tl-more-top".to_owned(),
        RowKey::MoreReplies(p) => format!("tl-more-{p}"),
        RowKey::Continue(p) => format!("tl-continue-{p}"),
        RowKey::Comment(c) => format!("tl-row-{c}"),
    };
    let is_continue = matches!(key, RowKey::Continue(_));
    let open = move |_| {
        // The rest stopped loading on an error: asking for more asks again.
        state.retry_rest();
        waiting.set(state.rest_loading.get_untracked());
        state.show_more(&key);
        // A continued thread starts at the top of the list: take the reader there.
        if is_continue {
            request_animation_frame(move || super::thread::focus_thread_top(state));
        }
    };
    view! {
        <li class=class id=dom_id data-depth=depth data-indent=move || depth().min(super::MAX_INDENT)>
            <button type="button" class="tl-more-button" on:click=open>{label}</button>
        </li>
    }
}
