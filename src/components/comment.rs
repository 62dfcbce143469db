use super::{plural, ReplyForm, MAX_INDENT};
use crate::posting::is_pending;
use crate::state::{SendStatus, ThreadState};
use leptos::prelude::*;
use threadline_core::Row;

/// One comment. A row is keyed by its whole `Row` (collapsed flag, reply
/// count), so it is rebuilt only when those change, never on others' changes.
#[component]
pub fn CommentRow(state: ThreadState, row: Row) -> impl IntoView {
    let Some((comment, parent_author)) = state.thread.with_untracked(|t| {
        let node = t.node(row.node)?;
        let parent_author = node.parent.and_then(|p| t.node(p)).map(|p| p.comment.author.clone());
        Some((node.comment.clone(), parent_author))
    }) else {
        return ().into_any();
    };
    let id = row.id.clone();
    let form_open = {
        let id = id.clone();
        Memo::new(move |_| state.open_forms.with(|f| f.contains(&id)))
    };
    let is_new = {
        let id = id.clone();
        Memo::new(move |_| state.last_posted.with(|p| p.as_ref() == Some(&id)))
    };
    let is_fresh = state.fresh.with_untracked(|f| f.contains(&id));
    let toggle = {
        let id = id.clone();
        move |_| state.toggle_collapse(&id)
    };
    let open_reply = {
        let id = id.clone();
        move |_| state.set_form_open(&id, !form_open.get_untracked())
    };
    let status = {
        let id = id.clone();
        Memo::new(move |_| state.sending.with(|s| s.get(&id).cloned()))
    };
    let pending = is_pending(&id);
    let status_view = {
        let id = id.clone();
        move || {
            let id = id.clone();
            match status.get()? {
                SendStatus::Sending => Some(view! { <p class="tl-sending" role="status">"Sending…"</p> }.into_any()),
                SendStatus::Failed { message, retrying } => {
                    let (retry_id, edit_id) = (id.clone(), id);
                    Some(
                        view! {
                            <div class="tl-unsent" role="alert">
                                <p>
                                    {if retrying { "Not sent yet — retrying automatically. " } else { "Not sent. " }}
                                    {message}
                                </p>
                                <button type="button" on:click=move |_| state.retry(&retry_id)>"Retry now"</button>
                                <button type="button" on:click=move |_| state.edit_unsent(&edit_id)>"Edit"</button>
                            </div>
                        }
                        .into_any(),
                    )
                }
            }
        }
    };
    let toggle_label = if row.collapsed {
        if row.replies > 0 {
            format!("[+] {}", plural(row.replies, "reply", "replies"))
        } else {
            "[+]".to_owned()
        }
    } else {
        "[–]".to_owned()
    };
    let toggle_aria = format!(
        "{} comment by {}{}",
        if row.collapsed { "Expand" } else { "Collapse" },
        comment.author,
        if row.replies > 0 { format!(" and {}", plural(row.replies, "reply", "replies")) } else { String::new() }
    );
    // Past the indentation cap the nesting is no longer visible, so say it.
    let deep_marker = (row.depth > MAX_INDENT)
        .then(|| parent_author.map(|a| view! { <span class="tl-deep">"↳ reply to " {a}</span> }));
    let body = (!row.collapsed).then(|| {
        let paragraphs = comment.paragraphs().map(|p| view! { <p>{p.to_owned()}</p> }).collect_view();
        let parent = Some(id.clone());
        let reply_button_id = format!("tl-reply-{}", id);
        view! {
            <div class="tl-body">{paragraphs}</div>
            {status_view}
            // An unsent comment has no id the backend knows: no replies to it yet.
            {(!pending).then(|| view! {
                <div class="tl-actions">
                    <button type="button" class="tl-reply" id=reply_button_id aria-expanded=move || form_open.get().to_string() on:click=open_reply>
                        "Reply"
                    </button>
                </div>
            })}
            <Show when=move || form_open.get()>
                <ReplyForm state=state parent=parent.clone() />
            </Show>
        }
    });
    view! {
        <li
            class="tl-comment"
            class:tl-collapsed=row.collapsed
            class:tl-new=move || is_new.get()
            class:tl-pending=pending
            id=format!("c-{}", id)
            data-depth=row.depth
            // An attribute, not an inline style: pages with a strict CSP block those.
            data-indent=row.depth.min(MAX_INDENT)
        >
            <div class="tl-head">
                <button type="button" class="tl-toggle" aria-expanded=(!row.collapsed).to_string() aria-label=toggle_aria on:click=toggle>
                    {toggle_label}
                </button>
                <span class="tl-author">{comment.author.clone()}</span>
                {is_fresh.then(|| view! { <span class="tl-fresh">"New"</span> })}
                {deep_marker}
            </div>
            {body}
        </li>
    }
    .into_any()
}
