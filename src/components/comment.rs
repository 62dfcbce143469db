use super::body::{author_view, Body};
use super::{EditForm, ReplyForm, MAX_INDENT};
use crate::i18n::{fill, Key, Noun};
use crate::posting::is_pending;
use crate::state::{RowCells, SendStatus, ThreadState};
use leptos::prelude::*;
use threadline_core::{CommentId, Row, RowKey};

/// One comment. Rows are keyed by id: this component lives as long as its
/// comment is on screen and follows only its own row (collapsed, reply
/// count, depth, revision), so a new reply elsewhere, a page of more
/// comments or a poll never rebuilds it, and its open forms keep focus.
#[component]
pub fn CommentRow(state: ThreadState, cells: RowCells, id: CommentId) -> impl IntoView {
    let row: Signal<Option<Row>> = match cells.get(&RowKey::Comment(id.clone())) {
        Some(cell) => Signal::derive(move || Some(cell.get())),
        None => Signal::derive(|| None),
    };
    let collapsed = Memo::new(move |_| row.with(|r| r.as_ref().is_some_and(|r| r.collapsed)));
    let depth = Memo::new(move |_| row.with(|r| r.as_ref().map_or(0, |r| r.depth)));
    let replies = Memo::new(move |_| row.with(|r| r.as_ref().map_or(0, |r| r.replies)));
    // The comment's content follows its revision, nothing else.
    let content = {
        let id = id.clone();
        Memo::new(move |_| {
            let _revision = row.with(|r| r.as_ref().map(|r| r.revision));
            state.thread.with_untracked(|t| {
                let node = t.get(&id)?;
                let parent_author = node.parent.and_then(|p| t.node(p)).map(|p| p.comment.author.clone());
                Some((node.comment.clone(), parent_author))
            })
        })
    };
    let author = move || content.with(|c| c.as_ref().map(|(c, _)| c.author.clone()).unwrap_or_default());
    let form_open = {
        let id = id.clone();
        Memo::new(move |_| state.open_forms.with(|f| f.contains(&id)))
    };
    let editing = {
        let id = id.clone();
        Memo::new(move |_| state.editing.with(|e| e.contains(&id)))
    };
    let is_new = {
        let id = id.clone();
        Memo::new(move |_| state.last_posted.with(|p| p.as_ref() == Some(&id)))
    };
    let is_target = {
        let id = id.clone();
        Memo::new(move |_| state.target.with(|p| p.as_ref() == Some(&id)))
    };
    let liked = {
        let id = id.clone();
        Memo::new(move |_| state.liked.with(|l| l.contains(&id)))
    };
    let status = {
        let id = id.clone();
        Memo::new(move |_| state.sending.with(|s| s.get(&id).cloned()))
    };
    let is_fresh = {
        let id = id.clone();
        Memo::new(move |_| state.fresh.with(|f| f.contains(&id)))
    };
    let pending = is_pending(&id);
    // Asked again whenever the row changes: a comment that arrived through the
    // stream before its own post was confirmed becomes editable on confirmation.
    let own = {
        let id = id.clone();
        Memo::new(move |_| {
            row.track();
            !pending && state.can_edit(&id)
        })
    };
    let can_like = !pending && state.can_like();

    let toggle = {
        let id = id.clone();
        move |_| state.toggle_collapse(&id)
    };
    let toggle_label = move || {
        if !collapsed.get() {
            "[–]".to_owned()
        } else if replies.get() > 0 {
            format!("[+] {}", state.count(Noun::Replies, replies.get()))
        } else {
            "[+]".to_owned()
        }
    };
    let toggle_aria =
        move || threadline_i18n::toggle_label(state.lang, collapsed.get(), &author(), replies.get() as u64);
    // Past the indentation cap the nesting is no longer visible, so say it.
    let deep_marker = move || {
        (depth.get() > MAX_INDENT).then(|| {
            let to = content.with(|c| c.as_ref().and_then(|(_, p)| p.clone()));
            to.map(|a| view! { <span class="tl-deep">"↳ " {fill(state.t(Key::ReplyTo), &[("name", &a)])}</span> })
        })
    };
    let head = {
        let permalink = format!("#c-{id}");
        view! {
            <div class="tl-head">
                <button type="button" class="tl-toggle" aria-expanded=move || (!collapsed.get()).to_string()
                    aria-label=toggle_aria on:click=toggle>
                    {toggle_label}
                </button>
                {move || content.with(|c| c.as_ref().and_then(|(c, _)| avatar(c.avatar.as_deref())))}
                {move || content.with(|c| c.as_ref().map(|(c, _)| {
                    if c.deleted { view! { <span class="tl-author tl-gone">"—"</span> }.into_any() }
                    else { author_view(c.author.clone(), c.website.clone()) }
                }))}
                {move || content.with(|c| c.as_ref().and_then(|(c, _)| c.created_ms).map(|ms| time_view(state, ms)))}
                {move || content.with(|c| c.as_ref().and_then(|(c, _)| c.edited_ms).map(|_| view! { <span class="tl-edited">{state.t(Key::Edited)}</span> }))}
                {move || is_fresh.get().then(|| view! { <span class="tl-fresh">{state.t(Key::New)}</span> })}
                {deep_marker}
                <a class="tl-permalink" href=permalink aria-label=state.t(Key::LinkToComment)>"#"</a>
            </div>
        }
    };
    let body = move || {
        content.with(|c| {
            c.as_ref().map(|(c, _)| {
                if c.deleted {
                    view! { <div class="tl-body tl-gone"><p>{state.t(Key::Deleted)}</p></div> }.into_any()
                } else {
                    view! { <Body text=c.body.clone() format=c.format /> }.into_any()
                }
            })
        })
    };
    let status_view = {
        let id = id.clone();
        move || {
            let (retry_id, edit_id) = (id.clone(), id.clone());
            match status.get()? {
                SendStatus::Sending => Some(view! { <p class="tl-sending" role="status">{state.t(Key::Sending)}</p> }.into_any()),
                SendStatus::Failed { message, retrying } => Some(
                    view! {
                        <div class="tl-unsent" role="alert">
                            <p>
                                {state.t(if retrying { Key::NotSentRetrying } else { Key::NotSent })} " "
                                {message}
                            </p>
                            <button type="button" on:click=move |_| state.retry(&retry_id)>{state.t(Key::RetryNow)}</button>
                            <button type="button" on:click=move |_| state.edit_unsent(&edit_id)>{state.t(Key::Edit)}</button>
                        </div>
                    }
                    .into_any(),
                ),
            }
        }
    };
    let asking = RwSignal::new(false);
    let actions = {
        let id = id.clone();
        let likes = move || content.with(|c| c.as_ref().map_or(0, |(c, _)| c.likes));
        let deleted = move || content.with(|c| c.as_ref().is_some_and(|(c, _)| c.deleted));
        // An unsent comment has no id the backend knows: no replies or likes yet.
        move || {
            let (reply_id, like_id, edit_id, delete_id) = (id.clone(), id.clone(), id.clone(), id.clone());
            let reply_button_id = format!("tl-reply-{id}");
            (!pending).then(|| view! {
            <div class="tl-actions">
                <Show when=move || !deleted()>
                    <button type="button" class="tl-reply" id=reply_button_id.clone()
                        aria-expanded=move || form_open.get().to_string()
                        on:click={let id = reply_id.clone(); move |_| state.set_form_open(&id, !form_open.get_untracked())}>
                        {state.t(Key::Reply)}
                    </button>
                </Show>
                {can_like.then(|| view! {
                    <button type="button" class="tl-like" aria-pressed=move || liked.get().to_string()
                        disabled=move || liked.get() || deleted()
                        on:click={let id = like_id.clone(); move |_| state.like(id.clone())}>
                        {state.t(Key::Like)}
                        {move || (likes() > 0).then(|| format!(" · {}", likes()))}
                    </button>
                })}
                {move || {
                    let (edit_id, delete_id) = (edit_id.clone(), delete_id.clone());
                    own.get().then(move || view! {
                    <Show when=move || !deleted() && !editing.get() && !asking.get()>
                        <button type="button" class="tl-edit"
                            on:click={let id = edit_id.clone(); move |_| state.set_editing(&id, true)}>{state.t(Key::Edit)}</button>
                        <button type="button" class="tl-delete" on:click=move |_| asking.set(true)>{state.t(Key::Delete)}</button>
                    </Show>
                    // Asked in place, not with a browser dialog: it can be read, tabbed to and undone.
                    <Show when=move || asking.get()>
                        <span class="tl-ask" role="group" aria-label=state.t(Key::DeleteConfirm)>
                            {state.t(Key::DeleteConfirm)} " "
                            <button type="button" class="tl-delete-yes"
                                on:click={let id = delete_id.clone(); move |_| {
                                    asking.set(false);
                                    state.delete_comment(id.clone())
                                }}>{state.t(Key::Delete)}</button>
                            <button type="button" class="tl-delete-no" on:click=move |_| asking.set(false)>{state.t(Key::Cancel)}</button>
                        </span>
                    </Show>
                })}}
            </div>
        })
        }
    };
    let edit_form = {
        let id = id.clone();
        move || {
            editing.get().then(|| {
                let text = content.with_untracked(|c| c.as_ref().map(|(c, _)| c.body.clone()).unwrap_or_default());
                let author = content.with_untracked(|c| c.as_ref().map(|(c, _)| c.author.clone()).unwrap_or_default());
                view! { <EditForm state=state id=id.clone() author=author text=text /> }
            })
        }
    };
    let reply_form = {
        let parent = Some(id.clone());
        move || form_open.get().then(|| view! { <ReplyForm state=state parent=parent.clone() /> })
    };
    // The nesting, for screen readers (the list is flat on purpose). Set by
    // hand: the view macro has no `aria-level` attribute for `<li>`.
    let li = NodeRef::<leptos::html::Li>::new();
    Effect::new(move |_| {
        let level = (depth.get() + 1).to_string();
        if let Some(el) = li.get() {
            let _ = el.set_attribute("aria-level", &level);
        }
    });
    view! {
        <li
            node_ref=li
            class="tl-comment"
            class:tl-collapsed=move || collapsed.get()
            class:tl-new=move || is_new.get()
            class:tl-target=move || is_target.get()
            class:tl-pending=pending
            id=format!("c-{id}")
            data-depth=move || depth.get()
            // An attribute, not an inline style: pages with a strict CSP block those.
            data-indent=move || depth.get().min(MAX_INDENT)
        >
            {head}
            <Show when=move || !collapsed.get()>
                <Show when=move || !editing.get() fallback=edit_form.clone()>{body.clone()}</Show>
                {status_view.clone()}
                {actions.clone()}
                {reply_form.clone()}
            </Show>
        </li>
    }
}

fn avatar(url: Option<&str>) -> Option<AnyView> {
    let src = threadline_markup::safe_href(url?).filter(|h| !h.starts_with("mailto:"))?;
    Some(view! { <img class="tl-avatar" src=src alt="" loading="lazy" referrerpolicy="no-referrer" /> }.into_any())
}

/// "3 hours ago" in the reader's language, with the exact time for machines and on hover.
fn time_view(state: ThreadState, ms: i64) -> AnyView {
    let now = js_sys::Date::now() as i64;
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let text = threadline_i18n::relative_time(state.lang, now, ms, offset);
    let iso =
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).to_iso_string().as_string().unwrap_or_default();
    view! { <time class="tl-time" datetime=iso.clone() title=iso>{text}</time> }.into_any()
}
