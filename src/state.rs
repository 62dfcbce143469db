//! The reactive state of one thread widget: the core's `Thread` and
//! `CollapseState` in signals, which reply forms are open, and what is still
//! being sent (see `posting.rs`). Components change it only through methods.

use crate::i18n::Key;
use crate::storage;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::time::Duration;
use threadline_core::{
    fields, window_rows, Backend, Capabilities, CollapseState, CommentId, Ordering, Row, RowKey, SortOrder, Thread,
    Window,
};
use threadline_sync::Outbox;

#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Ready,
    Failed(String),
}

/// What a row asks before doing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    Delete,
    Report,
}

#[derive(Clone, Copy)]
pub struct ThreadState {
    /// The reader's language for every string the widget shows.
    pub lang: crate::i18n::Lang,
    pub thread_id: StoredValue<String>,
    pub thread: RwSignal<Thread>,
    pub collapse: RwSignal<CollapseState>,
    /// Parents whose inline reply form is open.
    pub open_forms: RwSignal<BTreeSet<CommentId>>,
    pub load: RwSignal<Load>,
    /// The comment this reader posted last, highlighted until the next post.
    pub last_posted: RwSignal<Option<CommentId>>,
    /// Comments shown before the backend confirmed them, by pending id.
    pub sending: RwSignal<Sending>,
    /// Drafts handed back to forms (Edit on an unsent comment, a comment a
    /// moderator turned down), each taken by its form.
    pub handed_back: RwSignal<Vec<crate::posting::HandedBack>>,
    /// Something the reader should know that is not tied to one form.
    pub notice: RwSignal<Option<String>>,
    /// Said to screen readers only (`say`): what happened out of sight, such
    /// as a post the backend took after its form was gone.
    pub said: RwSignal<String>,
    /// Comments the backend sent that could not be read (`Backend::unreadable`).
    pub unreadable: RwSignal<usize>,
    /// The rest of a big thread is still loading after its first screen (`loading.rs`).
    pub rest_loading: RwSignal<bool>,
    /// Where the rest of a big thread stopped loading, after its tries failed:
    /// a "more" clicked then tries again from there (`loading.rs`). Empty:
    /// nowhere (a next page is never empty: `answers::next_page`); not an
    /// Option, whose stored type alone cost 0.7 KB of bundle.
    pub(crate) rest_failed_at: StoredValue<String>,
    /// Stream events that came while the rest was loading, merged once it is in.
    pub(crate) held: StoredValue<Vec<threadline_core::Comment>>,
    /// Why the thread on screen may be out of date (the last check for new comments failed).
    pub stale: RwSignal<Option<String>>,
    /// Comments that arrived while the reader was on the page.
    pub fresh: RwSignal<BTreeSet<CommentId>>,
    /// How much of a big thread is drawn (paging, "Continue this thread", pins).
    pub window: RwSignal<Window>,
    /// Comments this reader liked (one like each), remembered per thread.
    pub liked: RwSignal<BTreeSet<CommentId>>,
    /// Comments this reader reported to the moderators, remembered per thread.
    pub reported: RwSignal<BTreeSet<CommentId>>,
    /// Counts the times another tab changed which comments are this
    /// reader's: rows ask again whether theirs is (`actions::follow_other_tabs`).
    pub owned_changed: RwSignal<u32>,
    /// Own comments whose edit form is open.
    pub editing: RwSignal<BTreeSet<CommentId>>,
    /// The comment a permalink pointed at, highlighted once revealed.
    pub target: RwSignal<Option<CommentId>>,
    /// The comment whose Delete (one's own) or Report (another's) is being
    /// confirmed in place: neither can be taken back.
    pub asking: RwSignal<Option<(CommentId, Ask)>>,
    /// Why a like, report or delete of this comment failed: said in its
    /// row, beside the button pressed, until the next press in the list.
    pub row_error: RwSignal<Option<(CommentId, String)>>,
    pub(crate) capabilities: StoredValue<Capabilities>,
    /// The element the widget lives in (a shadow root's child when embedded):
    /// ids are looked up there, since two widgets may share a page.
    pub root: StoredValue<Option<web_sys::Element>, LocalStorage>,
    pub(crate) polling: StoredValue<bool>,
    pub(crate) outbox: StoredValue<Outbox>,
    /// The stored outbox could not be read when the widget started (`posting::load_outbox`).
    pub(crate) outbox_unreadable: bool,
    pub(crate) in_flight: StoredValue<BTreeSet<String>>,
    pub(crate) retry_timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    pub(crate) backend: StoredValue<Rc<dyn Backend>, LocalStorage>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SendStatus {
    Sending,
    /// Not sent yet; the message says why and whether it will be retried.
    Failed {
        message: String,
        retrying: bool,
        /// The backend's policy asked "are you sure?": Post anyway is offered.
        nudged: bool,
    },
}

/// The reader's posts not yet confirmed, by placeholder id. A handful at
/// most, so a list: a `BTreeMap` here was its own 3 KB of tree code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sending(Vec<(CommentId, SendStatus)>);

impl Sending {
    pub fn insert(&mut self, id: CommentId, status: SendStatus) {
        match self.0.iter_mut().find(|(k, _)| *k == id) {
            Some(entry) => entry.1 = status,
            None => self.0.push((id, status)),
        }
    }

    pub fn remove(&mut self, id: &CommentId) {
        self.0.retain(|(k, _)| k != id);
    }

    pub fn get(&self, id: &CommentId) -> Option<&SendStatus> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, s)| s)
    }

    pub fn keys(&self) -> impl Iterator<Item = &CommentId> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl ThreadState {
    /// Tells screen readers `key`'s words through the thread's live region;
    /// the same words twice in a row are told twice.
    pub fn say(self, key: Key) {
        let words = self.t(key);
        self.said.try_update(|s| *s = if s == words { format!("{words}\u{a0}") } else { words.to_owned() });
    }

    pub fn new(thread_id: String, backend: Rc<dyn Backend>) -> Self {
        let collapse = match storage::get(&storage::key("collapsed", &thread_id)) {
            Ok(Some(json)) => CollapseState::from_json(&json).unwrap_or_else(|e| {
                warn(&e);
                CollapseState::default()
            }),
            Ok(None) => CollapseState::default(),
            Err(e) => {
                warn(&format!("collapse state not restored: {e}"));
                CollapseState::default()
            }
        };
        let liked = load_set("liked", &thread_id);
        let reported = load_set("reported", &thread_id);
        let (outbox, outbox_unreadable) = crate::posting::load_outbox();
        ThreadState {
            lang: crate::i18n::page_lang(),
            thread_id: StoredValue::new(thread_id),
            thread: RwSignal::new(Thread::default()),
            collapse: RwSignal::new(collapse),
            open_forms: RwSignal::new(BTreeSet::new()),
            load: RwSignal::new(Load::Loading),
            last_posted: RwSignal::new(None),
            sending: RwSignal::new(Sending::default()),
            handed_back: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            unreadable: RwSignal::new(0),
            fresh: RwSignal::new(BTreeSet::new()),
            stale: RwSignal::new(None),
            rest_loading: RwSignal::new(false),
            rest_failed_at: StoredValue::new(String::new()),
            held: StoredValue::new(Vec::new()),
            window: RwSignal::new(Window::default()),
            liked: RwSignal::new(liked),
            reported: RwSignal::new(reported),
            owned_changed: RwSignal::new(0),
            editing: RwSignal::new(BTreeSet::new()),
            target: RwSignal::new(None),
            asking: RwSignal::new(None),
            row_error: RwSignal::new(None),
            said: RwSignal::new(String::new()),
            capabilities: StoredValue::new(backend.capabilities()),
            root: StoredValue::new_local(None),
            polling: StoredValue::new(false),
            outbox: StoredValue::new(outbox),
            outbox_unreadable,
            in_flight: StoredValue::new(BTreeSet::new()),
            retry_timer: StoredValue::new_local(None),
            backend: StoredValue::new_local(backend),
        }
    }

    /// False once the widget that owns this state was removed: async work
    /// finishing later must then leave it alone (reading it would panic).
    pub fn alive(self) -> bool {
        self.thread_id.try_with_value(|_| ()).is_some()
    }

    /// The keys of the rows on screen, in order. Each row's data lives in its
    /// own cell (`RowCells`), set only when that row changed: a collapse, a
    /// page of more comments or a new reply notifies the rows that changed,
    /// not every row on screen.
    pub fn row_keys(self, cells: RowCells) -> Memo<Vec<RowKey>> {
        Memo::new(move |_| {
            let rows = self.thread.with(|t| self.collapse.with(|c| self.window.with(|w| window_rows(t, c, w))));
            cells.update(&rows);
            rows.iter().map(Row::key).collect()
        })
    }

    pub fn set_ordering(self, ordering: Ordering) {
        self.thread.update(|t| t.sort(ordering));
        let value = format!("{} {}", ordering.top.as_str(), ordering.replies.as_str());
        if let Err(e) = storage::set("threadline:sort", &value) {
            warn(&format!("sort order not saved: {e}"));
        }
    }

    /// The reader's sort choice from an earlier visit (one for all threads).
    pub fn saved_ordering() -> Ordering {
        let saved = storage::get("threadline:sort").ok().flatten().unwrap_or_default();
        let mut parts = saved.split(' ').map(SortOrder::parse);
        Ordering { top: parts.next().unwrap_or_default(), replies: parts.next().unwrap_or_default() }
    }

    pub fn toggle_collapse(self, id: &CommentId) {
        self.collapse.update(|c| {
            c.toggle(id);
        });
        let json = self.collapse.with_untracked(|c| c.to_json());
        if let Err(e) = storage::set(&storage::key("collapsed", &self.thread_id.get_value()), &json) {
            warn(&format!("collapse state not saved: {e}"));
        }
    }

    pub fn set_form_open(self, parent: &CommentId, open: bool) {
        self.open_forms.update(|f| {
            if open {
                f.insert(parent.clone());
            } else {
                f.remove(parent);
            }
        });
    }
}

/// The longest a browser timer can wait (2^31 - 1 ms, about 24.8 days): a
/// longer delay makes the timer call throw, so every delay is capped here.
pub const LONGEST_DELAY: Duration = Duration::from_millis(i32::MAX as u64);

/// A delay of `ms` milliseconds as a browser timer can take it.
pub fn timer_delay(ms: i64) -> Duration {
    Duration::from_millis(ms.clamp(0, i32::MAX.into()) as u64)
}

/// A set of ids kept in storage per thread; unreadable means empty.
pub(crate) fn load_set(kind: &str, thread: &str) -> BTreeSet<CommentId> {
    storage::read_or_set_aside(&storage::key(kind, thread), fields::read_ids).unwrap_or_default()
}

impl ThreadState {
    /// An element of this widget by id (`document.getElementById` cannot see into a shadow root).
    pub fn element(self, id: &str) -> Option<web_sys::Element> {
        match self.root.try_get_value().flatten() {
            Some(root) => root.query_selector(&format!("[id=\"{}\"]", id.replace('"', "\\\""))).ok().flatten(),
            None => web_sys::window()?.document()?.get_element_by_id(id),
        }
    }

    pub fn focus_element(self, id: &str) {
        focus(self.element(id));
    }

    /// A comment's Reply button, where focus returns when its reply form
    /// closes (found through the row: an id on every Reply button would cost
    /// a call per row drawn).
    pub fn focus_reply_button(self, id: &CommentId) {
        let row = self.element(&format!("c-{id}"));
        focus(row.and_then(|r| r.query_selector(":scope > .tl-actions > .tl-reply").ok().flatten()));
    }

    /// After a listing, a poll or a stream event: how many comments the
    /// reader is told could not be shown.
    pub fn count_unreadable(self) {
        let n = self.backend.with_value(|b| b.unreadable());
        if self.unreadable.get_untracked() != n {
            self.unreadable.set(n);
        }
    }

    pub fn scroll_to(self, id: &str) {
        let Some(el) = self.element(id) else { return };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

pub fn warn(msg: &str) {
    web_sys::console::warn_1(&format!("threadline: {msg}").into());
}

/// One reactive cell per row on screen, by key (see `ThreadState::row_keys`).
/// Reference-counted cells, not arena signals: they are created inside a memo
/// and must outlive its next run.
#[derive(Clone, Copy)]
pub struct RowCells(StoredValue<HashMap<RowKey, ArcRwSignal<Row>>, LocalStorage>);

impl RowCells {
    pub fn new() -> Self {
        RowCells(StoredValue::new_local(HashMap::new()))
    }

    fn update(self, rows: &[Row]) {
        self.0.update_value(|cells| {
            let mut keep = HashMap::with_capacity(rows.len());
            for r in rows {
                let key = r.key();
                let cell = match cells.remove(&key) {
                    Some(cell) => {
                        if cell.with_untracked(|old| old != r) {
                            cell.set(r.clone());
                        }
                        cell
                    }
                    None => ArcRwSignal::new(r.clone()),
                };
                keep.insert(key, cell);
            }
            *cells = keep;
        });
    }

    /// The cell of a row on screen; a row's component asks once, when it is created.
    pub fn get(self, key: &RowKey) -> Option<ArcRwSignal<Row>> {
        self.0.with_value(|c| c.get(key).cloned())
    }
}

impl Default for RowCells {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether focus is inside `el`, or nowhere in particular (on the page's body).
pub fn holds_focus(el: &web_sys::Element) -> bool {
    active_seen_from(el).is_none_or(|a| el.contains(Some(&a)) || is_body(&a))
}

/// Whether focus is inside `el` itself.
pub fn focus_within(el: &web_sys::Element) -> bool {
    focused_in(el).is_some()
}

/// What has focus inside `el`, if anything there has.
pub fn focused_in(el: &web_sys::Element) -> Option<web_sys::Element> {
    active_seen_from(el).filter(|a| el.contains(Some(a)) && !is_body(a))
}

fn is_body(el: &web_sys::Element) -> bool {
    el.tag_name().eq_ignore_ascii_case("body")
}

/// What has focus, as `el` sees it. An embedded widget's focus is its shadow
/// root's; when that has none, focus is somewhere on the host page, or nowhere.
fn active_seen_from(el: &web_sys::Element) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let root = el.get_root_node();
    match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element().or_else(|| el.owner_document()?.active_element()),
        None => root.dyn_ref::<web_sys::Document>()?.active_element(),
    }
}

/// Focus on a row of the list itself (not one of its buttons), where a
/// screen reader reads the comment and Tab goes on to its controls.
pub(crate) fn focus_row(row: Option<web_sys::Element>) {
    if let Some(row) = &row {
        let _ = row.set_attribute("tabindex", "-1");
    }
    focus(row);
}

pub(crate) fn focus(el: Option<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
