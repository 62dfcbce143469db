use super::rows::{keyed_rows, RowList, NOTHING};
use super::ReplyForm;
use crate::i18n::{Key, Noun};
use crate::state::{Load, RowCells, ThreadState};
use leptos::prelude::*;
use threadline_core::{CommentId, Ordering, SortOrder};

/// The whole thread: count and sort controls, the top-level form, then the
/// visible rows as one flat list keyed by `RowKey` (see `threadline_core::rows`
/// for why flat). Rows follow their own data, so only what changes is redrawn.
#[component]
pub fn ThreadView(state: ThreadState) -> impl IntoView {
    let cells = RowCells::new();
    // A partial count would mislead while a big thread's rest is still coming,
    // and "0 comments" while none could be loaded yet.
    let count = move || {
        // A deleted comment's placeholder is not a comment.
        let n = state.thread.with(|t| t.nodes().iter().filter(|n| !n.comment.deleted).count());
        let known = n > 0 || state.load.with(|l| matches!(l, Load::Ready));
        if state.rest_loading.get() || !known {
            state.t(Key::Comments).to_owned()
        } else {
            state.count(Noun::Comments, n)
        }
    };
    let status = move || match state.load.get() {
        Load::Loading => view! { <p class="tl-status" role="status">{state.t(Key::LoadingComments)}</p> }.into_any(),
        Load::Ready if state.rest_loading.get() => {
            view! { <p class="tl-status" role="status">{state.t(Key::LoadingRest)}</p> }.into_any()
        }
        Load::Failed(message) => view! {
            <div class="tl-error" role="alert">
                <p>{message}</p>
                <button type="button" on:click=move |_| state.reload()>{state.t(Key::TryAgain)}</button>
            </div>
        }
        .into_any(),
        Load::Ready => ().into_any(),
    };
    on_cleanup(move || state.stop_retries());
    // A new comment may land far below (top-level ones go last): bring it into view.
    Effect::new(move |_| {
        let Some(id) = state.last_posted.get() else { return };
        request_animation_frame(move || state.scroll_to(&format!("c-{id}")));
    });
    follow_permalinks(state);
    state.follow_other_tabs();
    state.retry_when_online();
    let focus_bar = move || {
        state.window.with(|w| w.focus().cloned()).map(|_| {
            view! {
                <div class="tl-focus-bar">
                    // One step out of "Continue this thread", back to where the reader was.
                    <button type="button" class="tl-whole" id="tl-whole" on:click=move |_| {
                        let from = state.window.try_update(|w| w.back()).flatten();
                        if let Some(id) = from {
                            request_animation_frame(move || {
                                state.scroll_to(&format!("c-{id}"));
                                // Focus where the reader left: the "Continue this thread" they took.
                                let link = state.element(&format!("tl-continue-{id}"));
                                crate::state::focus(link.and_then(|l| l.query_selector("button").ok().flatten()));
                            });
                        }
                    }>"← " {state.t(Key::BackToThread)}</button>
                </div>
            }
        })
    };
    view! {
        <section class="tl-thread" aria-label=state.t(Key::Comments) lang=state.lang.tag()>
            <div class="tl-toolbar">
                <h2 class="tl-count">{count}</h2>
                <SortControls state=state />
            </div>
            <ReplyForm state=state parent=None />
            <p class="tl-notice" id="tl-notice" role="status">{state.notice}</p>
            <p class="tl-sr" role="status">{state.said}</p>
            <p class="tl-stale" role="status">{state.stale}</p>
            <p class="tl-unreadable" role="status">
                {move || match state.unreadable.get() {
                    0 => None,
                    n => Some(state.count(Noun::Unreadable, n)),
                }}
            </p>
            {status}
            {focus_bar}
            <ol
                class="tl-rows"
                id="tl-rows"
                tabindex="-1"
                on:click=move |ev| super::rows::row_click(state, &ev)
                on:keydown=move |ev| super::rows::row_key(state, &ev)
                use:keyed_rows=RowList { state, cells }
            >
                {NOTHING}
            </ol>
        </section>
    }
}

#[component]
fn SortControls(state: ThreadState) -> impl IntoView {
    let ordering = move || state.thread.with(|t| t.ordering());
    let select = move |label: Key, class: &'static str, replies: bool| {
        let current = move || {
            let o = ordering();
            if replies {
                o.replies
            } else {
                o.top
            }
        };
        let options = SortOrder::ALL
            .into_iter()
            .map(|o| {
                let name = state.t(match o {
                    SortOrder::Oldest => Key::Oldest,
                    SortOrder::Newest => Key::Newest,
                    SortOrder::MostLiked => Key::MostLiked,
                });
                view! { <option value=o.as_str() selected=move || current() == o>{name}</option> }
            })
            .collect_view();
        view! {
            <label class="tl-sort">
                {state.t(label)} " "
                <select class=class on:change=move |ev| {
                    let chosen = SortOrder::parse(&event_target_value(&ev));
                    let o = ordering();
                    let next = if replies { Ordering { replies: chosen, ..o } } else { Ordering { top: chosen, ..o } };
                    state.set_ordering(next);
                }>{options}</select>
            </label>
        }
    };
    view! {
        <div class="tl-sorting">
            {select(Key::SortBy, "tl-sort-top", false)}
            {select(Key::SortRepliesBy, "tl-sort-replies", true)}
        </div>
    }
}

/// `#c-<id>` in the address opens whatever hides that comment, scrolls to it
/// and marks it — on load (once the thread is there) and on every hash change.
fn follow_permalinks(state: ThreadState) {
    let go = move || {
        let Some(id) = current_hash_id() else { return };
        let gone = state.t(Key::LinkGone);
        if state.reveal(&id) {
            // Focus there too: the keyboard and screen readers go on from
            // the comment linked to. Rows above it drawn for the first time
            // take their real height, so it is centred once more a frame later.
            request_animation_frame(move || {
                let row = format!("c-{id}");
                crate::state::focus_row(state.element(&row));
                state.scroll_to(&row);
                request_animation_frame(move || state.scroll_to(&row));
            });
            if state.notice.with_untracked(|n| n.as_deref() == Some(gone)) {
                state.notice.set(None);
            }
        } else if !state.rest_loading.get_untracked() && crate::embed::alone() {
            // A link to a comment since deleted (or mistyped): said, not
            // ignored, and where the reader who followed it looks.
            state.notice.set(Some(gone.to_owned()));
            request_animation_frame(move || state.scroll_to("tl-notice"));
        }
    };
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || state.load.get() != Load::Ready {
            return done.unwrap_or(false);
        }
        go();
        true
    });
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if state.alive() {
            go();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Whether the page was opened on a comment's permalink (`#c-<id>`).
pub fn permalink_in_url() -> bool {
    current_hash_id().is_some()
}

fn current_hash_id() -> Option<CommentId> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let raw = hash.strip_prefix("#c-")?;
    let id = js_sys::decode_uri_component(raw).ok()?.as_string()?;
    (!id.is_empty()).then(|| CommentId::from(id.as_str()))
}

/// Into a continued thread: focus on its way back, which reads as where the
/// reader is and comes before its first comment in Tab order.
pub(crate) fn focus_thread_top(state: ThreadState) {
    state.focus_element("tl-whole");
    if let Some(el) = state.element("tl-whole") {
        el.scroll_into_view();
    }
}
