//! `GET /api/comments/{id}`: one comment. A listed comment to anyone; one
//! held for a moderator only to its author (its owner token), who waits to
//! hear what became of it. Anything else (never posted, deleted, turned
//! down by a moderator) is 404, so a held comment's author learns it was
//! not let through, and nobody else can read a held comment.

use super::extract::ApiPath;
use super::post::comment_response;
use super::Client;
use crate::errors::ApiError;
use crate::ids::same_secret;
use crate::queries;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;

pub async fn one(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    ApiPath(id): ApiPath,
) -> Result<Response, ApiError> {
    let token = headers.get("x-owner-token").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let id2 = id.clone();
    let found = state.db.read(move |conn| Ok(queries::get(conn, &id2)?)).await?;
    let gone = || ApiError::not_found(format!("There is no comment {id}."));
    let s = found.filter(|s| !s.removed && !s.api.comment.deleted).ok_or_else(gone)?;
    let author = match (&token, &s.owner_token) {
        (Some(t), Some(owner)) => same_secret(owner, t),
        _ => false,
    };
    // A token that is not this comment's may be a guess: those count against
    // the address's limit (an author asking after their own costs nothing).
    if token.is_some() && !author {
        state.rate_limit(&client)?;
    }
    if s.api.comment.held && !author {
        return Err(gone());
    }
    let mut response = comment_response(StatusCode::OK, &s.api);
    // What it says depends on the token: no cache may keep it for anyone else.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
