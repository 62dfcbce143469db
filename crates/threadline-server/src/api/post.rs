//! `POST /api/comments`: validate, check the policy, store once.

use super::extract::ApiJson;
use super::{validate, Client};
use crate::errors::ApiError;
use crate::ids;
use crate::policy_gate::Context;
use crate::queries::{self, ApiComment, NewRow, Stored};
use crate::state::{now_ms, AppState};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use rusqlite::{Connection, TransactionBehavior};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct PostBody {
    thread: String,
    #[serde(default)]
    parent: Option<String>,
    author: String,
    body: String,
    #[serde(default)]
    idempotency_key: Option<String>,
    /// The reader saw the policy's nudge and chose "Post anyway".
    #[serde(default)]
    confirm: bool,
}

/// How many of a client's latest comments the policy sees.
const RECENT_OWN: usize = 10;

pub async fn create(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    ApiJson(req): ApiJson<PostBody>,
) -> Result<Response, ApiError> {
    state.rate_limit(&client)?;
    validate::thread(&req.thread)?;
    let key = match req.idempotency_key.clone() {
        Some(k) => Some(k),
        None => headers
            .get("idempotency-key")
            .map(|v| {
                v.to_str()
                    .map(String::from)
                    .map_err(|_| ApiError::invalid("The Idempotency-Key header must be printable text."))
            })
            .transpose()?,
    };
    if let Some(k) = &key {
        validate::idempotency_key(k)?;
    }
    let (author, body) = validate::draft(&req.author, &req.body)?;

    // A retry is answered before the policy runs again: the original was
    // accepted, and a rule like "posting too fast" must not refuse its echo.
    let thread = req.thread.clone();
    let parent = req.parent.clone();
    let (client_key, network) = (client.key.clone(), client.network.clone());
    let key2 = key.clone();
    let prior = state
        .db
        .read(move |conn| {
            if let Some(k) = &key2 {
                if let Some(found) = queries::by_idempotency_key(conn, &thread, k)? {
                    return Ok(Err(replayed(found, &client_key)?));
                }
            }
            if crate::moderation::is_blocked(conn, &client_key, &network)? {
                return Err(ApiError::blocked());
            }
            check_parent(conn, &thread, parent.as_deref())?;
            let participants = queries::participants(conn, &thread)?;
            let (recent_own, last_post_ms) = queries::recent_own(conn, &client_key, RECENT_OWN, None)?;
            Ok(Ok(Context { now_ms: Some(now_ms()), last_post_ms, recent_own, participants }))
        })
        .await?;
    let ctx = match prior {
        Err(original) => return Ok(created(StatusCode::OK, original)),
        Ok(ctx) => ctx,
    };
    let wait_ms = ctx.last_post_ms.map(|last| last + state.gate.cooldown_ms() - now_ms());
    let verdict = state.gate.check(&body, &author, ctx);
    let waiting = validate::only_waiting(&verdict);
    let held = validate::verdict(verdict, req.confirm).map_err(|mut e| {
        if waiting {
            // Whole seconds, rounded up: a retry then is past the wait.
            e.retry_after_secs = wait_ms.map(|ms| (ms.max(0) as u64).div_ceil(1000).max(1));
        }
        e
    })?;

    let id = ids::comment_id()?;
    let token = ids::owner_token()?;
    let thread = req.thread.clone();
    let (stored, fresh, cursor) = state
        .db
        .write(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Checked again inside the write lock: a concurrent retry may
            // have stored it, or the parent been deleted, since the read.
            if let Some(k) = &key {
                if let Some(found) = queries::by_idempotency_key(&tx, &thread, k)? {
                    return Ok((replayed(found, &client.key)?, false, 0));
                }
            }
            check_parent(&tx, &thread, req.parent.as_deref())?;
            let change = queries::next_change(&tx)?;
            queries::insert(
                &tx,
                &NewRow {
                    id: &id,
                    thread: &thread,
                    parent: req.parent.as_deref(),
                    author: &author,
                    body: &body,
                    created_ms: Some(now_ms()),
                    held,
                    owner_token: Some(&token),
                    client: Some(&client.key),
                    network: Some(&client.network),
                    idem_key: key.as_deref(),
                    change,
                },
            )?;
            let stored = queries::get(&tx, &id)?
                .ok_or_else(|| ApiError::internal("insert", "row vanished inside its transaction"))?;
            tx.commit()?;
            Ok((stored, true, change))
        })
        .await?;
    if !fresh {
        return Ok(created(StatusCode::OK, stored));
    }
    state.committed(&req.thread, cursor, std::slice::from_ref(&stored.api));
    if stored.api.comment.held {
        state.notifier.send("held", &req.thread, &stored.api, None);
    }
    let status = if stored.api.comment.held { StatusCode::ACCEPTED } else { StatusCode::CREATED };
    Ok(created(status, stored))
}

/// A retry of a post already stored is answered with it, owner token and
/// all; the same key from another client is refused instead: the token is
/// the first sender's alone.
fn replayed((s, sender): (Stored, Option<String>), client: &str) -> Result<Stored, ApiError> {
    if sender.as_deref() == Some(client) {
        return Ok(s);
    }
    Err(ApiError::new(
        StatusCode::CONFLICT,
        "idempotency_conflict",
        "This idempotency key was used for another comment; send the post with a new one.",
    ))
}

/// A reply must answer a listed comment of the same thread.
/// A reply whose comment is not there to answer: its own code, so a client
/// can say so in its reader's words and offer the text as a new comment.
fn unknown_parent(message: String) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "unknown_parent", message)
}

fn check_parent(conn: &Connection, thread: &str, parent: Option<&str>) -> Result<(), ApiError> {
    let Some(pid) = parent else { return Ok(()) };
    match queries::get(conn, pid)? {
        Some(p) if p.thread != thread => {
            Err(unknown_parent(format!("The comment you are replying to ({pid}) belongs to another thread.")))
        }
        Some(p) if p.removed || p.api.comment.held => {
            Err(unknown_parent(format!("The comment you are replying to ({pid}) does not exist in this thread.")))
        }
        Some(p) if p.api.comment.deleted => {
            Err(unknown_parent(format!("The comment you are replying to ({pid}) has been deleted.")))
        }
        Some(_) => Ok(()),
        None => Err(unknown_parent(format!("The comment you are replying to ({pid}) does not exist in this thread."))),
    }
}

fn created(status: StatusCode, s: Stored) -> Response {
    let body = json!({ "comment": s.api, "owner_token": s.owner_token });
    crate::errors::json_response(status, &body)
}

pub fn comment_response(status: StatusCode, c: &ApiComment) -> Response {
    let body = json!({ "comment": c });
    crate::errors::json_response(status, &body)
}
