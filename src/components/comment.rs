use super::body::{draw_body, fixed, flag, Dom};
use super::row_parts::{draw_byline, draw_manage, toggle_text, Manage};
use super::{EditForm, ReplyForm, MAX_INDENT};
use crate::i18n::Key;
use crate::posting::is_pending;
use crate::state::{RowCells, SendStatus, ThreadState};
use leptos::prelude::*;
use threadline_core::{Comment, CommentId, Row, RowKey};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// One comment. Rows are keyed by id: this component lives as long as its
/// comment is on screen and follows only its own row (collapsed, reply
/// count, depth, revision), so a new reply elsewhere, a page of more
/// comments or a poll never rebuilds it, and its open forms keep focus.
///
/// A big thread draws a hundred or more of these at once. The parts every
/// row has (head, body, actions) are made with DOM calls in `draw_row` and
/// kept current by three effects; only the forms, which few rows ever open,
/// are views: the 114 rows of the 1,000-comment benchmark's first screen took
/// about 39 ms as typed views (eleven reactive bindings and a listener per
/// row, every element through Leptos' generic view code), 31 ms like this.
/// Buttons carry a `data-act` and are answered by one listener on the list
/// (`row_click`), not a closure each.
#[component]
pub fn CommentRow(state: ThreadState, cells: RowCells, id: CommentId) -> impl IntoView {
    let row: Signal<Option<Row>> = match cells.get(&RowKey::Comment(id.clone())) {
        Some(cell) => Signal::derive(move || Some(cell.get())),
        None => Signal::derive(|| None),
    };
    let collapsed = Memo::new(move |_| row.with(|r| r.as_ref().is_some_and(|r| r.collapsed)));
    let depth = Memo::new(move |_| row.with(|r| r.as_ref().map_or(0, |r| r.depth)));
    // The comment's content changes with its revision, nothing else.
    let revision = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.revision)));
    let editing = {
        let id = id.clone();
        Memo::new(move |_| state.editing.with(|e| e.contains(&id)))
    };
    let fresh = {
        let id = id.clone();
        Memo::new(move |_| state.fresh.with(|f| f.contains(&id)))
    };
    // The forms few rows ever open, in one binding: an unsent comment's
    // status, its edit form (own comments) and a reply form.
    let forms = {
        let id = id.clone();
        Memo::new(move |_| {
            let open = !collapsed.get();
            let status = state.sending.with(|s| s.get(&id).cloned()).filter(|_| open);
            (open && editing.get(), status, open && state.open_forms.with(|f| f.contains(&id)))
        })
    };
    let parts = Parts { state, id: id.clone(), row, collapsed, depth, revision, editing, fresh };
    let forms = {
        let parts = parts.clone();
        move || {
            let (editing, status, replying) = forms.get();
            let p = &parts;
            let edit = editing.then(|| {
                let (text, author) = p.with_comment(|c, _| (c.body.clone(), c.author.clone())).unwrap_or_default();
                view! { <EditForm state=p.state id=p.id.clone() author=author text=text /> }
            });
            let status = status.map(|s| status_view(p.state, &p.id, s));
            let reply = replying.then(|| view! { <ReplyForm state=p.state parent=Some(p.id.clone()) /> });
            // One placeholder node while none is open, not three.
            (edit.is_some() || status.is_some() || reply.is_some()).then_some((edit, status, reply))
        }
    };
    view! {
        <li id=format!("c-{id}") use:draw_row=parts>{forms}</li>
    }
}

/// What `draw_row` follows.
#[derive(Clone)]
pub struct Parts {
    state: ThreadState,
    id: CommentId,
    row: Signal<Option<Row>>,
    collapsed: Memo<bool>,
    depth: Memo<usize>,
    revision: Memo<Option<u32>>,
    editing: Memo<bool>,
    fresh: Memo<bool>,
}

impl Parts {
    /// The comment and its parent's author, read without following the thread
    /// (whoever needs to follow it tracks `revision`).
    fn with_comment<R>(&self, f: impl FnOnce(&Comment, Option<&str>) -> R) -> Option<R> {
        self.state.thread.with_untracked(|t| {
            let node = t.get(&self.id)?;
            let parent_author = node.parent.and_then(|p| t.node(p)).map(|p| p.comment.author.as_str());
            Some(f(&node.comment, parent_author))
        })
    }
}

/// The row's head, body and actions, made once and then changed in place by
/// three effects: what the toggle says, what the comment says, and what the
/// reader may do. Changed in place, a focused button keeps its focus.
fn draw_row(li: Element, p: Parts) {
    let Some(dom) = Dom::new() else { return };
    let Some(head) = dom.child(&li, "div", "tl-head") else { return };
    let Some(toggle) = dom.child(&head, "button", "tl-toggle") else { return };
    fixed(&toggle, "type", "button");
    fixed(&toggle, "data-act", "toggle");
    let Some(permalink) = dom.text_child(&head, "a", "tl-permalink", "#") else { return };
    let _ = permalink.set_attribute("href", &format!("#c-{}", p.id));
    fixed(&permalink, "aria-label", p.state.t(Key::LinkToComment));
    let Some(body) = dom.child(&li, "div", "tl-body") else { return };
    // An unsent comment has no id the backend knows: no replies or likes yet.
    let pending = is_pending(&p.id);
    let deleted = p.with_comment(|c, _| c.deleted).unwrap_or(false);
    let actions = (!pending && !deleted).then(|| dom.child(&li, "div", "tl-actions")).flatten();
    let reply = actions.as_ref().and_then(|a| dom.text_child(a, "button", "tl-reply", p.state.t(Key::Reply)));
    if let Some(reply) = &reply {
        fixed(reply, "type", "button");
        fixed(reply, "data-act", "reply");
        let _ = reply.set_attribute("id", &format!("tl-reply-{}", p.id));
    }
    let like = actions.as_ref().filter(|_| p.state.can_like()).and_then(|a| dom.child(a, "button", "tl-like"));
    if let Some(like) = &like {
        fixed(like, "type", "button");
        fixed(like, "data-act", "like");
    }
    let effects = StoredValue::new_local(Vec::with_capacity(3));
    let keep = |e: RenderEffect<()>| effects.update_value(|v| v.push(e));

    // The row's marks, the toggle and what a collapsed comment hides. Depth
    // too: the nesting for screen readers (the list is flat on purpose) and
    // the indentation (attributes, not inline styles: strict CSPs block those).
    keep({
        let (p, body) = (p.clone(), body.clone());
        let mut body_hidden = false;
        RenderEffect::new(move |_| {
            let collapsed = p.collapsed.get();
            let mut class = String::from("tl-comment");
            for (on, name) in [
                (collapsed, " tl-collapsed"),
                (p.state.last_posted.with(|l| l.as_ref() == Some(&p.id)), " tl-new"),
                (p.state.target.with(|t| t.as_ref() == Some(&p.id)), " tl-target"),
                (pending, " tl-pending"),
            ] {
                if on {
                    class.push_str(name);
                }
            }
            li.set_class_name(&class);
            let replies = p.row.with(|r| r.as_ref().map_or(0, |r| r.replies));
            p.revision.track();
            let author = p.with_comment(|c, _| c.author.clone()).unwrap_or_default();
            fixed(&toggle, "aria-expanded", if collapsed { "false" } else { "true" });
            let label = threadline_i18n::toggle_label(p.state.lang, collapsed, &author, replies as u64);
            let _ = toggle.set_attribute("aria-label", &label);
            toggle.set_text_content(Some(&toggle_text(p.state, collapsed, replies)));
            flag(&body, "hidden", collapsed, &mut body_hidden);
            let depth = p.depth.get();
            let _ = li.set_attribute("aria-level", &(depth + 1).to_string());
            let _ = li.set_attribute("data-depth", &depth.to_string());
            let _ = li.set_attribute("data-indent", &depth.min(MAX_INDENT).to_string());
        })
    });

    // Avatar, name, time, marks and the body: drawn again only when the comment changed.
    keep({
        let (p, dom, like) = (p.clone(), dom.clone(), like.clone());
        let mut byline: Vec<Element> = Vec::new();
        RenderEffect::new(move |_| {
            let fresh = p.fresh.get();
            let deep = p.depth.get() > MAX_INDENT;
            let editing = p.editing.get();
            p.revision.track();
            p.with_comment(|c, parent_author| {
                byline.drain(..).for_each(|e| e.remove());
                byline = draw_byline(&dom, p.state, &head, &permalink, c, parent_author, deep, fresh);
                body.set_text_content(None);
                body.set_class_name(if c.deleted { "tl-body tl-gone" } else { "tl-body" });
                if c.deleted {
                    dom.text_child(&body, "p", "", p.state.t(Key::Deleted));
                } else if !editing {
                    draw_body(&dom, &body, &c.body, c.format);
                }
                if let Some(like) = &like {
                    let count = if c.likes > 0 { format!(" · {}", c.likes) } else { String::new() };
                    like.set_text_content(Some(&format!("{}{count}", p.state.t(Key::Like))));
                }
            });
        })
    });

    // Reply, like, and edit or delete for the reader's own comments.
    if let (Some(actions), Some(reply)) = (actions, reply) {
        let (mut actions_hidden, mut like_disabled) = (false, false);
        let mut shown = Manage::None;
        let mut manage: Vec<Element> = Vec::new();
        keep(RenderEffect::new(move |_| {
            let deleted = p.with_comment(|c, _| c.deleted).unwrap_or(false);
            // The edit form has its own buttons; nothing is offered for a deleted comment.
            let hide = p.collapsed.get() | p.editing.get() | deleted;
            flag(&actions, "hidden", hide, &mut actions_hidden);
            let open = p.state.open_forms.with(|f| f.contains(&p.id));
            fixed(&reply, "aria-expanded", if open { "true" } else { "false" });
            if let Some(like) = &like {
                let liked = p.state.liked.with(|l| l.contains(&p.id));
                fixed(like, "aria-pressed", if liked { "true" } else { "false" });
                flag(like, "disabled", liked, &mut like_disabled);
            }
            // Asked again whenever the row changes: a comment that arrived through the
            // stream before its own post was confirmed becomes editable on confirmation.
            p.row.track();
            let now = if !p.state.can_edit(&p.id) {
                Manage::None
            } else if p.state.asking.with(|a| a.as_ref() == Some(&p.id)) {
                Manage::Asking
            } else {
                Manage::Buttons
            };
            if now != shown {
                manage.drain(..).for_each(|e| e.remove());
                manage = draw_manage(&dom, p.state, &actions, now);
                shown = now;
            }
        }));
    }
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

/// The one click listener of the list: a row's button says what it does in
/// `data-act`, its row says which comment (`id="c-<id>"`).
pub fn row_click(state: ThreadState, ev: &web_sys::MouseEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(button) = target.closest("[data-act]").ok().flatten() else { return };
    let Some(row) = button.closest("li.tl-comment").ok().flatten() else { return };
    let (Some(act), Some(id)) = (button.get_attribute("data-act"), row.id().strip_prefix("c-").map(CommentId::from))
    else {
        return;
    };
    match act.as_str() {
        "toggle" => state.toggle_collapse(&id),
        "reply" => state.set_form_open(&id, !state.open_forms.with_untracked(|f| f.contains(&id))),
        "like" => state.like(id),
        "edit" => state.set_editing(&id, true),
        "delete" => state.asking.set(Some(id)),
        "delete-yes" => {
            state.asking.set(None);
            state.delete_comment(id);
        }
        "delete-no" => state.asking.set(None),
        _ => {}
    }
}
