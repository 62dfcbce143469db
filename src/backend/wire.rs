//! One exchange with a JSON backend: sent with a deadline, its answer read
//! as bytes, and an error answer turned into what the reader is told (the
//! backend's own message, a policy refusal in the reader's language).

use crate::i18n::Lang;
use gloo_net::http::RequestBuilder;
use serde_json::Value;
use threadline_core::BackendError;
use threadline_sync::json::{self, Json};

/// Larger answers are refused before parsing: a runaway backend must not
/// freeze the reader's tab.
const MAX_ANSWER_BYTES: usize = 20 * 1024 * 1024;
/// One answer: status, body, and the ETag header when the backend sent (and exposed) one.
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
    pub etag: Option<String>,
    /// `Retry-After` in seconds (its date form is not read: backoff then).
    pub retry_after: Option<u32>,
}

/// Sends with a deadline: a stalled backend must not leave a post "sending"
/// forever. The abort surfaces as a network error, so the outbox retries.
/// The deadline covers the whole exchange, body included: a server that sends
/// headers and then stalls is given up too.
pub async fn send(builder: RequestBuilder, body: Option<String>, timeout_ms: u32) -> Result<Answer, BackendError> {
    let deadline = crate::deadline::Deadline::new(crate::state::timer_delay(timeout_ms.into()));
    let builder = builder.abort_signal(deadline.signal().as_ref());
    let request = match body {
        Some(b) => builder.body(b),
        None => builder.build(),
    }
    .map_err(|e| BackendError::Invalid(e.to_string()))?;
    let result = match request.send().await {
        Ok(response) => read(response).await,
        Err(e) => Err(e),
    };
    drop(deadline);
    result.map_err(|e| {
        // The browser hides the cause (offline, refused, CORS) from scripts;
        // the console has the details, the reader gets a plain sentence.
        crate::state::warn(&format!("request failed: {e}"));
        let timed_out = e.to_string().contains("abort");
        BackendError::Network(
            if timed_out { "the server did not answer in time" } else { "you may be offline, or the server is down" }
                .into(),
        )
    })
}

async fn read(response: gloo_net::http::Response) -> Result<Answer, gloo_net::Error> {
    let status = response.status();
    let etag = response.headers().get("etag");
    let retry_after = response.headers().get("retry-after").and_then(|s| s.trim().parse::<u32>().ok());
    response.binary().await.map(|body| Answer { status, body, etag, retry_after: retry_after.map(|s| s.min(3600)) })
}

/// The answer as JSON, or the backend's own error message when it sent one.
pub fn answer(Answer { status, body, retry_after, .. }: Answer, lang: Lang) -> Result<Json, BackendError> {
    if body.len() > MAX_ANSWER_BYTES {
        return Err(BackendError::Invalid(format!(
            "the answer is {} MB, more than a comment list can be",
            body.len() >> 20
        )));
    }
    let json = json::read_bytes(&body);
    if !(200..300).contains(&status) {
        let code = json.as_ref().ok().and_then(|v| v.pointer("/error/code")?.as_str().map(str::to_owned));
        // The reference server's "are you sure?" (API.md): posted when sent with confirm.
        let nudged = status == 422 && code.as_deref() == Some("nudge");
        let message = json
            .ok()
            .and_then(|v| {
                if let Some(m) = code.as_deref().and_then(|c| policy_message(&v, c, lang)) {
                    return Some(m);
                }
                // A moderator's block (API.md), which no retry or edit changes.
                if code.as_deref() == Some("blocked") {
                    return Some(threadline_i18n::t(lang, threadline_i18n::Key::Blocked).to_owned());
                }
                let m =
                    v.pointer("/error/message").or_else(|| v.pointer("/error")).or_else(|| v.pointer("/message"))?;
                m.as_str().map(str::to_owned)
            })
            // The start of a plain-text error is enough to quote (a cut letter
            // shows as U+FFFD); a proxy's HTML error page is not for readers:
            // the status alone is said.
            .unwrap_or_else(|| {
                let text = String::from_utf8_lossy(&body[..body.len().min(800)]);
                if text.trim_start().starts_with('<') {
                    String::new()
                } else {
                    text.chars().take(200).collect()
                }
            });
        return Err(match (status, retry_after) {
            // Too many at once, or the policy's wait between two posts (the
            // reference server says how long, API.md): tried again then.
            (429 | 503, Some(secs)) => BackendError::Wait { message, secs },
            (_, Some(secs)) if code.as_deref() == Some("policy") => BackendError::Wait { message, secs },
            _ if nudged => BackendError::Nudged(message),
            _ if code.as_deref() == Some("blocked") => BackendError::Rejected(message),
            // Said in the reader's words (`Key::ErrUnknownParent`), not the server's.
            _ if code.as_deref() == Some("unknown_parent") => BackendError::UnknownParent(message),
            (422 | 400, _) => BackendError::Rejected(message),
            _ => BackendError::Status { code: status, message },
        });
    }
    // 204 No Content (a delete) has nothing to parse.
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Json::from_value(Value::Null));
    }
    json.map_err(|e| BackendError::Invalid(e.to_string()))
}

/// A policy refusal's deciding finding in the reader's language, from the
/// reference server's `findings` (API.md), when it sent them.
fn policy_message(v: &Json, code: &str, lang: Lang) -> Option<String> {
    let action = match code {
        "policy" => "block",
        "nudge" => "nudge",
        _ => return None,
    };
    let findings = v.pointer("/findings")?.as_array()?;
    let deciding = findings.iter().find(|f| f.pointer("/action").and_then(|a| a.as_str()) == Some(action))?;
    deciding.pointer(&format!("/message/{}", lang.tag()))?.as_str().map(str::to_owned)
}
