//! What every handler shares.

use crate::cache::ListCache;
use crate::db::Db;
use crate::policy_gate::Gate;
use crate::queries::ApiComment;
use crate::rate_limit::RateLimiter;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, watch};

/// One change on the feed: the thread it belongs to and the comment's JSON,
/// serialized once however many streams are listening.
pub struct Change {
    pub thread: String,
    pub json: String,
}

#[derive(Clone)]
pub struct AppState(pub Arc<Shared>);

pub struct Shared {
    pub db: Db,
    pub gate: Gate,
    pub limiter: RateLimiter,
    pub cache: ListCache,
    pub changes: broadcast::Sender<Arc<Change>>,
    pub edit_window: Duration,
    pub max_body_bytes: usize,
    /// `/api/moderation` is open to this bearer token; without one it is off.
    pub moderator_token: Option<String>,
    /// Tells the moderators when a comment is held or reported (`--notify-url`).
    pub notifier: crate::notify::Notifier,
    /// Flips to true on SIGTERM/SIGINT so open event streams end and the
    /// graceful shutdown does not wait on them forever.
    pub shutdown: watch::Receiver<bool>,
    /// Proxies whose `X-Forwarded-For` names the reader (`--trust-proxy`).
    pub trusted_proxies: Vec<crate::client::Net>,
    /// Keys the hash of readers' addresses (`client::network_key`).
    pub network_secret: Vec<u8>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl Shared {
    /// After a commit: drop the thread's cached listing and tell streams.
    pub fn committed(&self, thread: &str, cursor: i64, changed: &[ApiComment]) {
        self.cache.invalidate(thread, cursor);
        for c in changed.iter().filter(|c| !c.comment.held) {
            if let Ok(json) = serde_json::to_string(c) {
                // No receivers is normal: nobody is streaming this moment.
                let _ = self.changes.send(Arc::new(Change { thread: thread.to_owned(), json }));
            }
        }
    }
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}
