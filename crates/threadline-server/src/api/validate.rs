//! Input rules shared by posting and editing.
//!
//! Control characters are rejected, not stripped: silently changing what a
//! reader typed would make the stored text differ from the preview, and a
//! control character in a comment is almost always an attack or a bug.
//! `\n` and `\t` are allowed in bodies; `\r\n` is normalized to `\n`.

use crate::errors::ApiError;
use crate::policy_gate::{Outcome, Verdict};
use axum::http::StatusCode;
use serde_json::Value;
use threadline_core::model::{clean_body, clean_draft, control_char};

pub const MAX_THREAD_CHARS: usize = 512;
pub const MAX_IDEMPOTENCY_KEY_CHARS: usize = 200;

pub fn thread(t: &str) -> Result<(), ApiError> {
    if t.is_empty() || t.chars().count() > MAX_THREAD_CHARS {
        return Err(ApiError::invalid(format!("The thread id must be 1 to {MAX_THREAD_CHARS} characters.")));
    }
    if control_char(t, false).is_some() {
        return Err(ApiError::invalid("The thread id must not contain control characters."));
    }
    Ok(())
}

pub fn idempotency_key(k: &str) -> Result<(), ApiError> {
    if k.is_empty() || k.chars().count() > MAX_IDEMPOTENCY_KEY_CHARS || control_char(k, false).is_some() {
        return Err(ApiError::invalid(format!(
            "The idempotency key must be 1 to {MAX_IDEMPOTENCY_KEY_CHARS} printable characters."
        )));
    }
    Ok(())
}

/// Trimmed author and body, or why they cannot be stored.
pub fn draft(author: &str, body: &str) -> Result<(String, String), ApiError> {
    // The same rules and messages as the widget's own draft check.
    clean_draft(author, body).map_err(|e| ApiError::invalid(e.to_string()))
}

/// An edit's trimmed text, or why it cannot be stored (the name stays as posted).
pub fn body(body: &str) -> Result<String, ApiError> {
    clean_body(body).map_err(|e| ApiError::invalid(e.to_string()))
}

/// Turns a verdict into an error unless the comment may be stored; `Ok(true)`
/// means store it held for moderation.
pub fn verdict(v: Verdict, confirmed: bool) -> Result<bool, ApiError> {
    let refuse = |code: &'static str, fallback: &str, findings| {
        let mut e = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, fallback);
        if let Some(s) = &v.summary {
            e.message = s.clone();
        }
        e.findings = Some(findings);
        e
    };
    match v.outcome {
        Outcome::Allow => Ok(false),
        Outcome::Hold => Ok(true),
        Outcome::Nudge if confirmed => Ok(false),
        Outcome::Nudge => Err(refuse(
            "nudge",
            "The discussion policy suggests changing this comment; send \"confirm\": true to post it anyway.",
            v.findings.clone(),
        )),
        Outcome::Block => Err(refuse("policy", "This comment breaks the discussion policy.", v.findings.clone())),
    }
}

/// Whether all that blocks a draft is the wait between two posts: then the
/// same comment is taken once it is over, and the refusal says when
/// (`Retry-After`), so a client's outbox tries again then by itself.
pub fn only_waiting(v: &Verdict) -> bool {
    let blocking: Vec<&Value> =
        v.findings.as_array().into_iter().flatten().filter(|f| f["action"] == "block").collect();
    v.outcome == Outcome::Block && !blocking.is_empty() && blocking.iter().all(|f| f["rule"] == "cooldown")
}
