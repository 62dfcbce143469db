//! `/api/moderation/…`: what a site's moderator does with the comments the
//! policy held for review, and with readers who break the rules ("violators
//! may be blocked"). Every call needs `Authorization: Bearer <token>`, the
//! token the server was started with; without one, moderation is off.

use super::extract::{ApiPath, ApiQuery};
use super::post::comment_response;
use super::Client;
use crate::errors::ApiError;
use crate::ids::same_secret;
use crate::moderation::{self, Queue};
use crate::queries::{self, Stored};
use crate::state::{now_ms, AppState};
use axum::extract::{FromRequestParts, State};
use axum::http::{header, request::Parts, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use rusqlite::{Connection, TransactionBehavior};
use serde::Deserialize;
use serde_json::{json, Value};

/// The most comments one listing returns; for held ones, approving or
/// rejecting some brings the next ones.
const MAX_LIMIT: usize = 500;
/// The latest comments listed when the moderator does not say how many.
const RECENT: usize = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/moderation/held", get(held))
        .route("/api/moderation/recent", get(recent))
        .route("/api/moderation/blocks", get(blocks))
        .route("/api/moderation/reported", get(reported))
        .route("/api/moderation/comments/{id}/reports", axum::routing::delete(dismiss))
        .route("/api/moderation/comments/{id}", axum::routing::delete(remove))
        .route("/api/moderation/comments/{id}/approve", post(approve))
        .route("/api/moderation/comments/{id}/reject", post(reject))
        .route("/api/moderation/comments/{id}/block", post(block).delete(unblock))
}

/// A request that carried the moderator token.
pub struct Moderator;

impl FromRequestParts<AppState> for Moderator {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(token) = state.moderator_token.as_deref() else {
            return Err(ApiError::not_found(
                "Moderation is off on this server: start it with --moderator-token or THREADLINE_MODERATOR_TOKEN.",
            ));
        };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        if given.is_some_and(|g| same_secret(g, token)) {
            return Ok(Moderator);
        }
        // Wrong guesses count against the address like writes do.
        let client = Client::from_request_parts(parts, state).await?;
        state.rate_limit(&client)?;
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "This needs the header Authorization: Bearer <moderator token>.",
        ))
    }
}

async fn held(State(state): State<AppState>, _: Moderator) -> Result<Response, ApiError> {
    listing(&state, Queue::Held, MAX_LIMIT).await
}

async fn reported(State(state): State<AppState>, _: Moderator) -> Result<Response, ApiError> {
    listing(&state, Queue::Reported, MAX_LIMIT).await
}

/// The moderator read a reported comment and keeps it.
async fn dismiss(State(state): State<AppState>, _: Moderator, ApiPath(id): ApiPath) -> Result<Response, ApiError> {
    let cleared = state.db.write(move |conn| Ok(moderation::dismiss_reports(conn, &id)?)).await?;
    Ok(crate::errors::json_response(StatusCode::OK, &json!({ "dismissed": cleared })))
}

#[derive(Deserialize)]
struct RecentParams {
    limit: Option<usize>,
}

/// The latest listed comments of every thread, for a moderator to act on
/// what the policy let through.
async fn recent(
    State(state): State<AppState>,
    _: Moderator,
    ApiQuery(p): ApiQuery<RecentParams>,
) -> Result<Response, ApiError> {
    let limit = p.limit.unwrap_or(RECENT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::bad_request("invalid_query", format!("limit must be between 1 and {MAX_LIMIT}.")));
    }
    listing(&state, Queue::Recent, limit).await
}

async fn listing(state: &AppState, queue: Queue, limit: usize) -> Result<Response, ApiError> {
    let rows = state.db.read(move |conn| Ok(moderation::queue(conn, queue, limit)?)).await?;
    let comments: Vec<Value> = rows
        .into_iter()
        .map(|m| {
            let mut v = serde_json::to_value(&m.stored.api).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                // The thread says which page it was written under.
                o.insert("thread".into(), m.stored.thread.into());
                o.insert("blockable".into(), m.blockable.into());
                o.insert("blocked".into(), m.blocked.is_some().into());
                // The browser's own block, or only the address it wrote from.
                if let Some(by) = m.blocked {
                    o.insert("blocked_by".into(), by.as_str().into());
                }
                o.insert("reports".into(), m.reports.into());
            }
            v
        })
        .collect();
    Ok(crate::errors::json_response(StatusCode::OK, &json!({ "comments": comments })))
}

fn held_one(conn: &Connection, id: &str) -> Result<Stored, ApiError> {
    queries::get(conn, id)?
        .filter(|s| s.api.comment.held && !s.removed)
        .ok_or_else(|| ApiError::not_found(format!("There is no held comment {id}.")))
}

/// Lists a held comment, and sends it to every open stream like a new one.
async fn approve(State(state): State<AppState>, _: Moderator, ApiPath(id): ApiPath) -> Result<Response, ApiError> {
    let (thread, change, comment) = state
        .db
        .write(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            held_one(&tx, &id)?;
            let change = queries::next_change(&tx)?;
            moderation::approve(&tx, &id, change)?;
            let s = queries::get(&tx, &id)?
                .ok_or_else(|| ApiError::internal("approve", "row vanished inside its transaction"))?;
            tx.commit()?;
            Ok((s.thread, change, s.api))
        })
        .await?;
    state.committed(&thread, change, std::slice::from_ref(&comment));
    Ok(comment_response(StatusCode::OK, &comment))
}

/// Deletes a held comment. A new one nobody saw simply never shows; an edit
/// held for review, of a comment readers saw, goes as any deleted comment
/// does (a placeholder while it has replies), and open pages are told.
async fn reject(State(state): State<AppState>, _: Moderator, ApiPath(id): ApiPath) -> Result<Response, ApiError> {
    super::modify::delete(&state, id, |conn, id| {
        let s = held_one(conn, id)?;
        moderation::release(conn, id)?;
        Ok(s)
    })
    .await
}

/// Deletes any listed comment, as its author could.
async fn remove(State(state): State<AppState>, _: Moderator, ApiPath(id): ApiPath) -> Result<Response, ApiError> {
    super::modify::delete(&state, id, |conn, id| {
        queries::get(conn, id)?
            .filter(|s| !s.removed && !s.api.comment.held && !s.api.comment.deleted)
            .ok_or_else(|| ApiError::not_found(format!("There is no comment {id}.")))
    })
    .await
}

/// The client (browser id, or address) a comment came from, its address's
/// network key, and its author. Deleted and rejected comments count: their
/// writer can still be blocked, and a block made for one can always be lifted.
fn client_of(conn: &Connection, id: &str) -> Result<((String, Option<String>), String), ApiError> {
    let Some(s) = queries::get(conn, id)? else {
        return Err(ApiError::not_found(format!("There is no comment {id}.")));
    };
    let client = moderation::client_of(conn, id)?.ok_or_else(|| {
        ApiError::invalid(format!("Comment {id} was imported, not posted: there is nobody to block."))
    })?;
    Ok((client, s.api.comment.author))
}

/// Refuses every later post, edit, like and report from the browser that
/// wrote comment `id`, and from the address it wrote from (for IPv6, its
/// /64): a new browser id does not get round it.
async fn block(State(state): State<AppState>, _: Moderator, ApiPath(id): ApiPath) -> Result<Response, ApiError> {
    state
        .db
        .write(move |conn| {
            let ((client, network), author) = client_of(conn, &id)?;
            moderation::block(conn, (&client, network.as_deref()), &id, &author, now_ms())?;
            Ok(())
        })
        .await?;
    Ok(crate::errors::json_response(StatusCode::OK, &json!({ "blocked": true })))
}

async fn unblock(State(state): State<AppState>, _: Moderator, ApiPath(id): ApiPath) -> Result<Response, ApiError> {
    let lifted = state
        .db
        .write(move |conn| {
            let ((client, network), _) = client_of(conn, &id)?;
            Ok(moderation::unblock(conn, (&client, network.as_deref()))?)
        })
        .await?;
    Ok(crate::errors::json_response(StatusCode::OK, &json!({ "blocked": false, "was_blocked": lifted })))
}

/// The blocks in force, newest first, each lifted through its comment.
async fn blocks(State(state): State<AppState>, _: Moderator) -> Result<Response, ApiError> {
    let rows = state.db.read(|conn| Ok(moderation::blocks(conn)?)).await?;
    let blocks: Vec<Value> = rows
        .into_iter()
        .map(|(comment, author, since)| json!({ "comment_id": comment, "author": author, "since_ms": since }))
        .collect();
    Ok(crate::errors::json_response(StatusCode::OK, &json!({ "blocks": blocks })))
}
