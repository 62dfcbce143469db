//! A backend that lives in the browser: the seed comments plus whatever the
//! reader posted, kept in localStorage. It lets the demo run with no server
//! and behaves like a real store (ids, idempotency, parent checks).

use crate::storage;
use serde::{Deserialize, Serialize};
use threadline_core::{Backend, BackendError, BoxFuture, Comment, NewComment};

#[derive(Serialize, Deserialize)]
struct Stored {
    comment: Comment,
    idempotency_key: String,
}

pub struct LocalBackend {
    seed_thread: String,
    seed: Vec<Comment>,
}

impl LocalBackend {
    /// `seed` are the comments the page was published with under `seed_thread`.
    pub fn new(seed_thread: impl Into<String>, seed: Vec<Comment>) -> Self {
        LocalBackend { seed_thread: seed_thread.into(), seed }
    }

    fn load(&self, thread: &str) -> Result<Vec<Stored>, BackendError> {
        match storage::get(&storage::key("local", thread)).map_err(BackendError::Storage)? {
            None => Ok(Vec::new()),
            // Never overwrite what cannot be read: the reader's posts are in there.
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| BackendError::Storage(format!("saved comments could not be read ({e})"))),
        }
    }

    fn seed_for(&self, thread: &str) -> &[Comment] {
        if thread == self.seed_thread {
            &self.seed
        } else {
            &[]
        }
    }
}

impl Backend for LocalBackend {
    fn list<'a>(&'a self, thread: &'a str) -> BoxFuture<'a, Result<Vec<Comment>, BackendError>> {
        Box::pin(async move {
            let mut all = self.seed_for(thread).to_vec();
            all.extend(self.load(thread)?.into_iter().map(|s| s.comment));
            Ok(all)
        })
    }

    fn create<'a>(&'a self, thread: &'a str, draft: NewComment) -> BoxFuture<'a, Result<Comment, BackendError>> {
        Box::pin(async move {
            let draft = draft.validated().map_err(|e| BackendError::Rejected(e.to_string()))?;
            let mut stored = self.load(thread)?;
            if let Some(s) = stored.iter().find(|s| s.idempotency_key == draft.idempotency_key) {
                return Ok(s.comment.clone());
            }
            if let Some(parent) = &draft.parent {
                let known = self.seed_for(thread).iter().any(|c| &c.id == parent)
                    || stored.iter().any(|s| &s.comment.id == parent);
                if !known {
                    return Err(BackendError::UnknownParent(parent.to_string()));
                }
            }
            let comment = Comment {
                id: format!("local-{}", super::random_token()).as_str().into(),
                parent: draft.parent,
                author: draft.author,
                body: draft.body,
                created_ms: Some(js_sys::Date::now() as i64),
                likes: 0,
                deleted: false,
            };
            stored.push(Stored { comment: comment.clone(), idempotency_key: draft.idempotency_key });
            let json = serde_json::to_string(&stored).map_err(|e| BackendError::Storage(e.to_string()))?;
            storage::set(&storage::key("local", thread), &json).map_err(BackendError::Storage)?;
            Ok(comment)
        })
    }
}
