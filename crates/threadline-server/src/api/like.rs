//! `POST /api/comments/{id}/like`: one like per client and per address,
//! repeat likes are no-ops.

use super::extract::ApiPath;
use super::Client;
use crate::errors::ApiError;
use crate::queries;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use rusqlite::TransactionBehavior;
use serde_json::json;

pub async fn like(State(state): State<AppState>, client: Client, ApiPath(id): ApiPath) -> Result<Response, ApiError> {
    state.rate_limit(&client)?;
    let (thread, likes, changed) = state
        .db
        .write(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if crate::moderation::is_blocked(&tx, &client.key, &client.network)? {
                return Err(ApiError::blocked());
            }
            let s = queries::get(&tx, &id)?
                .filter(|s| !s.removed && !s.api.comment.held && !s.api.comment.deleted)
                .ok_or_else(|| ApiError::not_found(format!("There is no comment {id}.")))?;
            let change = queries::next_change(&tx)?;
            let (likes, added) = queries::like(&tx, &id, &client.key, &client.network, change)?;
            let changed = if added { queries::get(&tx, &id)?.map(|c| (change, c.api)) } else { None };
            tx.commit()?;
            Ok((s.thread, likes, changed))
        })
        .await?;
    if let Some((change, c)) = changed {
        state.committed(&thread, change, std::slice::from_ref(&c));
    }
    Ok(crate::errors::json_response(axum::http::StatusCode::OK, &json!({ "likes": likes })))
}
