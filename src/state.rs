//! The reactive state of one thread widget: the core's `Thread` and
//! `CollapseState` in signals, plus which reply forms are open. Components
//! read it from context; all changes go through these methods.

use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use std::rc::Rc;
use threadline_core::{
    visible_rows, Backend, BackendError, CollapseState, Comment, CommentId, NewComment, Row, Thread,
};

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
    backend: StoredValue<Rc<dyn Backend>, LocalStorage>,
}

impl ThreadState {
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
        ThreadState {
            thread_id: StoredValue::new(thread_id),
            thread: RwSignal::new(Thread::default()),
            collapse: RwSignal::new(collapse),
            open_forms: RwSignal::new(BTreeSet::new()),
            load: RwSignal::new(Load::Loading),
            last_posted: RwSignal::new(None),
            backend: StoredValue::new_local(backend),
        }
    }

    pub fn rows(self) -> Memo<Vec<Row>> {
        Memo::new(move |_| {
            self.thread
                .with(|t| self.collapse.with(|c| visible_rows(t, c)))
        })
    }

    pub fn reload(self) {
        self.load.set(Load::Loading);
        let backend = self.backend.get_value();
        let id = self.thread_id.get_value();
        spawn_local(async move {
            match backend.list(&id).await {
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
        });
    }

    pub fn toggle_collapse(self, id: &CommentId) {
        self.collapse.update(|c| {
            c.toggle(id);
        });
        let json = self.collapse.with_untracked(|c| c.to_json());
        if let Err(e) = storage::set(
            &storage::key("collapsed", &self.thread_id.get_value()),
            &json,
        ) {
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

    /// Sends a draft; on success the comment joins the tree in place.
    pub async fn post(self, draft: NewComment) -> Result<Comment, BackendError> {
        let backend = self.backend.get_value();
        let id = self.thread_id.get_value();
        let comment = backend.create(&id, draft).await?;
        let mut inserted = Ok(());
        self.thread.update(|t| {
            inserted = t.insert(comment.clone()).map(|_| ());
        });
        if let Err(e) = inserted {
            // Already shown (a retry answered with the original): nothing to add.
            warn(&e.to_string());
        }
        self.last_posted.set(Some(comment.id.clone()));
        Ok(comment)
    }
}

pub fn warn(msg: &str) {
    web_sys::console::warn_1(&format!("threadline: {msg}").into());
}
