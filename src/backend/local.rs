//! A backend that lives in the browser: the seed comments plus whatever the
//! reader posted, kept in localStorage. It lets the demo run with no server
//! and behaves like a real store (ids, idempotency, parent checks).

use crate::storage;
use serde::Serialize;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::fields::{comment, read_list, read_map, read_object, Mistake, Obj};
use threadline_core::{Backend, BackendError, BoxFuture, Capabilities, Comment, CommentId, Edit, NewComment};

#[derive(Serialize)]
struct Stored {
    comment: Comment,
    idempotency_key: String,
}

/// One stored comment as `Stored`'s derived `Serialize` wrote it.
fn stored(v: &Value, at: &str, error: &Mistake) -> Option<Stored> {
    let mut o = Obj::of(v, at, error)?;
    let read = o.take("comment").and_then(|c| comment(c, &o.path("comment"), error));
    if read.is_none() {
        o.missing("comment");
    }
    Some(Stored { comment: read?, idempotency_key: o.need("idempotency_key") })
}

pub struct LocalBackend {
    seed: RefCell<Seed>,
}

enum Seed {
    /// The comments a thread was published with.
    Ready { thread: String, comments: Rc<[Comment]> },
    /// A seed file (`seed/asbarez.json`'s shape) fetched on first use: the
    /// demo's comments are data the page serves, not code every reader's
    /// wasm would carry.
    At(String),
}

impl LocalBackend {
    /// `seed` are the comments the page was published with under `seed_thread`.
    pub fn new(seed_thread: impl Into<String>, seed: Vec<Comment>) -> Self {
        LocalBackend { seed: RefCell::new(Seed::Ready { thread: seed_thread.into(), comments: seed.into() }) }
    }

    /// Seeded from the file at `url`: its `thread` gets its `comments`.
    pub fn seeded_from(url: impl Into<String>) -> Self {
        LocalBackend { seed: RefCell::new(Seed::At(url.into())) }
    }

    fn load(&self, thread: &str) -> Result<Vec<Stored>, BackendError> {
        match storage::get(&storage::key("local", thread)).map_err(BackendError::Storage)? {
            None => Ok(Vec::new()),
            // Never overwrite what cannot be read: the reader's posts are in there.
            Some(json) => read_list(&json, "saved comments", stored)
                .map_err(|e| BackendError::Storage(format!("saved comments could not be read ({e})"))),
        }
    }

    async fn seed_for(&self, thread: &str) -> Result<Rc<[Comment]>, BackendError> {
        let url = match &*self.seed.borrow() {
            Seed::Ready { thread: seeded, comments } => {
                return Ok(if seeded == thread { comments.clone() } else { Rc::from([]) });
            }
            Seed::At(url) => url.clone(),
        };
        let (seeded, comments) = fetch_seed(&url).await?;
        let comments: Rc<[Comment]> = comments.into();
        let mine = if seeded == thread { comments.clone() } else { Rc::from([]) };
        *self.seed.borrow_mut() = Seed::Ready { thread: seeded, comments };
        Ok(mine)
    }
}

async fn fetch_seed(url: &str) -> Result<(String, Vec<Comment>), BackendError> {
    let unreachable = |e: gloo_net::Error| BackendError::Network(e.to_string());
    let response = gloo_net::http::Request::get(url).send().await.map_err(unreachable)?;
    if !response.ok() {
        let message = format!("the demo's comments are not at {url}");
        return Err(BackendError::Status { code: response.status(), message });
    }
    let text = response.text().await.map_err(unreachable)?;
    // The file's article and policy are the page's business, not this store's.
    read_object(&text, "the seed file", |mut o| (o.need("thread"), o.list("comments", comment)))
        .map_err(|e| BackendError::Invalid(format!("the seed file {url}: {e}")))
}

impl Backend for LocalBackend {
    fn list<'a>(&'a self, thread: &'a str) -> BoxFuture<'a, Result<Vec<Comment>, BackendError>> {
        Box::pin(async move {
            let mut all = self.seed_for(thread).await?.to_vec();
            all.extend(self.load(thread)?.into_iter().map(|s| s.comment));
            let likes = self.likes(thread);
            for c in &mut all {
                c.likes = c.likes.saturating_add(u32::try_from(liked(&likes, &c.id)).unwrap_or(u32::MAX));
            }
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
                let known = self.seed_for(thread).await?.iter().any(|c| &c.id == parent)
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
                format: threadline_core::BodyFormat::Markdown,
                created_ms: Some(js_sys::Date::now() as i64),
                ..Comment::default()
            };
            stored.push(Stored { comment: comment.clone(), idempotency_key: draft.idempotency_key });
            self.save(thread, &stored)?;
            // No secret needed here: the store is this browser's own.
            super::owned::remember(thread, comment.id.as_str(), "");
            Ok(comment)
        })
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities { edit: true, delete: true, like: true, report: false, idempotent: true, reply_depth: None }
    }

    /// The reader's own posts, remembered like any backend's (the seed is the publisher's).
    fn owns(&self, thread: &str, id: &CommentId) -> bool {
        super::owned::token(thread, id.as_str()).is_some()
    }

    fn edit<'a>(
        &'a self,
        thread: &'a str,
        id: &'a CommentId,
        edit: Edit,
    ) -> BoxFuture<'a, Result<Option<Comment>, BackendError>> {
        Box::pin(async move {
            let draft = NewComment {
                parent: None,
                author: edit.author,
                body: edit.body,
                idempotency_key: String::new(),
                confirm: false,
            };
            let draft = draft.validated().map_err(|e| BackendError::Rejected(e.to_string()))?;
            let mut stored = self.load(thread)?;
            let s = stored.iter_mut().find(|s| &s.comment.id == id).ok_or_else(|| not_yours(id))?;
            s.comment.body = draft.body;
            s.comment.edited_ms = Some(js_sys::Date::now() as i64);
            let edited = s.comment.clone();
            self.save(thread, &stored)?;
            Ok(Some(edited))
        })
    }

    fn delete<'a>(&'a self, thread: &'a str, id: &'a CommentId) -> BoxFuture<'a, Result<(), BackendError>> {
        Box::pin(async move {
            let mut stored = self.load(thread)?;
            let has_replies = stored.iter().any(|s| s.comment.parent.as_ref() == Some(id));
            let at = stored.iter().position(|s| &s.comment.id == id).ok_or_else(|| not_yours(id))?;
            if has_replies {
                let c = &mut stored[at].comment;
                c.deleted = true;
                c.author.clear();
                c.body.clear();
            } else {
                stored.remove(at);
            }
            self.save(thread, &stored)?;
            super::owned::forget(thread, id.as_str());
            Ok(())
        })
    }

    /// Likes are counted in this browser only: there is nobody else to count them.
    fn like<'a>(&'a self, thread: &'a str, id: &'a CommentId) -> BoxFuture<'a, Result<Option<u32>, BackendError>> {
        Box::pin(async move {
            let mut likes = self.likes(thread);
            likes.insert(id.to_string(), Value::from(liked(&likes, id).saturating_add(1)));
            let json = serde_json::to_string(&likes).map_err(|e| BackendError::Storage(e.to_string()))?;
            storage::set(&storage::key("local-likes", thread), &json).map_err(BackendError::Storage)?;
            let listed = self.list(thread).await?;
            Ok(listed.iter().find(|c| &c.id == id).map(|c| c.likes))
        })
    }
}

/// Likes `id` was given in this browser (a value that is not a count: none).
fn liked(likes: &serde_json::Map<String, Value>, id: &CommentId) -> u64 {
    likes.get(id.as_str()).and_then(Value::as_u64).unwrap_or(0)
}

fn not_yours(id: &CommentId) -> BackendError {
    BackendError::Rejected(format!("comment {id} was not posted from this browser"))
}

impl LocalBackend {
    /// Comment id → likes given in this browser.
    fn likes(&self, thread: &str) -> serde_json::Map<String, Value> {
        let json = storage::get(&storage::key("local-likes", thread)).ok().flatten();
        json.and_then(|j| read_map(&j, "likes").ok()).unwrap_or_default()
    }

    fn save(&self, thread: &str, stored: &[Stored]) -> Result<(), BackendError> {
        let json = serde_json::to_string(stored).map_err(|e| BackendError::Storage(e.to_string()))?;
        storage::set(&storage::key("local", thread), &json).map_err(BackendError::Storage)
    }
}
