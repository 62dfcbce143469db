//! Comments a reader posted that no backend has confirmed yet. The browser
//! keeps the outbox in localStorage (as JSON) so a reload, a crash or a dead
//! network loses nothing; it is retried with exponential backoff and jitter,
//! always with the same idempotency key, so a post that did reach the server
//! is never stored twice.

use serde::{Deserialize, Serialize};
use threadline_core::NewComment;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub thread: String,
    pub draft: NewComment,
    pub attempts: u32,
    /// When the next try is due (ms since the epoch).
    pub next_try_ms: i64,
    pub last_error: Option<String>,
    /// A refusal that retrying cannot fix (the reader must edit or discard).
    #[serde(default)]
    pub stuck: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    pending: Vec<Pending>,
}

pub const FIRST_RETRY_MS: i64 = 2_000;
pub const MAX_RETRY_MS: i64 = 5 * 60_000;

impl Outbox {
    pub fn from_json(json: &str) -> Result<Outbox, String> {
        serde_json::from_str(json).map_err(|e| format!("unsent comments could not be read ({e})"))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{\"pending\":[]}".into())
    }

    /// Adds a draft to send now. The same key twice is the same comment.
    pub fn push(&mut self, thread: &str, draft: NewComment, now_ms: i64) {
        if self.get(&draft.idempotency_key).is_some() {
            return;
        }
        self.pending.push(Pending {
            thread: thread.into(),
            draft,
            attempts: 0,
            next_try_ms: now_ms,
            last_error: None,
            stuck: false,
        });
    }

    pub fn get(&self, key: &str) -> Option<&Pending> {
        self.pending.iter().find(|p| p.draft.idempotency_key == key)
    }

    pub fn for_thread<'a>(&'a self, thread: &'a str) -> impl Iterator<Item = &'a Pending> {
        self.pending.iter().filter(move |p| p.thread == thread)
    }

    /// What should be sent at `now_ms`, oldest first.
    pub fn due(&self, thread: &str, now_ms: i64) -> Vec<NewComment> {
        self.for_thread(thread).filter(|p| !p.stuck && p.next_try_ms <= now_ms).map(|p| p.draft.clone()).collect()
    }

    /// The earliest time anything of this thread is due, to arm one timer.
    pub fn next_due(&self, thread: &str) -> Option<i64> {
        self.for_thread(thread).filter(|p| !p.stuck).map(|p| p.next_try_ms).min()
    }

    pub fn sent(&mut self, key: &str) -> Option<Pending> {
        let i = self.pending.iter().position(|p| p.draft.idempotency_key == key)?;
        Some(self.pending.remove(i))
    }

    /// Records a failed try. `jitter` in 0..1 spreads retries of many readers
    /// so a recovering server is not hit by all of them at once.
    pub fn failed(&mut self, key: &str, error: String, transient: bool, now_ms: i64, jitter: f64) {
        let Some(p) = self.pending.iter_mut().find(|p| p.draft.idempotency_key == key) else { return };
        p.attempts = p.attempts.saturating_add(1);
        p.last_error = Some(error);
        p.stuck = !transient;
        let exp = FIRST_RETRY_MS.saturating_mul(1i64 << p.attempts.saturating_sub(1).min(16)).min(MAX_RETRY_MS);
        let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.5 };
        p.next_try_ms = now_ms.saturating_add(exp / 2 + (exp as f64 * 0.5 * jitter) as i64);
    }

    /// The reader asked to try again now (or edited a stuck comment).
    pub fn retry_now(&mut self, key: &str, now_ms: i64, draft: Option<NewComment>) {
        if let Some(p) = self.pending.iter_mut().find(|p| p.draft.idempotency_key == key) {
            if let Some(d) = draft {
                p.draft = NewComment { idempotency_key: p.draft.idempotency_key.clone(), ..d };
            }
            p.stuck = false;
            p.next_try_ms = now_ms;
        }
    }

    pub fn len(&self) -> usize {
        self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }
}
