use super::body::{author_view, Body};
use super::{EditForm, ReplyForm, MAX_INDENT};
use crate::i18n::{fill, Key, Noun};
use crate::posting::is_pending;
use crate::state::{RowCells, SendStatus, ThreadState};
use leptos::prelude::*;
use threadline_core::{Comment, CommentId, Row, RowKey};

/// One comment. Rows are keyed by id: this component lives as long as its
/// comment is on screen and follows only its own row (collapsed, reply
/// count, depth, revision), so a new reply elsewhere, a page of more
/// comments or a poll never rebuilds it, and its open forms keep focus.
///
/// A big thread draws a hundred or more of these at once, and every reactive
/// binding costs time at that moment: what changes together is bound once
/// (the row's classes; its depth attributes; everything that follows the
/// comment's revision), and only controls that must keep focus while they
/// change (the toggle) bind their attributes one by one.
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
    let editing = {
        let id = id.clone();
        Memo::new(move |_| state.editing.with(|e| e.contains(&id)))
    };
    let pending = is_pending(&id);

    let class = {
        let id = id.clone();
        move || {
            let mut class = String::from("tl-comment");
            let mut add = |on: bool, name: &str| {
                if on {
                    class.push(' ');
                    class.push_str(name);
                }
            };
            add(collapsed.get(), "tl-collapsed");
            add(state.last_posted.with(|p| p.as_ref() == Some(&id)), "tl-new");
            add(state.target.with(|t| t.as_ref() == Some(&id)), "tl-target");
            add(pending, "tl-pending");
            class
        }
    };
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
    let toggle_aria = move || {
        let author = content.with(|c| c.as_ref().map(|(c, _)| c.author.clone()).unwrap_or_default());
        threadline_i18n::toggle_label(state.lang, collapsed.get(), &author, replies.get() as u64)
    };
    // Avatar, name, time, marks: drawn again only when the comment changed.
    let byline = {
        let id = id.clone();
        move || {
            let fresh = state.fresh.with(|f| f.contains(&id));
            let deep = depth.get() > MAX_INDENT;
            content
                .with(|c| c.as_ref().map(|(c, parent_author)| byline(state, c, parent_author.as_deref(), deep, fresh)))
        }
    };
    let body = move || {
        if editing.get() {
            return None;
        }
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
    let edit_form = {
        let id = id.clone();
        move || {
            editing.get().then(|| {
                let (text, author) = content.with_untracked(|c| {
                    c.as_ref().map(|(c, _)| (c.body.clone(), c.author.clone())).unwrap_or_default()
                });
                view! { <EditForm state=state id=id.clone() author=author text=text /> }
            })
        }
    };
    let status = {
        let id = id.clone();
        Memo::new(move |_| state.sending.with(|s| s.get(&id).cloned()))
    };
    let status_view = {
        let id = id.clone();
        move || status.get().map(|s| status_view(state, &id, s))
    };
    let deleted = Memo::new(move |_| content.with(|c| c.as_ref().is_some_and(|(c, _)| c.deleted)));
    let actions = {
        let id = id.clone();
        // An unsent comment has no id the backend knows: no replies or likes yet.
        move || {
            (!pending && !deleted.get())
                .then(|| view! { <Actions state=state id=id.clone() row=row content=content editing=editing /> })
        }
    };
    let reply_form = {
        let id = id.clone();
        move || {
            state
                .open_forms
                .with(|f| f.contains(&id))
                .then(|| view! { <ReplyForm state=state parent=Some(id.clone()) /> })
        }
    };
    // Depth, indentation and the nesting for screen readers (the list is
    // flat on purpose) in one go. By hand: the view macro has no `aria-level`.
    // The first run sets only what the view could not: a hundred rows at once
    // would otherwise set their depth twice.
    let li = NodeRef::<leptos::html::Li>::new();
    Effect::new(move |before: Option<usize>| {
        let depth = depth.get();
        if let Some(el) = li.get() {
            let _ = el.set_attribute("aria-level", &(depth + 1).to_string());
            if before.is_some_and(|b| b != depth) {
                let _ = el.set_attribute("data-depth", &depth.to_string());
                let _ = el.set_attribute("data-indent", &depth.min(MAX_INDENT).to_string());
            }
        }
        depth
    });
    let first_depth = depth.get_untracked();
    view! {
        <li node_ref=li class=class id=format!("c-{id}")
            // Attributes, not inline styles: pages with a strict CSP block those.
            data-depth=first_depth data-indent=first_depth.min(MAX_INDENT)>
            <div class="tl-head">
                <button type="button" class="tl-toggle" aria-expanded=move || (!collapsed.get()).to_string()
                    aria-label=toggle_aria on:click=toggle>
                    {toggle_label}
                </button>
                {byline}
                <a class="tl-permalink" href=format!("#c-{id}") aria-label=state.t(Key::LinkToComment)>"#"</a>
            </div>
            {move || (!collapsed.get()).then(|| view! {
                {body}
                {edit_form.clone()}
                {status_view.clone()}
                {actions.clone()}
                {reply_form.clone()}
            })}
        </li>
    }
}

fn byline(state: ThreadState, c: &Comment, parent_author: Option<&str>, deep: bool, fresh: bool) -> impl IntoView {
    let author = if c.deleted {
        view! { <span class="tl-author tl-gone">"—"</span> }.into_any()
    } else {
        author_view(c.author.clone(), c.website.clone())
    };
    // Past the indentation cap the nesting is no longer visible, so say it.
    let deep = deep
        .then_some(parent_author)
        .flatten()
        .map(|a| view! { <span class="tl-deep">"↳ " {fill(state.t(Key::ReplyTo), &[("name", a)])}</span> }.into_any());
    // Only the parts there are: an absent part would still cost a placeholder node per row.
    [
        avatar(c.avatar.as_deref()),
        Some(author),
        c.created_ms.map(|ms| time_view(state, ms)),
        c.edited_ms.map(|_| view! { <span class="tl-edited">{state.t(Key::Edited)}</span> }.into_any()),
        fresh.then(|| view! { <span class="tl-fresh">{state.t(Key::New)}</span> }.into_any()),
        deep,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
}

fn status_view(state: ThreadState, id: &CommentId, status: SendStatus) -> AnyView {
    match status {
        SendStatus::Sending => view! { <p class="tl-sending" role="status">{state.t(Key::Sending)}</p> }.into_any(),
        SendStatus::Failed { message, retrying } => {
            let (retry_id, edit_id) = (id.clone(), id.clone());
            view! {
                <div class="tl-unsent" role="alert">
                    <p>{state.t(if retrying { Key::NotSentRetrying } else { Key::NotSent })} " " {message}</p>
                    <button type="button" on:click=move |_| state.retry(&retry_id)>{state.t(Key::RetryNow)}</button>
                    <button type="button" on:click=move |_| state.edit_unsent(&edit_id)>{state.t(Key::Edit)}</button>
                </div>
            }
            .into_any()
        }
    }
}

/// Reply, like, and edit or delete for the reader's own comments.
#[component]
fn Actions(
    state: ThreadState,
    id: CommentId,
    row: Signal<Option<Row>>,
    content: Memo<Option<(Comment, Option<String>)>>,
    editing: Memo<bool>,
) -> impl IntoView {
    let form_open = {
        let id = id.clone();
        Memo::new(move |_| state.open_forms.with(|f| f.contains(&id)))
    };
    let liked = {
        let id = id.clone();
        Memo::new(move |_| state.liked.with(|l| l.contains(&id)))
    };
    // Asked again whenever the row changes: a comment that arrived through the
    // stream before its own post was confirmed becomes editable on confirmation.
    let own = {
        let id = id.clone();
        Memo::new(move |_| {
            row.track();
            state.can_edit(&id)
        })
    };
    let likes = move || content.with(|c| c.as_ref().map_or(0, |(c, _)| c.likes));
    let asking = RwSignal::new(false);
    let reply = {
        let id = id.clone();
        move |_| state.set_form_open(&id, !form_open.get_untracked())
    };
    let like = {
        let id = id.clone();
        move |_| state.like(id.clone())
    };
    let manage = {
        let id = id.clone();
        move || {
            let (edit_id, delete_id) = (id.clone(), id.clone());
            own.get().then(move || {
                view! {
                    <Show when=move || !editing.get() && !asking.get()>
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
                }
            })
        }
    };
    view! {
        <div class="tl-actions">
            <button type="button" class="tl-reply" id=format!("tl-reply-{id}")
                aria-expanded=move || form_open.get().to_string() on:click=reply>
                {state.t(Key::Reply)}
            </button>
            {state.can_like().then(|| view! {
                <button type="button" class="tl-like" aria-pressed=move || liked.get().to_string()
                    disabled=move || liked.get() on:click=like>
                    {state.t(Key::Like)}
                    {move || (likes() > 0).then(|| format!(" · {}", likes()))}
                </button>
            })}
            {manage}
        </div>
    }
}

fn avatar(url: Option<&str>) -> Option<AnyView> {
    let src = threadline_markup::safe_href(url?).filter(|h| !h.starts_with("mailto:"))?;
    Some(view! { <img class="tl-avatar" src=src alt="" loading="lazy" referrerpolicy="no-referrer" /> }.into_any())
}

/// "3 hours ago" in the reader's language, with the exact time for machines and on hover.
fn time_view(state: ThreadState, ms: i64) -> AnyView {
    let text = threadline_i18n::relative_time(state.lang, js_sys::Date::now() as i64, ms, utc_offset());
    let iso = threadline_i18n::iso_utc(ms);
    view! { <time class="tl-time" datetime=iso.clone() title=iso>{text}</time> }.into_any()
}

/// The reader's UTC offset in minutes, asked of the browser once per page.
fn utc_offset() -> i32 {
    thread_local!(static OFFSET: i32 = -(js_sys::Date::new_0().get_timezone_offset() as i32));
    OFFSET.with(|o| *o)
}
