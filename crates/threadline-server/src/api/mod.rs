//! The JSON API under `/api`, one file per endpoint group.

pub mod extract;
mod like;
mod list;
mod moderate;
mod modify;
mod one;
mod post;
mod report;
pub mod validate;

use crate::errors::ApiError;
use crate::state::AppState;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/comments", get(list::list).post(post::create))
        .route("/api/comments/stream", get(crate::sse::stream))
        .route("/api/comments/{id}", get(one::one).patch(modify::edit).delete(modify::remove))
        .route("/api/comments/{id}/like", post(like::like))
        .route("/api/comments/{id}/report", post(report::report))
        .route("/api/policy", get(policy))
        .route("/api/policy/wire", get(wire_policy))
        .merge(moderate::routes())
        .route("/api/{*rest}", axum::routing::any(unknown_endpoint))
        .method_not_allowed_fallback(method_not_allowed)
}

/// The discussion policy this server enforces, for the widget's own check.
/// Short-lived in caches: a site that changes its policy restarts the server.
async fn policy(axum::extract::State(state): axum::extract::State<AppState>) -> axum::response::Response {
    use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let headers = [(CONTENT_TYPE, "application/json"), (CACHE_CONTROL, "public, max-age=300")];
    (headers, state.gate.public_policy().to_string()).into_response()
}

/// The same, for the widget's engine (`threadline_policy::wire`).
async fn wire_policy(axum::extract::State(state): axum::extract::State<AppState>) -> axum::response::Response {
    use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let headers = [(CONTENT_TYPE, "application/octet-stream"), (CACHE_CONTROL, "public, max-age=300")];
    (headers, state.gate.wire_policy()).into_response()
}

async fn unknown_endpoint() -> ApiError {
    ApiError::not_found("There is no such API endpoint.")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "This endpoint does not accept that HTTP method.",
    )
}

pub use crate::client::Client;

impl AppState {
    /// One allowance per network: a whole IPv6 /64 shares one.
    pub fn rate_limit(&self, client: &Client) -> Result<(), ApiError> {
        self.limiter.check(crate::client::network(client.ip)).map_err(ApiError::rate_limited)
    }

    /// The edit window as every listing tells it.
    pub fn edit_window_ms(&self) -> u64 {
        u64::try_from(self.edit_window.as_millis()).unwrap_or(u64::MAX)
    }
}

/// The owner token header, required by edit and delete.
pub fn owner_token(parts: &axum::http::HeaderMap) -> Result<String, ApiError> {
    parts
        .get("x-owner-token")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(String::from)
        .ok_or_else(|| {
            ApiError::forbidden(
                "This needs the X-Owner-Token header with the token returned when the comment was posted.",
            )
        })
}
