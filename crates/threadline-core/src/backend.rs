//! The one interface every comment store implements: the browser's own
//! storage in the demo, remote JSON backends later. Futures are boxed and not
//! `Send` because in the browser they hold JS values.

use crate::model::{Comment, CommentId, NewComment};
use std::fmt;
use std::future::Future;
use std::pin::Pin;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

#[derive(Clone, Debug, PartialEq)]
pub enum BackendError {
    /// The request never got an answer (offline, DNS, CORS, timeout).
    Network(String),
    /// The backend answered with an error status.
    Status { code: u16, message: String },
    /// The backend (or a local check) refused this comment for what it says.
    Rejected(String),
    /// The backend's discussion policy asks "are you sure?": the same comment
    /// sent again with `confirm` is posted.
    Nudged(String),
    /// The reply's parent is not in this thread.
    UnknownParent(String),
    /// Local storage is full, disabled or unreadable.
    Storage(String),
    /// The backend's answer could not be understood.
    Invalid(String),
    /// The backend asks to be tried again in `secs` seconds (a rate limit,
    /// the policy's wait between two posts): the same comment is then taken.
    Wait { message: String, secs: u32 },
}

impl BackendError {
    /// Worth trying again later without changing the comment. An answer not
    /// understood is: the post may have been stored all the same, and a retry
    /// looks for it first (or, with an idempotency key, gets it back) where a
    /// post left stuck would be sent again by hand.
    pub fn is_transient(&self) -> bool {
        match self {
            BackendError::Network(_) | BackendError::Storage(_) | BackendError::Invalid(_) => true,
            BackendError::Wait { .. } => true,
            BackendError::Status { code, .. } => *code >= 500 || *code == 429 || *code == 408,
            _ => false,
        }
    }
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Network(m) => write!(f, "Could not reach the comment server ({m})."),
            BackendError::Status { code, message } => {
                write!(f, "The comment server answered {code}: {message}")
            }
            BackendError::Rejected(m) | BackendError::Nudged(m) => write!(f, "Not accepted: {m}"),
            BackendError::Wait { message, secs } => write!(f, "Not accepted yet ({secs} s): {message}"),
            BackendError::UnknownParent(id) => {
                write!(f, "The comment you reply to ({id}) is no longer in this thread.")
            }
            BackendError::Storage(m) => write!(f, "This browser's storage failed: {m}"),
            BackendError::Invalid(m) => {
                write!(f, "The comment server's answer was not understood: {m}")
            }
        }
    }
}

/// What a backend lets readers do besides reading and posting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Capabilities {
    pub edit: bool,
    pub delete: bool,
    pub like: bool,
    /// Readers can report a comment to the site's moderators.
    pub report: bool,
    /// A post sent again under the same idempotency key is stored once. A
    /// backend without it may store a retry twice, so a retry first looks
    /// for the last try among the comments it lists.
    pub idempotent: bool,
    /// How deep replies may nest (`BackendDescription::reply_depth`); None: any depth.
    pub reply_depth: Option<u32>,
}

/// An edit as the reader sends it; `confirm` answers a policy nudge.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub author: String,
    pub body: String,
    pub confirm: bool,
}

fn unsupported<'a, T: 'a>(what: &str) -> BoxFuture<'a, Result<T, BackendError>> {
    let message = format!("this comment server does not support {what}");
    Box::pin(async move { Err(BackendError::Rejected(message)) })
}

/// One page of a thread.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listed {
    pub comments: Vec<Comment>,
    /// Where the next page starts (None: this was the last).
    pub next: Option<String>,
    /// The page holds only what the first screen shows of its threads;
    /// `unlisted` counts what it left out below each comment (`Thread::set_unlisted`),
    /// and a later page brings those threads whole.
    pub first_screen: bool,
    pub unlisted: Vec<(CommentId, usize)>,
}

/// What a first screen shows (`Window`'s first page): `top` top-level
/// comments, the first `replies` replies of each comment, `depth` levels
/// deep (None: all of them; a reply order other than oldest first needs all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstScreen {
    pub top: u32,
    pub replies: Option<u32>,
    pub depth: Option<u32>,
}

impl FirstScreen {
    pub fn of(w: &crate::Window, replies_oldest: bool) -> FirstScreen {
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        let cut = |v: usize| replies_oldest.then(|| n(v));
        FirstScreen { top: n(w.top_page), replies: cut(w.replies_first), depth: cut(w.continue_depth) }
    }

    /// Whether only part of each thread is asked for.
    pub fn cuts(&self) -> bool {
        self.replies.is_some() || self.depth.is_some()
    }
}

pub type Page<'a> = BoxFuture<'a, Result<Listed, BackendError>>;

pub trait Backend {
    /// Every comment of a thread, flat, with parent ids.
    fn list<'a>(&'a self, thread: &'a str) -> BoxFuture<'a, Result<Vec<Comment>, BackendError>>;
    /// Stores a new comment and answers with it as stored (final id, time).
    fn create<'a>(&'a self, thread: &'a str, draft: NewComment) -> BoxFuture<'a, Result<Comment, BackendError>>;

    /// Only the first screen's top-level comments (or fewer, when the
    /// backend caps the page by comments) with their replies (only those the
    /// screen shows, when the backend can cut them so), and where the rest
    /// starts, for a backend that can page that way: a big
    /// thread's first screen is drawn from it while `list_rest` loads the
    /// others. None: this backend lists everything at once (`list`).
    fn list_first<'a>(&'a self, _thread: &'a str, _screen: FirstScreen) -> Option<Page<'a>> {
        None
    }

    /// The page that starts where `list_first` (or the page before) said,
    /// and where the next one starts. Page by page, so a big thread's rest is
    /// folded in a piece at a time and the page stays responsive.
    fn list_rest<'a>(&'a self, thread: &'a str, _from: String) -> Page<'a> {
        Box::pin(async move { Ok(Listed { comments: self.list(thread).await?, ..Listed::default() }) })
    }

    /// What changed since the last `list` or `poll` (new and changed comments;
    /// merging the whole listing is also right), or None when nothing did.
    /// Backends with cheap change queries (cursors, ETags) override this.
    fn poll<'a>(&'a self, thread: &'a str) -> BoxFuture<'a, Result<Option<Vec<Comment>>, BackendError>> {
        Box::pin(async move { self.list(thread).await.map(Some) })
    }

    /// A Server-Sent Events stream of new and changed comments: (URL, event name).
    fn stream(&self, _thread: &str) -> Option<(String, String)> {
        None
    }

    /// One stream event's data as a comment.
    fn parse_event(&self, _data: &str) -> Result<Comment, String> {
        Err("this backend has no stream".into())
    }

    /// How many comments the last listing (and the changes and events since)
    /// held that could not be read, so the reader knows some are missing.
    fn unreadable(&self) -> usize {
        0
    }

    /// How long after posting (ms) its author may edit a comment, when the
    /// backend said so in its last listing; None: for as long as it allows.
    fn edit_window_ms(&self) -> Option<i64> {
        None
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }

    /// Whether this reader may edit or delete the comment (they posted it
    /// from this browser and the backend knows them by it).
    fn owns(&self, _thread: &str, _id: &CommentId) -> bool {
        false
    }

    /// `id` is the reader's own post, found stored although the answer to it
    /// was lost. A backend that asks no proof of authorship but this
    /// browser's memory remembers it, so the reader can still edit it.
    fn adopted(&self, _thread: &str, _id: &CommentId) {}

    /// Answers with the comment as stored after the edit, when the backend says.
    fn edit<'a>(
        &'a self,
        _thread: &'a str,
        _id: &'a CommentId,
        _edit: Edit,
    ) -> BoxFuture<'a, Result<Option<Comment>, BackendError>> {
        unsupported("editing")
    }

    fn delete<'a>(&'a self, _thread: &'a str, _id: &'a CommentId) -> BoxFuture<'a, Result<(), BackendError>> {
        unsupported("deleting")
    }

    /// Answers with the new like count, when the backend says.
    fn like<'a>(&'a self, _thread: &'a str, _id: &'a CommentId) -> BoxFuture<'a, Result<Option<u32>, BackendError>> {
        unsupported("likes")
    }

    /// Tells the site's moderators this comment breaks the discussion policy.
    fn report<'a>(&'a self, _thread: &'a str, _id: &'a CommentId) -> BoxFuture<'a, Result<(), BackendError>> {
        unsupported("reports")
    }

    /// One of this reader's comments as the backend has it now; `Ok(None)`
    /// when it is gone (deleted, or turned down by a moderator). A backend
    /// that cannot say answers an error, and the comment is left as it is.
    fn fetch_own<'a>(
        &'a self,
        _thread: &'a str,
        _id: &'a CommentId,
    ) -> BoxFuture<'a, Result<Option<Comment>, BackendError>> {
        unsupported("asking for one comment")
    }
}
