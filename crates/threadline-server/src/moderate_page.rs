//! The moderator's page at `/moderate` (files in `moderate/`, built into
//! the binary): the moderation API (`api/moderate.rs`) with buttons, so a
//! site owner needs no tool of their own. It holds no secret: the token is
//! typed into it and every call it makes is checked by the API.

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

const PAGE: &str = include_str!("../moderate/index.html");
const SCRIPT: &str = include_str!("../moderate/moderate.js");
const STYLE: &str = include_str!("../moderate/moderate.css");

/// Its own files only, and never inside another site's frame.
const POLICY: &str =
    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/moderate", get(|| file("text/html; charset=utf-8", PAGE)))
        .route("/moderate.js", get(|| file("text/javascript; charset=utf-8", SCRIPT)))
        .route("/moderate.css", get(|| file("text/css; charset=utf-8", STYLE)))
}

async fn file(kind: &'static str, text: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-cache"),
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        text,
    )
}
