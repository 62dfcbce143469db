//! The parts of a comment row that are drawn again whole when they change:
//! the byline and the edit/delete controls (see `comment.rs` for why with
//! DOM calls). Text only ever goes in as text nodes.

use super::body::{author_el, fixed, web_href, Dom};
use crate::i18n::{fill, Key, Lang, Noun};
use crate::state::{Ask, ThreadState};
use leptos::prelude::{Update, WithValue};
use std::cell::{Cell, RefCell};
use threadline_core::Comment;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The elements every row has, in `li`; `actions` (with `reply`, `like`
/// where the backend counts likes, `report` where it takes reports) only for
/// a comment one may answer.
pub struct Skeleton {
    pub head: Element,
    pub toggle: Element,
    pub permalink: Element,
    pub body: Element,
    pub actions: Option<Element>,
    pub reply: Option<Element>,
    pub like: Option<Element>,
    pub report: Option<Element>,
}

/// What a row's fixed parts depend on: the language of their labels, and
/// whether it has actions, a like button and a report button.
type Shape = (Lang, bool, bool, bool);

thread_local! {
    /// Each shape's parts, made once per page: a row clones them in one call
    /// instead of making them in some thirty (about 4 ms over a first screen
    /// of 114 rows).
    static MADE: RefCell<Vec<(Shape, Node)>> = const { RefCell::new(Vec::new()) };
}

/// The fixed parts of a row, appended to `li`.
pub fn skeleton(dom: &Dom, state: ThreadState, li: &Element, actions: bool, like: bool) -> Option<Skeleton> {
    let report = actions && state.can_report();
    let shape = (state.lang, actions, like, report);
    let made = MADE.with(|m| m.borrow().iter().find(|(s, _)| *s == shape).map(|(_, n)| n.clone()));
    let made = match made {
        Some(made) => made,
        None => {
            let made = make_skeleton(dom, state, shape)?;
            MADE.with(|m| m.borrow_mut().push((shape, made.clone())));
            made
        }
    };
    let parts = made.clone_node_with_deep(true).ok()?;
    // The structure is the one `make_skeleton` built, never seen by any other script.
    let el = |n: Option<Node>| n.map(JsCast::unchecked_into::<Element>);
    let head = el(parts.first_child())?;
    let toggle = el(head.first_child())?;
    let permalink = el(toggle.next_sibling())?;
    let body = el(head.next_sibling())?;
    let actions = if actions { el(body.next_sibling()) } else { None };
    let reply = actions.as_ref().and_then(|a| el(a.first_child()));
    let like = if like { reply.as_ref().and_then(|r| el(r.next_sibling())) } else { None };
    let report = if report { like.as_ref().or(reply.as_ref()).and_then(|b| el(b.next_sibling())) } else { None };
    li.append_child(&parts).ok()?;
    Some(Skeleton { head, toggle, permalink, body, actions, reply, like, report })
}

/// A button answered by the list's one listener (`rows::row_click`).
fn act(button: &Element, act: &str) {
    fixed(button, "type", "button");
    fixed(button, "data-act", act);
}

#[inline(never)]
fn make_skeleton(dom: &Dom, state: ThreadState, (_, actions, like, report): Shape) -> Option<Node> {
    let parts = dom.fragment()?;
    // Each part as a new row starts (open, not replying, not liked, no likes):
    // a row's first draw then sets only what differs (`comment::draw_row`).
    let head = dom.child(&parts, "div", "tl-head")?;
    let toggle = dom.text_child(&head, "button", "tl-toggle", EXPANDED)?;
    act(&toggle, "toggle");
    fixed(&toggle, "aria-expanded", "true");
    let permalink = dom.text_child(&head, "a", "tl-permalink", "#")?;
    fixed(&permalink, "aria-label", state.t(Key::LinkToComment));
    dom.child(&parts, "div", "tl-body")?;
    if actions {
        let actions = dom.child(&parts, "div", "tl-actions")?;
        let reply = dom.text_child(&actions, "button", "tl-reply", state.t(Key::Reply))?;
        act(&reply, "reply");
        fixed(&reply, "aria-expanded", "false");
        if like {
            let like = dom.text_child(&actions, "button", "tl-like", state.t(Key::Like))?;
            act(&like, "like");
            fixed(&like, "aria-pressed", "false");
        }
        if report {
            let report = dom.text_child(&actions, "button", "tl-report", state.t(Key::Report))?;
            act(&report, "report");
        }
    }
    Some(parts.into())
}

/// An open comment's toggle.
const EXPANDED: &str = "[–]";

/// The toggle's visible text; its label for screen readers says the rest.
pub fn toggle_text(state: ThreadState, collapsed: bool, replies: usize) -> String {
    if !collapsed {
        EXPANDED.to_owned()
    } else if replies > 0 {
        format!("[+] {}", state.count(Noun::Replies, replies))
    } else {
        "[+]".to_owned()
    }
}

/// Avatar, name, time and marks, inserted in `head` before `before`; answers
/// what it inserted, for the next revision to remove. Only the parts there
/// are: an absent part would still cost a placeholder node per row. Each goes
/// straight to its place (a fragment would cost two more calls per row).
#[allow(clippy::too_many_arguments)]
pub fn draw_byline(
    dom: &Dom,
    state: ThreadState,
    head: &Element,
    before: &Element,
    c: &Comment,
    parent_author: Option<&str>,
    deep: bool,
    fresh: bool,
) -> Vec<Element> {
    let mut made = Vec::new();
    if let Some(src) = c.avatar.as_deref().and_then(web_href) {
        if let Some(img) = dom.el("img", "tl-avatar") {
            let _ = img.set_attribute("src", &src);
            fixed(&img, "alt", "");
            fixed(&img, "loading", "lazy");
            fixed(&img, "referrerpolicy", "no-referrer");
            made.push(img);
        }
    }
    let author = if c.deleted {
        dom.text_el("span", "tl-author tl-gone", "—")
    } else {
        author_el(dom, &c.author, c.website.as_deref())
    };
    made.extend(author);
    if let Some(ms) = c.created_ms {
        // "3 hours ago" in the reader's language, the exact time for machines,
        // and on hover the date and the reader's clock time ("8 December 2026, 04:25").
        let text = threadline_i18n::relative_time(state.lang, now_ms(), ms, utc_offset());
        if let Some(time) = dom.text_el("time", "tl-time", &text) {
            let iso = threadline_i18n::iso_utc(ms);
            let _ = time.set_attribute(wasm_bindgen::intern("datetime"), &iso);
            let minutes = (ms.div_euclid(60_000) + i64::from(utc_offset())).rem_euclid(1440);
            let date = threadline_i18n::date(state.lang, ms, utc_offset());
            let title = format!("{date}, {:02}:{:02}", minutes / 60, minutes % 60);
            let _ = time.set_attribute(wasm_bindgen::intern("title"), &title);
            made.push(time);
        }
    }
    if c.edited_ms.is_some() {
        made.extend(dom.text_el("span", "tl-edited", state.t(Key::Edited)));
    }
    if fresh {
        made.extend(dom.text_el("span", "tl-fresh", state.t(Key::New)));
    }
    if c.held {
        made.extend(dom.text_el("span", "tl-held-mark", state.t(Key::AwaitingModeration)));
    }
    // Past the indentation cap the nesting is no longer visible, so say it.
    if let Some(name) = parent_author.filter(|_| deep) {
        let text = format!("↳ {}", fill(state.t(Key::ReplyTo), &[("name", name)]));
        made.extend(dom.text_el("span", "tl-deep", &text));
    }
    for el in &made {
        let _ = head.insert_before(el, Some(before));
    }
    made
}

/// Whether the reader may still edit comment `c` of theirs, by the
/// backend's edit window; while they may, `timer` asks every row again
/// (`owned_changed`) the moment the window closes, which takes Edit away.
#[inline(never)]
pub fn edit_still_open(state: ThreadState, c: &Comment, timer: &mut EditTimer) -> bool {
    let ends = state.backend.with_value(|b| b.edit_window_ms()).zip(c.created_ms).map(|(w, at)| at.saturating_add(w));
    let now = now_ms();
    let Some(left) = ends.map(|e| e - now) else { return true };
    if left <= 0 {
        return false;
    }
    // Armed once, and again if it went off with time still left (a coarse
    // clock, a window longer than a browser timer can wait).
    if timer.0.as_ref().is_none_or(|(_, due)| now >= *due) {
        let wait = left.saturating_add(50).min(i64::from(i32::MAX));
        let bump = move || {
            state.owned_changed.try_update(|n| *n = n.wrapping_add(1));
        };
        let handle = leptos::prelude::set_timeout_with_handle(bump, std::time::Duration::from_millis(wait as u64));
        timer.0 = handle.ok().map(|h| (h, now + wait));
    }
    true
}

/// The timer of a row's edit window (and when it goes off), stopped when the row goes.
#[derive(Default)]
pub struct EditTimer(Option<(leptos::prelude::TimeoutHandle, i64)>);

impl Drop for EditTimer {
    fn drop(&mut self) {
        if let Some((t, _)) = self.0.take() {
            t.clear();
        }
    }
}

/// The time now, asked of the browser once for all the rows drawn in one go
/// (a relative time needs no better) rather than once per row.
fn now_ms() -> i64 {
    thread_local!(static NOW: Cell<Option<i64>> = const { Cell::new(None) });
    NOW.with(|now| {
        now.get().unwrap_or_else(|| {
            let ms = js_sys::Date::now() as i64;
            now.set(Some(ms));
            leptos::prelude::queue_microtask(|| NOW.with(|now| now.set(None)));
            ms
        })
    })
}

/// The reader's UTC offset in minutes, asked of the browser once per page.
fn utc_offset() -> i32 {
    thread_local!(static OFFSET: i32 = -(js_sys::Date::new_0().get_timezone_offset() as i32));
    OFFSET.with(|o| *o)
}

/// What an own comment offers besides Reply and Like.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Manage {
    /// Not the reader's comment (or the backend cannot edit or delete).
    None,
    Buttons,
    /// The backend's edit window is over: only Delete is left.
    DeleteOnly,
    /// Delete was pressed: asked in place, not with a browser dialog, so it
    /// can be read, tabbed to and undone.
    Asking,
}

/// The controls for `manage`, appended to `actions`; answers what it appended.
#[inline(never)]
pub fn draw_manage(dom: &Dom, state: ThreadState, actions: &Element, manage: Manage) -> Vec<Element> {
    let button = |parent: &Element, class: &str, act: &str, key: Key| {
        let b = dom.text_child(parent, "button", class, state.t(key))?;
        self::act(&b, act);
        Some(b)
    };
    match manage {
        Manage::None => Vec::new(),
        Manage::Buttons => {
            [button(actions, "tl-edit", "edit", Key::Edit), button(actions, "tl-delete", "delete", Key::Delete)]
                .into_iter()
                .flatten()
                .collect()
        }
        Manage::DeleteOnly => button(actions, "tl-delete", "delete", Key::Delete).into_iter().collect(),
        Manage::Asking => draw_ask(dom, state, actions, Ask::Delete).into_iter().collect(),
    }
}

/// "Delete this comment? [Delete] [Cancel]", or the same for Report, in
/// place of the button pressed: asked in the row, not with a browser
/// dialog, so it can be read, tabbed to and answered with Esc.
#[inline(never)]
pub fn draw_ask(dom: &Dom, state: ThreadState, actions: &Element, what: Ask) -> Option<Element> {
    let (question, yes_class, yes_key, yes_act, no_class, no_act) = match what {
        Ask::Delete => (Key::DeleteConfirm, "tl-delete-yes", Key::Delete, "delete-yes", "tl-delete-no", "delete-no"),
        Ask::Report => (Key::ReportConfirm, "tl-report-yes", Key::Report, "report-yes", "tl-report-no", "report-no"),
    };
    let ask = dom.child(actions, "span", "tl-ask")?;
    fixed(&ask, "role", "group");
    fixed(&ask, "aria-label", state.t(question));
    dom.text(&ask, &format!("{} ", state.t(question)));
    for (class, key, on) in [(yes_class, yes_key, yes_act), (no_class, Key::Cancel, no_act)] {
        let b = dom.text_child(&ask, "button", class, state.t(key))?;
        act(&b, on);
    }
    Some(ask)
}

/// Focus was in `li` and what held it may be gone, or hidden (a deleted
/// comment's actions): it moves to the first of `wanted` that shows, else to
/// the row's toggle, which every row has.
#[inline(never)]
pub fn keep_focus(li: &Element, wanted: &str) {
    let shows = |e: &Element| e.closest("[hidden]").ok().flatten().is_none();
    if crate::state::focused_in(li).is_some_and(|a| shows(&a)) {
        return;
    }
    let pick = |sel: &str| li.query_selector(sel).ok().flatten().filter(shows);
    crate::state::focus(pick(wanted).or_else(|| pick(".tl-toggle")));
}

/// Why a like, report or delete failed, right under the row's buttons (above
/// any open form), in place of what was said before.
#[inline(never)]
pub fn said_in_row(
    dom: &Dom,
    li: &Element,
    actions: Option<&Element>,
    before: Option<Element>,
    why: Option<&str>,
) -> Option<Element> {
    if let Some(old) = before {
        old.remove();
    }
    let p = dom.text_el("p", "tl-row-error", why?)?;
    fixed(&p, "role", "alert");
    li.insert_before(&p, actions.and_then(|a| a.next_sibling()).as_ref()).ok()?;
    Some(p)
}
