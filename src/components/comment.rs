use super::body::{draw_body, fixed, flag, Dom};
use super::row_parts::{
    draw_ask, draw_byline, draw_manage, edit_still_open, keep_focus, said_in_row, skeleton, toggle_text, EditTimer,
    Manage, Skeleton,
};
use super::{EditForm, ReplyForm, MAX_INDENT};
use crate::i18n::Key;
use crate::posting::is_pending;
use crate::state::{Ask, RowCells, SendStatus, ThreadState};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use threadline_core::{Comment, CommentId, Row, RowKey};
use web_sys::Element;

/// One comment's row. Rows are keyed by id: a row lives as long as its
/// comment is on screen (`rows::keyed_rows` keeps it) and follows only its own row (collapsed, reply
/// count, depth, revision), so a new reply elsewhere, a page of more
/// comments or a poll never rebuilds it, and its open forms keep focus.
///
/// A big thread draws a hundred or more of these at once. The parts every
/// row has (head, body, actions) are made with DOM calls in `draw_row` and
/// kept current by one effect; only the forms, which few rows ever open, are
/// views, made by that effect when one opens (a binding kept ready for them
/// in every row cost about 5 ms of the first screen). The 114 rows of the 1,000-comment benchmark's first screen took
/// about 39 ms as typed views (eleven reactive bindings and a listener per
/// row, every element through Leptos' generic view code), 31 ms with DOM calls,
/// about 22 ms since the fixed parts are cloned (`row_parts::skeleton`), about
/// 16 ms with the forms made on demand.
/// Buttons carry a `data-act` and are answered by one listener on the list
/// (`rows::row_click`), not a closure each. Called under the row's own owner,
/// which holds its effect and forms.
pub fn comment_row(dom: &Dom, state: ThreadState, cells: RowCells, id: CommentId) -> Option<Element> {
    let li = dom.el("li", "")?;
    li.set_id(&format!("c-{id}"));
    let cell = cells.get(&RowKey::Comment(id.clone()));
    draw_row(li.clone(), Parts { state, id, cell });
    Some(li)
}

/// What `draw_row` follows: the row's own cell and the thread's state.
#[derive(Clone)]
pub struct Parts {
    state: ThreadState,
    id: CommentId,
    cell: Option<ArcRwSignal<Row>>,
}

impl Parts {
    /// The comment and its parent's author, read without following the thread
    /// (whoever needs to follow it tracks the row's revision).
    fn with_comment<R>(&self, f: impl FnOnce(&Comment, Option<&str>) -> R) -> Option<R> {
        self.state.thread.with_untracked(|t| {
            let node = t.get(&self.id)?;
            let parent_author = node.parent.and_then(|p| t.node(p)).map(|p| p.comment.author.as_str());
            Some(f(&node.comment, parent_author))
        })
    }
}

/// Everything a row shows that can change, read in one go.
struct Seen {
    row: Option<Row>,
    editing: bool,
    fresh: bool,
    new: bool,
    target: bool,
    open: bool,
    liked: bool,
    reported: bool,
    /// Delete or Report pressed and being asked.
    asking: Option<Ask>,
    /// Where an unsent comment of this reader's stands.
    sending: Option<SendStatus>,
    /// Awaiting a moderator (read with the row, whose revision it follows).
    held: bool,
    /// Another tab changed which comments are this reader's.
    owned: u32,
    /// Why the last like, report or delete of it failed.
    error: Option<String>,
}

impl Seen {
    fn read(p: &Parts) -> Seen {
        let s = p.state;
        let has = |set: RwSignal<std::collections::BTreeSet<CommentId>>| set.with(|x| x.contains(&p.id));
        let is = |one: RwSignal<Option<CommentId>>| one.with(|x| x.as_ref() == Some(&p.id));
        Seen {
            row: p.cell.as_ref().map(|c| c.get()),
            editing: has(s.editing),
            fresh: has(s.fresh),
            new: is(s.last_posted),
            target: is(s.target),
            open: has(s.open_forms),
            liked: has(s.liked),
            reported: has(s.reported),
            asking: s.asking.with(|x| x.as_ref().filter(|(id, _)| *id == p.id).map(|(_, ask)| *ask)),
            sending: s.sending.with(|x| x.get(&p.id).cloned()),
            held: p.with_comment(|c, _| c.held).unwrap_or(false),
            owned: s.owned_changed.get(),
            error: s.row_error.with(|e| e.as_ref().filter(|(id, _)| *id == p.id).map(|(_, why)| why.clone())),
        }
    }

    fn collapsed(&self) -> bool {
        self.row.as_ref().is_some_and(|r| r.collapsed)
    }

    fn depth(&self) -> usize {
        self.row.as_ref().map_or(0, |r| r.depth)
    }

    /// What the toggle says: open or not, how many replies, whose comment.
    fn toggle(&self) -> (bool, usize, Option<u32>) {
        let r = self.row.as_ref();
        (self.collapsed(), r.map_or(0, |r| r.replies), r.map(|r| r.revision))
    }

    /// The forms open under the comment: its edit form, an unsent comment's
    /// status, a reply form. None of them while it is collapsed.
    fn forms(&self) -> Forms {
        let open = !self.collapsed();
        Forms {
            editing: open && self.editing,
            status: self.sending.clone().filter(|_| open),
            replying: open && self.open,
        }
    }

    /// What the byline and body show.
    fn content(&self) -> (Option<u32>, bool, bool, bool, bool) {
        (self.row.as_ref().map(|r| r.revision), self.fresh, self.depth() > MAX_INDENT, self.editing, self.held)
    }
}

/// The row's head, body and actions, made once and then changed in place by
/// one effect that compares what it reads with what it drew last and touches
/// only what differs: the toggle, the marks, the content (on a new revision
/// only) and what the reader may do. Changed in place, a focused button keeps
/// its focus.
fn draw_row(li: Element, p: Parts) {
    let Some(dom) = Dom::new() else { return };
    // An unsent comment has no id the backend knows: no replies or likes yet.
    let pending = is_pending(&p.id);
    let deleted = p.with_comment(|c, _| c.deleted).unwrap_or(false);
    let answerable = !pending && !deleted;
    let Some(Skeleton { head, toggle, permalink, body, actions, reply, like, report }) =
        skeleton(&dom, p.state, &li, answerable, answerable && p.state.can_like())
    else {
        return;
    };
    let _ = permalink.set_attribute("href", &format!("#c-{}", p.id));

    // The forms are views, made when one opens and under the row's owner:
    // an owner of the effect's own would be cleaned at its every run.
    let owner = Owner::current().unwrap_or_default();
    let mut forms: (Forms, Option<(Owner, AnyViewState)>) = (Forms::default(), None);
    let mut last: Option<Seen> = None;
    let (mut body_hidden, mut actions_hidden, mut gone) = (false, false, false);
    // Nobody can answer or like a comment a moderator has not let through.
    let (mut reply_hidden, mut like_hidden) = (false, false);
    // Nor report it; nor report one's own.
    let (mut report_hidden, mut report_done) = (false, false);
    let mut report_ask: Option<Element> = None;
    let (mut byline, mut manage): (Vec<Element>, Vec<Element>) = (Vec::new(), Vec::new());
    let (mut shown, mut can_edit, mut own) = (Manage::None, false, false);
    let (mut edit_open, mut edit_timer) = (false, EditTimer::default());
    let mut said: Option<Element> = None;
    let effect = RenderEffect::new(move |_| {
        let now = Seen::read(&p);
        let was = last.take();
        let changed = |f: &dyn Fn(&Seen) -> bool| was.as_ref().is_none_or(f);
        let collapsed = now.collapsed();
        // What the reader was on may go (Delete asks, Cancel, a closing edit
        // form): focus then moves to what took its place, not to the page.
        let had_focus = was.is_some() && crate::state::focus_within(&li);
        let refocus = match (now.asking, was.as_ref().and_then(|w| w.asking)) {
            (Some(Ask::Delete), _) => ".tl-delete-no",
            (Some(Ask::Report), _) => ".tl-report-no",
            (None, Some(Ask::Delete)) => ".tl-delete",
            (None, Some(Ask::Report)) => ".tl-report",
            (None, None) => ".tl-edit, .tl-delete",
        };

        // The row's marks, the toggle and what a collapsed comment hides.
        if changed(&|w| (w.collapsed(), w.new, w.target, w.held) != (collapsed, now.new, now.target, now.held)) {
            let mut class = String::from("tl-comment");
            for (on, name) in [
                (collapsed, " tl-collapsed"),
                (now.new, " tl-new"),
                (now.target, " tl-target"),
                (pending, " tl-pending"),
                (now.held, " tl-held"),
            ] {
                if on {
                    class.push_str(name);
                }
            }
            li.set_class_name(&class);
        }
        if changed(&|w| w.toggle() != now.toggle()) {
            let (_, replies, _) = now.toggle();
            // A deleted comment has no name left: "[deleted]" is read out instead of nothing.
            let author = p.with_comment(|c, _| c.author.clone()).filter(|a| !a.is_empty());
            let author = author.unwrap_or_else(|| p.state.t(Key::DeletedName).to_owned());
            let label = threadline_i18n::toggle_label(p.state.lang, collapsed, &author, replies as u64);
            let _ = toggle.set_attribute("aria-label", &label);
            // A new row's toggle is made open (`row_parts::skeleton`).
            if was.is_some() || collapsed {
                fixed(&toggle, "aria-expanded", if collapsed { "false" } else { "true" });
                toggle.set_text_content(Some(&toggle_text(p.state, collapsed, replies)));
            }
            flag(&body, "hidden", collapsed, &mut body_hidden);
        }
        // The nesting for screen readers (the list is flat on purpose) and the
        // indentation (attributes, not inline styles: strict CSPs block those).
        let depth = now.depth();
        if changed(&|w| w.depth() != depth) {
            let _ = li.set_attribute("aria-level", &(depth + 1).to_string());
            let _ = li.set_attribute("data-depth", &depth.to_string());
            let _ = li.set_attribute("data-indent", &depth.min(MAX_INDENT).to_string());
        }

        // Avatar, name, time, marks and the body: drawn again only when the comment changed.
        if changed(&|w| w.content() != now.content()) {
            let (_, fresh, deep, editing, _) = now.content();
            p.with_comment(|c, parent_author| {
                byline.drain(..).for_each(|e| e.remove());
                byline = draw_byline(&dom, p.state, &head, &permalink, c, parent_author, deep, fresh);
                // A new row's body is empty and plain: two JS calls saved per row.
                if was.is_some() {
                    body.set_text_content(None);
                }
                if c.deleted != gone {
                    body.set_class_name(if c.deleted { "tl-body tl-gone" } else { "tl-body" });
                    gone = c.deleted;
                }
                if c.deleted {
                    dom.text_child(&body, "p", "", p.state.t(Key::Deleted));
                } else if !editing {
                    draw_body(&dom, &body, &c.body, c.format);
                }
                // A new row's Like says "Like" already.
                if let Some(like) = like.as_ref().filter(|_| was.is_some() || c.likes > 0) {
                    let count = if c.likes > 0 { format!(" · {}", c.likes) } else { String::new() };
                    like.set_text_content(Some(&format!("{}{count}", p.state.t(Key::Like))));
                }
            });
        }

        // Reply, like, and edit or delete for the reader's own comments.
        if let (Some(actions), Some(reply)) = (&actions, &reply) {
            let deleted = p.with_comment(|c, _| c.deleted).unwrap_or(false);
            // The edit form has its own buttons; nothing is offered for a deleted comment.
            flag(actions, "hidden", collapsed | now.editing | deleted, &mut actions_hidden);
            flag(reply, "hidden", now.held, &mut reply_hidden);
            if let Some(like) = &like {
                flag(like, "hidden", now.held, &mut like_hidden);
            }
            // A new row's Reply is made closed and its Like not pressed.
            if was.as_ref().map_or(now.open, |w| w.open != now.open) {
                fixed(reply, "aria-expanded", if now.open { "true" } else { "false" });
            }
            if let Some(like) = like.as_ref().filter(|_| was.as_ref().map_or(now.liked, |w| w.liked != now.liked)) {
                fixed(like, "aria-pressed", if now.liked { "true" } else { "false" });
                // Not `disabled`, like Report: focus stays while it changes.
                fixed(like, "aria-disabled", if now.liked { "true" } else { "false" });
            }
            // Asked again whenever the row changes: a comment that arrived through the
            // stream before its own post was confirmed becomes editable on confirmation.
            if changed(&|w| w.row != now.row || w.owned != now.owned) {
                own = p.state.owns(&p.id);
                let (edit, delete) = p.state.capabilities.with_value(|c| (c.edit, c.delete));
                can_edit = own && (edit || delete);
                edit_open =
                    own && edit && p.with_comment(|c, _| edit_still_open(p.state, c, &mut edit_timer)).unwrap_or(false);
            }
            if let Some(report) = &report {
                // Asked in its place, as Delete is: a report cannot be taken back.
                let asking = now.asking == Some(Ask::Report) && !own;
                flag(report, "hidden", now.held || own || asking, &mut report_hidden);
                if asking != report_ask.is_some() {
                    report_ask.take().inspect(Element::remove);
                    report_ask = if asking { draw_ask(&dom, p.state, actions, Ask::Report) } else { None };
                }
                // Not `disabled`: the button keeps keyboard focus while its words change.
                if now.reported != report_done {
                    report.set_text_content(Some(p.state.t(if now.reported { Key::Reported } else { Key::Report })));
                    report_done = now.reported;
                    fixed(report, "aria-disabled", if report_done { "true" } else { "false" });
                }
            }
            let want = match (can_edit, now.asking == Some(Ask::Delete)) {
                (false, _) => Manage::None,
                (true, true) => Manage::Asking,
                (true, false) if edit_open => Manage::Buttons,
                (true, false) => Manage::DeleteOnly,
            };
            if want != shown {
                manage.drain(..).for_each(|e| e.remove());
                manage = draw_manage(&dom, p.state, actions, want);
                shown = want;
            }
        }
        let want = now.forms();
        if want != forms.0 {
            if let Some((owner, mut view)) = forms.1.take() {
                view.unmount();
                owner.cleanup();
            }
            if want != Forms::default() {
                let child = owner.child();
                let mut view = child.with(|| untrack(|| forms_view(&p, &want).build()));
                view.mount(&li, None);
                forms.1 = Some((child, view));
            }
            forms.0 = want;
        }
        if changed(&|w| w.error != now.error) {
            said = said_in_row(&dom, &li, actions.as_ref(), said.take(), now.error.as_deref());
        }
        if had_focus {
            keep_focus(&li, refocus);
        }
        last = Some(now);
    });
    // The effect lives as long as the row: dropped with the row's owner.
    StoredValue::new_local(effect);
}

/// Which forms a row shows (see `Seen::forms`).
#[derive(Default, PartialEq)]
struct Forms {
    editing: bool,
    status: Option<SendStatus>,
    replying: bool,
}

// Out of line, like `status_view`: few rows open a form, and code inlined into
// the row's effect is compiled (on the main thread) for every first screen.
#[inline(never)]
fn forms_view(p: &Parts, forms: &Forms) -> AnyView {
    let edit = forms.editing.then(|| {
        let (text, author) = p.with_comment(|c, _| (c.body.clone(), c.author.clone())).unwrap_or_default();
        view! { <EditForm state=p.state id=p.id.clone() author=author text=text /> }
    });
    let status = forms.status.clone().map(|s| status_view(p.state, &p.id, s));
    let reply = forms.replying.then(|| view! { <ReplyForm state=p.state parent=Some(p.id.clone()) /> });
    (edit, status, reply).into_any()
}

#[inline(never)]
fn status_view(state: ThreadState, id: &CommentId, status: SendStatus) -> AnyView {
    match status {
        SendStatus::Sending => view! { <p class="tl-sending" role="status">{state.t(Key::Sending)}</p> }.into_any(),
        SendStatus::Failed { message, retrying, nudged } => {
            let (retry_id, edit_id) = (id.clone(), id.clone());
            // Sent again unchanged, a nudged comment would only be asked about again.
            let again = if nudged { Key::PostAnyway } else { Key::RetryNow };
            view! {
                <div class="tl-unsent" role="alert">
                    <p>{state.t(if retrying { Key::NotSentRetrying } else { Key::NotSent })} " " {message}</p>
                    <button type="button" on:click=move |_| {
                        if nudged { state.post_anyway(&retry_id) } else { state.retry(&retry_id) }
                    }>{state.t(again)}</button>
                    <button type="button" on:click=move |_| state.edit_unsent(&edit_id)>{state.t(Key::Edit)}</button>
                </div>
            }
            .into_any()
        }
    }
}
