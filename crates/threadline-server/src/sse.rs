//! `GET /api/comments/stream?thread=T`: Server-Sent Events, one `comment`
//! event per new or changed comment of the thread.
//!
//! Starts with a `ready` event so a client knows it is subscribed (and can
//! fetch the listing without missing a change in between). If a client falls
//! too far behind the broadcast buffer it gets `lagged` and should refetch.

use crate::api::extract::ApiQuery;
use crate::errors::ApiError;
use crate::state::{AppState, Change};
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use serde::Deserialize;
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::broadcast::{error::RecvError, Receiver};
use tokio::sync::watch;

#[derive(Deserialize)]
pub struct StreamParams {
    thread: Option<String>,
}

struct Feed {
    rx: Receiver<Arc<Change>>,
    shutdown: watch::Receiver<bool>,
    thread: String,
}

pub async fn stream(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<StreamParams>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let thread =
        p.thread.ok_or_else(|| ApiError::bad_request("invalid_query", "The thread query parameter is required."))?;
    crate::api::validate::thread(&thread)?;
    let feed = Feed { rx: state.changes.subscribe(), shutdown: state.shutdown.clone(), thread };
    let ready = stream::once(async { Ok(Event::default().event("ready").data("{}")) });
    Ok(Sse::new(ready.chain(stream::unfold(feed, next))).keep_alive(KeepAlive::default()))
}

async fn next(mut f: Feed) -> Option<(Result<Event, Infallible>, Feed)> {
    loop {
        if *f.shutdown.borrow() {
            return None;
        }
        let msg = tokio::select! {
            changed = f.shutdown.changed() => {
                if changed.is_err() { return None; }
                continue;
            }
            msg = f.rx.recv() => msg,
        };
        match msg {
            Ok(c) if c.thread == f.thread => {
                let ev = Event::default().event("comment").data(c.json.as_str());
                return Some((Ok(ev), f));
            }
            Ok(_) => continue,
            Err(RecvError::Lagged(n)) => {
                let ev = Event::default().event("lagged").data(n.to_string());
                return Some((Ok(ev), f));
            }
            Err(RecvError::Closed) => return None,
        }
    }
}
