//! Every failure the API reports, and how it becomes a JSON response.
//!
//! Handlers return `Result<_, ApiError>`; nothing else may produce an error
//! body, so a client can always parse `{"error":{"code","message"}}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Policy findings, shown by the widget exactly as its own pre-check does.
    pub findings: Option<Value>,
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into(), findings: None, retry_after_secs: None }
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// A moderator blocked the client this request comes from (`api/moderate.rs`).
    pub fn blocked() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "blocked",
            "A moderator has blocked writing here from this browser or network.",
        )
    }

    /// Storage failures are logged with detail but reported without it: the
    /// client cannot act on SQLite internals and should not see them.
    pub fn internal(context: &str, detail: impl std::fmt::Display) -> Self {
        eprintln!("threadline-server: {context}: {detail}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "The server could not complete the request; please try again.",
        )
    }

    pub fn rate_limited(retry_after_secs: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!("Too many changes from this address; try again in {retry_after_secs} s."),
        );
        e.retry_after_secs = Some(retry_after_secs);
        e
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::internal("database", e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({ "error": { "code": self.code, "message": self.message } });
        if let Some(findings) = self.findings {
            body["findings"] = findings;
        }
        let mut res = (self.status, json_body(&body)).into_response();
        let headers = res.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        if let Some(secs) = self.retry_after_secs {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

/// A `Value` always serializes; the fallback only keeps this free of unwrap.
pub fn json_body(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| String::from("{}"))
}

/// A JSON answer with `status`: every successful body goes out this way.
pub fn json_response(status: StatusCode, v: &Value) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], json_body(v)).into_response()
}
