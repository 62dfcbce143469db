//! `POST /api/comments/{id}/report`: a reader tells the moderators a comment
//! breaks the discussion policy. One report per client and per address; again
//! is a no-op.

use super::extract::ApiPath;
use super::Client;
use crate::errors::ApiError;
use crate::moderation;
use crate::queries;
use crate::state::{now_ms, AppState};
use axum::extract::State;
use axum::response::Response;
use serde_json::json;

pub async fn report(State(state): State<AppState>, client: Client, ApiPath(id): ApiPath) -> Result<Response, ApiError> {
    state.rate_limit(&client)?;
    let (stored, reports) = state
        .db
        .write(move |conn| {
            if moderation::is_blocked(conn, &client.key, &client.network)? {
                return Err(ApiError::blocked());
            }
            let s = queries::get(conn, &id)?
                .filter(|s| !s.removed && !s.api.comment.held && !s.api.comment.deleted)
                .ok_or_else(|| ApiError::not_found(format!("There is no comment {id}.")))?;
            let added = moderation::report(conn, &id, &client.key, &client.network, now_ms())?;
            let reports = if added { Some(moderation::reports_of(conn, &id)?) } else { None };
            Ok((s, reports))
        })
        .await?;
    // Each new reader's report, not a repeat.
    if let Some(n) = reports {
        state.notifier.send("reported", &stored.thread, &stored.api, Some(n));
    }
    Ok(crate::errors::json_response(axum::http::StatusCode::OK, &json!({ "reported": true })))
}
