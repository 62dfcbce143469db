//! `GET /api/comments`: a thread's listing, paged by top-level comment, with
//! ETag revalidation and `since` for cheap polling.

use super::extract::ApiQuery;
use super::validate;
use crate::cache::{gzip, Snapshot, Window};
use crate::errors::ApiError;
use crate::queries;
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use flate2::Compression;
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;

pub const MAX_LIMIT: usize = 1000;

#[derive(Deserialize)]
pub struct ListParams {
    thread: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
    /// At most this many comments (the widget's first screen); a page still
    /// holds at least one whole thread.
    max: Option<usize>,
    /// Only each comment's first this many replies (a first screen), with
    /// the number left out below each listed comment in `unlisted`.
    replies: Option<usize>,
    /// Only comments this many levels below the top (top level = 0).
    depth: Option<usize>,
    since: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(p): ApiQuery<ListParams>,
) -> Result<Response, ApiError> {
    let thread =
        p.thread.ok_or_else(|| ApiError::bad_request("invalid_query", "The thread query parameter is required."))?;
    validate::thread(&thread)?;
    if p.limit.is_some_and(|n| n == 0 || n > MAX_LIMIT) {
        return Err(ApiError::bad_request("invalid_query", format!("limit must be between 1 and {MAX_LIMIT}.")));
    }
    if p.max.is_some_and(|n| n == 0) {
        return Err(ApiError::bad_request("invalid_query", "max must be at least 1."));
    }
    let w = Window { offset: p.offset.unwrap_or(0), limit: p.limit, max: p.max, replies: p.replies, depth: p.depth };
    if let Some(since) = p.since {
        let since: i64 =
            since.parse().ok().filter(|n| *n >= 0).ok_or_else(|| {
                ApiError::bad_request("invalid_query", "since must be a cursor returned by this server.")
            })?;
        return changes(&state, &headers, thread, since).await;
    }
    let snap = snapshot(&state, &thread).await?;
    // Gzipped for a browser that takes it (all do): the two are different
    // representations, so each has its own ETag.
    let gzipped = accepts_gzip(&headers).then(|| snap.page_gzip(&thread, w)).flatten();
    let cut = match (w.replies, w.depth) {
        (None, None) => String::new(),
        (r, d) => {
            format!("-r{}-d{}", r.map_or("all".into(), |n| n.to_string()), d.map_or("all".into(), |n| n.to_string()))
        }
    };
    // The edit window is in the answer too: a server restarted with another
    // one must not have browsers keep the old answer.
    let etag = format!(
        "\"c{}-o{}-l{}-m{}{cut}-w{}{}\"",
        snap.cursor,
        w.offset,
        w.limit.unwrap_or(0),
        w.max.unwrap_or(0),
        state.edit_window_ms(),
        if gzipped.is_some() { "-gz" } else { "" }
    );
    Ok(varies(if not_modified(&headers, &etag) {
        respond(StatusCode::NOT_MODIFIED, &etag, Bytes::new())
    } else {
        match gzipped {
            Some(body) => encoded(respond(StatusCode::OK, &etag, body)),
            None => respond(StatusCode::OK, &etag, snap.page(&thread, w)),
        }
    }))
}

/// Whether the request accepts gzip (named without `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|p| p.strip_prefix("q=").is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q <= 0.0)));
            name.eq_ignore_ascii_case("gzip") && !refused
        },
    )
}

async fn snapshot(state: &AppState, thread: &str) -> Result<Arc<Snapshot>, ApiError> {
    if let Some(s) = state.cache.get(thread) {
        return Ok(s);
    }
    let t = thread.to_owned();
    let window_ms = state.edit_window_ms();
    let snap = state
        .db
        .read(move |conn| {
            // One read transaction so the cursor matches the rows.
            let tx = conn.transaction()?;
            let cursor = queries::cursor(&tx, &t)?;
            let rows = queries::visible(&tx, &t)?;
            tx.commit()?;
            Ok(Arc::new(Snapshot::new(cursor, rows, window_ms)))
        })
        .await?;
    state.cache.put(thread, snap.clone());
    Ok(snap)
}

async fn changes(state: &AppState, headers: &HeaderMap, thread: String, since: i64) -> Result<Response, ApiError> {
    // Nothing newer than a cached snapshot means nothing changed: answer
    // without touching the database, which is what pollers mostly hit.
    let cached = state.cache.get(&thread).filter(|s| s.cursor <= since);
    let (cursor, rows) = match cached {
        Some(s) => (s.cursor.max(since), Vec::new()),
        None => {
            let t = thread.clone();
            state
                .db
                .read(move |conn| {
                    let tx = conn.transaction()?;
                    let cursor = queries::cursor(&tx, &t)?;
                    let rows = queries::changes_since(&tx, &t, since)?;
                    tx.commit()?;
                    Ok((cursor.max(since), rows))
                })
                .await?
        }
    };
    // Compressed only when worth it: most polls bring nothing or a comment
    // or two, a reader back after a long while may get hundreds.
    let compress = accepts_gzip(headers) && rows.len() >= GZIP_CHANGES_FROM;
    let w = state.edit_window_ms();
    let (plain_etag, gz_etag) = (format!("\"c{cursor}-s{since}-w{w}\""), format!("\"c{cursor}-s{since}-w{w}-gz\""));
    let etag = if compress { &gz_etag } else { &plain_etag };
    if not_modified(headers, etag) {
        return Ok(varies(respond(StatusCode::NOT_MODIFIED, etag, Bytes::new())));
    }
    let n = rows.len();
    let body = json!({
        "thread": thread,
        "comments": rows,
        "total": n,
        "top_level_total": rows_top_level(&rows),
        "next_offset": null,
        "cursor": cursor.to_string(),
        "edit_window_ms": state.edit_window_ms(),
    });
    let json = Bytes::from(crate::errors::json_body(&body));
    Ok(varies(match compress.then(|| gzip(&json, Compression::fast())).flatten() {
        Some(gz) => encoded(respond(StatusCode::OK, &gz_etag, gz)),
        None => respond(StatusCode::OK, &plain_etag, json),
    }))
}

/// Changes from this many comments on are sent gzipped (about 4 KB of JSON).
const GZIP_CHANGES_FROM: usize = 8;

fn encoded(mut res: Response) -> Response {
    res.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    res
}

/// Marks an answer whose body depends on Accept-Encoding, for caches.
fn varies(mut res: Response) -> Response {
    res.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    res
}

fn rows_top_level(rows: &[queries::ApiComment]) -> usize {
    rows.iter().filter(|c| c.comment.parent.is_none()).count()
}

fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim())
        .any(|t| t == "*" || t.strip_prefix("W/").unwrap_or(t) == etag)
}

fn respond(status: StatusCode, etag: &str, body: Bytes) -> Response {
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = status;
    let h = res.headers_mut();
    if status != StatusCode::NOT_MODIFIED {
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    }
    // Revalidate every time: the ETag makes that nearly free.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    res
}
