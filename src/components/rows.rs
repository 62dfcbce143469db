//! The list of rows on screen, kept by hand: one effect follows the keys of
//! the visible rows and changes the list as `threadline_core::keyed::plan`
//! says. Leptos's keyed `For` (nested, one list per top-level comment) did
//! the same in 6 KB more of the bundle, and no faster.

use super::body::Dom;
use super::comment::comment_row;
use super::MoreRow;
use crate::state::{Ask, RowCells, ThreadState};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use std::collections::HashMap;
use threadline_core::{CommentId, RowKey};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Children that build nothing at all, for the list (tachys draws `()` as a
/// placeholder node).
pub const NOTHING: [(); 0] = [];

/// A row in the list: its element, the owner of its effects and forms, and,
/// for a "more" row (a view), the view's state that unmounts it.
struct Drawn {
    li: Element,
    owner: Owner,
    view: Option<AnyViewState>,
}

impl Drawn {
    fn remove(mut self) {
        match self.view.as_mut() {
            Some(view) => view.unmount(),
            None => self.li.remove(),
        }
        self.owner.cleanup();
    }
}

/// What `keyed_rows` follows: the thread and the rows' cells.
#[derive(Clone, Copy)]
pub struct RowList {
    pub state: ThreadState,
    pub cells: RowCells,
}

/// Keeps `list`'s children in step with the visible rows (a directive on the `<ol>`).
pub fn keyed_rows(list: Element, RowList { state, cells }: RowList) {
    let Some(dom) = Dom::new() else { return };
    let keys = state.row_keys(cells);
    // Rows are owned here, not by the effect, whose own owner is cleaned at
    // its every run. A child owner of the list's own: the effect holds it, and
    // holding the widget's owner would keep that from ever being cleaned up
    // (its timers and listeners would outlive `unmount()`).
    let owner = Owner::current().unwrap_or_default().child();
    let mut shown: Vec<RowKey> = Vec::new();
    let mut drawn: HashMap<RowKey, Drawn> = HashMap::new();
    let effect = RenderEffect::new(move |_| {
        keys.with(|new| {
            let plan = threadline_core::keyed::plan(&shown, new);
            // The row the reader is on may go (deleted, here or by a
            // moderator; a "more" row that opened): focus then goes on to
            // the row taking its place.
            let on = if plan.remove.is_empty() { None } else { focused_row(&list) };
            let mut place_of_focus = None;
            for &i in &plan.remove {
                if let Some(row) = drawn.remove(&shown[i]) {
                    if on.as_ref() == Some(&shown[i]) {
                        place_of_focus = Some(row.li.previous_element_sibling());
                    }
                    row.remove();
                }
            }
            for &(n, before) in &plan.place {
                let before = before.and_then(|b| drawn.get(&shown[b])).map(|d| d.li.clone());
                let key = &new[n];
                match drawn.get(key) {
                    Some(row) => {
                        let _ = list.insert_before(&row.li, before.as_ref().map(|b| b.as_ref()));
                    }
                    None => {
                        let made = untrack(|| draw(&dom, &owner, state, cells, key, &list, before.as_ref()));
                        if let Some(row) = made {
                            drawn.insert(key.clone(), row);
                        }
                    }
                }
            }
            // A row that could not be drawn is not on screen: the next run tries again.
            shown = new.iter().filter(|k| drawn.contains_key(k)).cloned().collect();
            if let Some(before) = place_of_focus {
                // The row after it, or (it was the last) the one before, or the list itself.
                let next = match before.filter(|b| b.is_connected()) {
                    Some(b) => b.next_element_sibling().or(Some(b)),
                    None => list.first_element_child(),
                };
                crate::state::focus_row(next.or_else(|| Some(list.clone())));
            }
        });
    });
    // The effect lives as long as the list: dropped with the thread's owner.
    StoredValue::new_local(effect);
}

/// A row's element id: `c-<id>` for a comment (its permalink), and one for
/// each kind of "more" row. `key_of` reads it back.
pub fn dom_id(key: &RowKey) -> String {
    match key {
        RowKey::Comment(c) => format!("c-{c}"),
        RowKey::MoreTop => "tl-more-top".to_owned(),
        RowKey::MoreReplies(p) => format!("tl-more-{p}"),
        RowKey::Continue(p) => format!("tl-continue-{p}"),
    }
}

fn key_of(id: &str) -> Option<RowKey> {
    if let Some(c) = id.strip_prefix("c-") {
        return Some(RowKey::Comment(c.into()));
    }
    if id == "tl-more-top" {
        return Some(RowKey::MoreTop);
    }
    if let Some(p) = id.strip_prefix("tl-more-") {
        return Some(RowKey::MoreReplies(p.into()));
    }
    Some(RowKey::Continue(id.strip_prefix("tl-continue-")?.into()))
}

/// The row that holds focus, if one does: a comment, or a "more" row (its
/// button goes when what it opens arrives, later if the rest was loading).
fn focused_row(list: &Element) -> Option<RowKey> {
    key_of(&crate::state::focused_in(list)?.closest("li").ok()??.id())
}

/// A new row, put in `list` before `before` (at the end for `None`).
fn draw(
    dom: &Dom,
    parent: &Owner,
    state: ThreadState,
    cells: RowCells,
    key: &RowKey,
    list: &Element,
    before: Option<&Element>,
) -> Option<Drawn> {
    let owner = parent.child();
    match key {
        RowKey::Comment(id) => {
            let li = owner.with(|| comment_row(dom, state, cells, id.clone()))?;
            list.insert_before(&li, before.map(|b| b.as_ref())).ok()?;
            Some(Drawn { li, owner, view: None })
        }
        other => {
            let mut view =
                owner.with(|| view! { <MoreRow state=state cells=cells key=other.clone() /> }.into_any().build());
            view.mount(list, before.map(|b| b.as_ref()));
            match view.elements().into_iter().next() {
                Some(li) => Some(Drawn { li, owner, view: Some(view) }),
                None => {
                    view.unmount();
                    owner.cleanup();
                    None
                }
            }
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
    if state.row_error.with_untracked(Option::is_some) {
        state.row_error.set(None);
    }
    match act.as_str() {
        "toggle" => state.toggle_collapse(&id),
        "reply" => state.set_form_open(&id, !state.open_forms.with_untracked(|f| f.contains(&id))),
        "like" => state.like(id),
        // Reported already (the button is aria-disabled, not disabled): nothing to ask.
        "report" if !state.reported.with_untracked(|r| r.contains(&id)) => state.asking.set(Some((id, Ask::Report))),
        "report-yes" => {
            state.asking.set(None);
            state.report(id);
        }
        "edit" => state.set_editing(&id, true),
        "delete" => state.asking.set(Some((id, Ask::Delete))),
        "delete-yes" => {
            state.asking.set(None);
            state.delete_comment(id);
        }
        "delete-no" | "report-no" => state.asking.set(None),
        _ => {}
    }
}

/// Esc answers "Delete this comment?" and "Report this comment?" with
/// Cancel, as it closes the forms.
pub fn row_key(state: ThreadState, ev: &web_sys::KeyboardEvent) {
    let asked =
        ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest(".tl-ask").ok().flatten());
    if ev.key() == "Escape" && asked.is_some() {
        ev.prevent_default();
        state.asking.set(None);
    }
}
