use super::{plural, CommentRow, ReplyForm};
use crate::state::{Load, ThreadState};
use leptos::prelude::*;

/// The whole thread: count, top-level form, then every visible comment as one
/// flat keyed list (see `threadline_core::rows` for why flat).
#[component]
pub fn ThreadView(state: ThreadState) -> impl IntoView {
    let rows = state.rows();
    let count = move || state.thread.with(|t| plural(t.len(), "comment", "comments"));
    let status = move || match state.load.get() {
        Load::Loading => view! { <p class="tl-status" role="status">"Loading comments…"</p> }.into_any(),
        Load::Failed(message) => view! {
            <div class="tl-error" role="alert">
                <p>{message}</p>
                <button type="button" on:click=move |_| state.reload()>"Try again"</button>
            </div>
        }
        .into_any(),
        Load::Ready => ().into_any(),
    };
    set_timeout(move || state.warm_up_policy(), std::time::Duration::from_millis(50));
    on_cleanup(move || state.stop_retries());
    // A new comment may land far below (top-level ones go last): bring it into view.
    Effect::new(move |_| {
        let Some(id) = state.last_posted.get() else { return };
        request_animation_frame(move || scroll_to(&format!("c-{id}")));
    });
    view! {
        <section class="tl-thread" aria-label="Comments">
            <h2 class="tl-count">{count}</h2>
            <ReplyForm state=state parent=None />
            <p class="tl-notice" role="status">{move || state.notice.get()}</p>
            {status}
            <ol class="tl-rows">
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <CommentRow state=state row=row />
                </For>
            </ol>
        </section>
    }
}

fn scroll_to(element_id: &str) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(element_id)) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}
