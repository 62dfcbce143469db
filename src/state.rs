//! The reactive state of one thread widget: the core's `Thread` and
//! `CollapseState` in signals, which reply forms are open, and what is still
//! being sent (see `posting.rs`). Components change it only through methods.

use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use threadline_core::{visible_rows, Backend, BackendError, CollapseState, Comment, CommentId, Row, Thread};
use threadline_policy::Policy;
use threadline_sync::Outbox;

#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Ready,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct ThreadState {
    pub thread_id: StoredValue<String>,
    pub thread: RwSignal<Thread>,
    pub collapse: RwSignal<CollapseState>,
    /// Parents whose inline reply form is open.
    pub open_forms: RwSignal<BTreeSet<CommentId>>,
    pub load: RwSignal<Load>,
    /// The comment this reader posted last, highlighted until the next post.
    pub last_posted: RwSignal<Option<CommentId>>,
    /// Comments shown before the backend confirmed them, by pending id.
    pub sending: RwSignal<BTreeMap<CommentId, SendStatus>>,
    /// A draft handed back to a form (Edit on an unsent comment): (form's parent, text).
    pub handed_back: RwSignal<Option<(Option<CommentId>, String)>>,
    /// Something the reader should know that is not tied to one form.
    pub notice: RwSignal<Option<String>>,
    /// Comments that arrived while the reader was on the page.
    pub fresh: RwSignal<BTreeSet<CommentId>>,
    pub(crate) polling: StoredValue<bool>,
    pub(crate) outbox: StoredValue<Outbox>,
    pub(crate) in_flight: StoredValue<BTreeSet<String>>,
    pub(crate) retry_timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    pub(crate) backend: StoredValue<Rc<dyn Backend>, LocalStorage>,
    /// The site's discussion policy, checked on every draft before it is sent.
    pub policy: StoredValue<Rc<Policy>, LocalStorage>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SendStatus {
    Sending,
    /// Not sent yet; the message says why and whether it will be retried.
    Failed {
        message: String,
        retrying: bool,
    },
}

impl ThreadState {
    pub fn new(thread_id: String, backend: Rc<dyn Backend>) -> Self {
        Self::with_policy(thread_id, backend, Policy::asbarez())
    }

    pub fn with_policy(thread_id: String, backend: Rc<dyn Backend>, policy: Policy) -> Self {
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
        ThreadState {
            thread_id: StoredValue::new(thread_id),
            thread: RwSignal::new(Thread::default()),
            collapse: RwSignal::new(collapse),
            open_forms: RwSignal::new(BTreeSet::new()),
            load: RwSignal::new(Load::Loading),
            last_posted: RwSignal::new(None),
            sending: RwSignal::new(BTreeMap::new()),
            handed_back: RwSignal::new(None),
            notice: RwSignal::new(None),
            fresh: RwSignal::new(BTreeSet::new()),
            polling: StoredValue::new(false),
            outbox: StoredValue::new(crate::posting::load_outbox()),
            in_flight: StoredValue::new(BTreeSet::new()),
            retry_timer: StoredValue::new_local(None),
            backend: StoredValue::new_local(backend),
            policy: StoredValue::new_local(Rc::new(policy)),
        }
    }

    /// False once the widget that owns this state was removed: async work
    /// finishing later must then leave it alone (reading it would panic).
    pub fn alive(self) -> bool {
        self.thread_id.try_with_value(|_| ()).is_some()
    }

    pub fn rows(self) -> Memo<Vec<Row>> {
        Memo::new(move |_| self.thread.with(|t| self.collapse.with(|c| visible_rows(t, c))))
    }

    /// Asks the backend for the whole thread and hands the answer to `then`,
    /// unless the widget was removed while the request was out.
    pub(crate) fn with_listing(self, then: impl FnOnce(Result<Vec<Comment>, BackendError>) + 'static) {
        let backend = self.backend.get_value();
        let id = self.thread_id.get_value();
        spawn_local(async move {
            let answer = backend.list(&id).await;
            if self.alive() {
                then(answer);
            }
        });
    }

    pub fn reload(self) {
        self.load.set(Load::Loading);
        self.with_listing(move |answer| {
            match answer {
                Ok(list) => {
                    let thread = Thread::build(list);
                    for w in thread.warnings() {
                        warn(&w.to_string());
                    }
                    self.thread.set(thread);
                    self.load.set(Load::Ready);
                }
                // What was rendered stays; the message says what went wrong.
                Err(e) => self.load.set(Load::Failed(e.to_string())),
            }
            self.show_outbox();
            self.flush();
        });
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

pub fn warn(msg: &str) {
    web_sys::console::warn_1(&format!("threadline: {msg}").into());
}
