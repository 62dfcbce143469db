//! Comments a reader posted that no backend has confirmed yet. The browser
//! keeps the outbox in localStorage (as JSON) so a reload, a crash or a dead
//! network loses nothing; it is retried with exponential backoff and jitter,
//! always with the same idempotency key, so a post that did reach the server
//! is never stored twice. A backend that ignores the key would store a retry
//! again: there a comment that turns up carrying a failed post's words is
//! taken as that post (`Outbox::landed`) and not sent again.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use threadline_core::fields::{new_comment, read_object, string_item, Mistake, Obj};
use threadline_core::{BodyFormat, Comment, CommentId, NewComment};
use threadline_markup::{parse, to_plain_text, Format};

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
    /// When it was first tried (ms since the epoch): a comment that landed
    /// is no older than that (`landed`). Outboxes saved before it have none.
    #[serde(default)]
    pub first_try_ms: Option<i64>,
    /// The backend asked "are you sure?": the reader may post it anyway.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nudged: bool,
    /// Comments already shown with this post's words when it was written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub twins: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    pending: Vec<Pending>,
}

/// One unsent comment as `Pending`'s derived `Serialize` writes it; the
/// defaults are its `#[serde(default)]`s, so older outboxes still read.
fn pending(v: &Value, at: &str, error: &Mistake) -> Option<Pending> {
    let mut o = Obj::of(v, at, error)?;
    let draft = o.object("draft", new_comment);
    if draft.is_none() {
        o.missing("draft");
    }
    let attempts = o.number("attempts");
    let next_try_ms = o.int("next_try_ms");
    if attempts.is_none() {
        o.missing("attempts");
    }
    if next_try_ms.is_none() {
        o.missing("next_try_ms");
    }
    Some(Pending {
        thread: o.need("thread"),
        draft: draft?,
        attempts: attempts.unwrap_or(0),
        next_try_ms: next_try_ms.unwrap_or(0),
        last_error: o.string("last_error"),
        stuck: o.flag("stuck"),
        first_try_ms: o.int("first_try_ms"),
        nudged: o.flag("nudged"),
        twins: o.list("twins", string_item),
    })
}

pub const FIRST_RETRY_MS: i64 = 2_000;
pub const MAX_RETRY_MS: i64 = 5 * 60_000;
/// How far behind the writer's clock a comment's time may be (a backend's
/// own clock, or another device's) and still be the post that landed.
pub const CLOCK_SLACK_MS: i64 = 10 * 60_000;

impl Outbox {
    pub fn from_json(json: &str) -> Result<Outbox, String> {
        // Read by field lookups, not serde's derive: see `threadline_core::fields`.
        read_object(json, "the outbox", |mut o| Outbox { pending: o.list("pending", pending) })
            .map_err(|e| format!("unsent comments could not be read ({e})"))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{\"pending\":[]}".into())
    }

    /// Adds a draft to send now. The same key twice is the same comment.
    /// `shown`: the thread's comments as the reader sees them, so an earlier
    /// comment with the very same words (a site may allow posting them
    /// twice) is never taken for this one (`landed`).
    pub fn push<'c>(
        &mut self,
        thread: &str,
        draft: NewComment,
        now_ms: i64,
        shown: impl IntoIterator<Item = &'c Comment>,
    ) {
        if self.get(&draft.idempotency_key).is_some() {
            return;
        }
        let twins = shown.into_iter().filter(|c| same_post(&draft, c)).map(|c| c.id.as_str().to_owned()).collect();
        self.pending.push(Pending {
            thread: thread.into(),
            draft,
            attempts: 0,
            next_try_ms: now_ms,
            last_error: None,
            stuck: false,
            nudged: false,
            first_try_ms: Some(now_ms),
            twins,
        });
    }

    /// The key of this thread's failed post that `listed` (a comment the
    /// backend listed) is, if any: tried and not refused, the same post
    /// (`same_post`), no older than the first try, and not a comment that
    /// already said it when the post was written. Such a comment is that
    /// post, stored although its answer was lost.
    pub fn landed<'a>(&'a self, thread: &'a str, listed: &Comment) -> Option<&'a str> {
        self.for_thread(thread)
            .filter(|p| p.attempts > 0 && !p.stuck && !p.twins.iter().any(|t| t == listed.id.as_str()))
            .filter(|p| match (p.first_try_ms, listed.created_ms) {
                (Some(tried), Some(created)) => created >= tried.saturating_sub(CLOCK_SLACK_MS),
                _ => true,
            })
            .find(|p| same_post(&p.draft, listed))
            .map(|p| p.draft.idempotency_key.as_str())
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

    /// The earliest time anything of this thread is due, to arm one timer;
    /// `sending` tells the posts on their way, which wait for their answer instead.
    pub fn next_due(&self, thread: &str, sending: impl Fn(&str) -> bool) -> Option<i64> {
        self.for_thread(thread).filter(|p| !p.stuck && !sending(&p.draft.idempotency_key)).map(|p| p.next_try_ms).min()
    }

    pub fn sent(&mut self, key: &str) -> Option<Pending> {
        let i = self.pending.iter().position(|p| p.draft.idempotency_key == key)?;
        Some(self.pending.remove(i))
    }

    /// Records a failed try. `jitter` in 0..1 spreads retries of many readers
    /// so a recovering server is not hit by all of them at once.
    /// `nudged`: the backend asked the reader to confirm ("are you sure?").
    pub fn failed(&mut self, key: &str, error: String, transient: bool, nudged: bool, now_ms: i64, jitter: f64) {
        let Some(p) = self.pending.iter_mut().find(|p| p.draft.idempotency_key == key) else { return };
        p.attempts = p.attempts.saturating_add(1);
        p.last_error = Some(error);
        p.stuck = !transient;
        p.nudged = nudged;
        let exp = FIRST_RETRY_MS.saturating_mul(1i64 << p.attempts.saturating_sub(1).min(16)).min(MAX_RETRY_MS);
        let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.5 };
        p.next_try_ms = now_ms.saturating_add(exp / 2 + (exp as f64 * 0.5 * jitter) as i64);
    }

    /// The backend asked for a wait (`BackendError::Wait`): the next try is
    /// at `at_ms`, its word, whatever the backoff of earlier failures says.
    pub fn not_before(&mut self, key: &str, at_ms: i64) {
        if let Some(p) = self.pending.iter_mut().find(|p| p.draft.idempotency_key == key) {
            p.next_try_ms = at_ms;
        }
    }

    /// The connection is back: every post of `thread` still to be retried is
    /// due now instead of at the end of its backoff. (One waiting out a
    /// backend's cooldown is told the rest of the wait again.)
    pub fn wake(&mut self, thread: &str, now_ms: i64) {
        for p in self.pending.iter_mut().filter(|p| p.thread == thread && !p.stuck) {
            p.next_try_ms = p.next_try_ms.min(now_ms);
        }
    }

    /// The reader asked to try again now (or edited a stuck comment).
    pub fn retry_now(&mut self, key: &str, now_ms: i64, draft: Option<NewComment>) {
        if let Some(p) = self.pending.iter_mut().find(|p| p.draft.idempotency_key == key) {
            if let Some(d) = draft {
                p.draft = NewComment { idempotency_key: p.draft.idempotency_key.clone(), ..d };
            }
            p.stuck = false;
            p.nudged = false;
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

/// Whether `c` says what `draft` says, where it says it: same parent, same
/// author, the same words once formatting is set aside (a backend may store
/// markdown as HTML). Most comments differ in parent or author: no parsing.
pub fn same_post(draft: &NewComment, c: &Comment) -> bool {
    says_there(&draft.parent, &draft.author, &draft.body, BodyFormat::Markdown, c)
}

/// `same_post` for a comment the reader sees being sent (`ours`) and one a
/// backend reports (`c`): its event stream may bring the stored copy of a
/// post before the answer to that post does.
pub fn same_comment(ours: &Comment, c: &Comment) -> bool {
    says_there(&ours.parent, &ours.author, &ours.body, ours.format, c)
}

fn says_there(parent: &Option<CommentId>, author: &str, body: &str, format: BodyFormat, c: &Comment) -> bool {
    *parent == c.parent && author.trim() == c.author.trim() && words(body, format) == words(&c.body, c.format)
}

/// A body's words as a reader sees them, whitespace collapsed.
fn words(body: &str, format: BodyFormat) -> String {
    let format = match format {
        BodyFormat::Text => Format::Text,
        BodyFormat::Markdown => Format::Markdown,
        BodyFormat::Html => Format::Html,
    };
    to_plain_text(&parse(body, format)).split_whitespace().collect::<Vec<_>>().join(" ")
}
