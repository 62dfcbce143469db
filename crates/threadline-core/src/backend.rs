//! The one interface every comment store implements: the browser's own
//! storage in the demo, remote JSON backends later. Futures are boxed and not
//! `Send` because in the browser they hold JS values.

use crate::model::{Comment, NewComment};
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
    /// The reply's parent is not in this thread.
    UnknownParent(String),
    /// Local storage is full, disabled or unreadable.
    Storage(String),
    /// The backend's answer could not be understood.
    Invalid(String),
}

impl BackendError {
    /// Worth trying again later without changing the comment.
    pub fn is_transient(&self) -> bool {
        match self {
            BackendError::Network(_) | BackendError::Storage(_) => true,
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
            BackendError::Rejected(m) => write!(f, "Not accepted: {m}"),
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

pub trait Backend {
    /// Every comment of a thread, flat, with parent ids.
    fn list<'a>(&'a self, thread: &'a str) -> BoxFuture<'a, Result<Vec<Comment>, BackendError>>;
    /// Stores a new comment and answers with it as stored (final id, time).
    fn create<'a>(&'a self, thread: &'a str, draft: NewComment) -> BoxFuture<'a, Result<Comment, BackendError>>;
}
