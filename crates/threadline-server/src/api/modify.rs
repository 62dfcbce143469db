//! `PATCH` and `DELETE /api/comments/{id}`: only with the owner token.

use super::extract::{ApiJson, ApiPath};
use super::post::comment_response;
use super::{owner_token, validate, Client};
use crate::errors::ApiError;
use crate::ids::same_secret;
use crate::policy_gate::Context;
use crate::queries::{self, Stored};
use crate::state::{now_ms, AppState};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use rusqlite::{Connection, TransactionBehavior};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct EditBody {
    body: String,
    #[serde(default)]
    confirm: bool,
}

/// The comment, if `token` owns it. Deleted comments are gone for this purpose.
fn owned(conn: &Connection, id: &str, token: &str) -> Result<Stored, ApiError> {
    let s = queries::get(conn, id)?
        .filter(|s| !s.removed && !s.api.comment.deleted)
        .ok_or_else(|| ApiError::not_found(format!("There is no comment {id}.")))?;
    match &s.owner_token {
        Some(t) if same_secret(t, token) => Ok(s),
        _ => Err(ApiError::forbidden("This owner token does not belong to that comment.")),
    }
}

pub async fn edit(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    ApiPath(id): ApiPath,
    ApiJson(req): ApiJson<EditBody>,
) -> Result<Response, ApiError> {
    state.rate_limit(&client)?;
    let token = owner_token(&headers)?;
    let window = state.edit_window;
    let (id2, token2, client_key, network) = (id.clone(), token.clone(), client.key.clone(), client.network.clone());
    let (current, ctx) = state
        .db
        .read(move |conn| {
            let s = owned(conn, &id2, &token2)?;
            if crate::moderation::is_blocked(conn, &client_key, &network)? {
                return Err(ApiError::blocked());
            }
            let participants = queries::participants(conn, &s.thread)?;
            let (recent_own, _) = queries::recent_own(conn, &client_key, 10, Some(id2.as_str()))?;
            Ok((s, Context { now_ms: Some(now_ms()), last_post_ms: None, recent_own, participants }))
        })
        .await?;
    check_window(&current, window)?;
    let body = validate::body(&req.body)?;
    let held = validate::verdict(state.gate.check(&body, &current.api.comment.author, ctx), req.confirm)?;
    let (stored, change) = state
        .db
        .write(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Re-checked under the write lock: it may have been deleted since.
            let s = owned(&tx, &id, &token)?;
            check_window(&s, window)?;
            let change = queries::next_change(&tx)?;
            queries::set_body(&tx, &id, &body, now_ms(), held || s.api.comment.held, change)?;
            let s = queries::get(&tx, &id)?
                .ok_or_else(|| ApiError::internal("edit", "row vanished inside its transaction"))?;
            tx.commit()?;
            Ok((s, change))
        })
        .await?;
    state.committed(&stored.thread, change, std::slice::from_ref(&stored.api));
    if stored.api.comment.held {
        state.notifier.send("held", &stored.thread, &stored.api, None);
    }
    let status = if stored.api.comment.held { StatusCode::ACCEPTED } else { StatusCode::OK };
    Ok(comment_response(status, &stored.api))
}

fn check_window(s: &Stored, window: std::time::Duration) -> Result<(), ApiError> {
    let created = s.api.comment.created_ms.unwrap_or(0);
    if now_ms().saturating_sub(created) > window.as_millis() as i64 {
        return Err(ApiError::forbidden("The edit window has closed; this comment can no longer be changed."));
    }
    Ok(())
}

pub async fn remove(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    ApiPath(id): ApiPath,
) -> Result<Response, ApiError> {
    state.rate_limit(&client)?;
    let token = owner_token(&headers)?;
    delete(&state, id, move |conn, id| owned(conn, id, &token)).await
}

/// Deletes the comment `find` allows (the owner's, or any for a moderator):
/// a placeholder while it has replies, else gone from the listing.
pub(super) async fn delete(
    state: &AppState,
    id: String,
    find: impl FnOnce(&Connection, &str) -> Result<Stored, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    let result = state
        .db
        .write(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let s = find(&tx, &id)?;
            let change = queries::next_change(&tx)?;
            let ids = queries::delete(&tx, &id, change)?;
            let mut changed = Vec::with_capacity(ids.len());
            for cid in ids {
                if let Some(c) = queries::get(&tx, &cid)? {
                    changed.push(c.api);
                }
            }
            tx.commit()?;
            Ok((s.thread, change, changed))
        })
        .await?;
    let (thread, change, changed) = result;
    state.committed(&thread, change, &changed);
    Ok(StatusCode::NO_CONTENT.into_response())
}
