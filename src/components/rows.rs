//! The list of rows on screen, kept by hand: one effect follows the keys of
//! the visible rows and changes the list as `threadline_core::keyed::plan`
//! says. Leptos's keyed `For` (nested, one list per top-level comment) did
//! the same in 6 KB more of the bundle, and no faster.

use super::body::Dom;
use super::comment::comment_row;
use super::MoreRow;
use crate::state::{RowCells, ThreadState};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use std::collections::HashMap;
use threadline_core::RowKey;
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
            for &i in &plan.remove {
                if let Some(row) = drawn.remove(&shown[i]) {
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
        });
    });
    // The effect lives as long as the list: dropped with the thread's owner.
    StoredValue::new_local(effect);
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
