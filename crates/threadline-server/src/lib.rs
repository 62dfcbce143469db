//! Threadline's reference JSON backend: an axum server over an embedded
//! SQLite database. `main.rs` parses flags, calls [`prepare`] and then
//! [`Prepared::run`].

pub mod api;
pub mod cache;
pub mod client;
pub mod config;
pub mod db;
pub mod errors;
pub mod ids;
pub mod moderate_page;
pub mod moderation;
pub mod notify;
pub mod policy_gate;
pub mod queries;
pub mod rate_limit;
pub mod seed;
pub mod sse;
pub mod state;
pub mod static_files;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::serve::ListenerExt;
use config::Config;
use errors::ApiError;
use state::{AppState, Shared};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::{broadcast, watch};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Opens the database, imports seeds, and serves until `shutdown` resolves.
pub async fn serve(
    cfg: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), String> {
    prepare(&cfg)?.run(listener, shutdown).await
}

/// A server set up and ready to take connections: everything that can fail
/// on a bad flag (database, seeds, policy, CORS origins) has been done.
pub struct Prepared {
    app: axum::Router,
    stop: watch::Sender<bool>,
}

/// Opens the database, imports seeds, loads the policy and builds the routes.
pub fn prepare(cfg: &Config) -> Result<Prepared, String> {
    if let Some(dir) = cfg.dist.as_ref().filter(|d| !d.is_dir()) {
        return Err(format!("--dist {}: no such directory (build it with trunk build --release)", dir.display()));
    }
    let db = db::Db::open(&cfg.db)?;
    let network_secret = db.network_secret()?;
    for path in &cfg.seed {
        eprintln!("{}", seed::import(&db, path)?);
    }
    let gate = policy_gate::Gate::load(cfg.policy.as_deref())?;
    let (stop, stop_rx) = watch::channel(false);
    let state = AppState(Arc::new(Shared {
        db,
        gate,
        limiter: rate_limit::RateLimiter::new(cfg.rate_limit_per_minute),
        cache: cache::ListCache::default(),
        changes: broadcast::channel(1024).0,
        edit_window: cfg.edit_window(),
        moderator_token: cfg.moderator_token.clone(),
        notifier: notify::Notifier::new(cfg.notify_url.clone()),
        max_body_bytes: cfg.max_body_bytes,
        shutdown: stop_rx,
        trusted_proxies: cfg.trusted_proxies()?,
        network_secret,
    }));

    let mut app = api::router().merge(moderate_page::routes());
    app = match &cfg.dist {
        Some(dir) => static_files::serve_dir(app, dir),
        None => app.fallback(|| async { ApiError::not_found("Nothing is served here; the API is under /api.") }),
    };
    let mut app = app.with_state(state).layer(DefaultBodyLimit::max(cfg.max_body_bytes));
    if !cfg.cors_origins.is_empty() {
        app = app.layer(cors(&cfg.cors_origins)?);
    }
    Ok(Prepared { app, stop })
}

impl Prepared {
    /// Serves until `shutdown` resolves.
    pub async fn run(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), String> {
        let stop = self.stop;
        let graceful = async move {
            shutdown.await;
            let _ = stop.send(true);
        };
        // Without TCP_NODELAY a small answer written in two parts (headers, then
        // a body that does not fill a segment) waits for the browser's delayed
        // ACK: 40 ms on Linux. The page's stylesheet arrived that late, and the
        // widget's script waits for the stylesheet.
        let listener = listener.tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                eprintln!("TCP_NODELAY not set on a connection: {e}");
            }
        });
        axum::serve(listener, self.app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(graceful)
            .await
            .map_err(|e| format!("server error: {e}"))
    }
}

fn cors(origins: &[String]) -> Result<CorsLayer, String> {
    // `*`: any page may call the API. Safe here: nothing rides on cookies
    // (an owner token travels in a header the page itself sets).
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().map(|o| origin(o)).collect::<Result<Vec<_>, _>>()?)
    };
    Ok(CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::DELETE])
        .allow_headers([
            header::CONTENT_TYPE,
            header::IF_NONE_MATCH,
            header::AUTHORIZATION,
            HeaderName::from_static("x-owner-token"),
            HeaderName::from_static("x-client-id"),
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::ETAG, header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(600)))
}

/// An origin as a browser sends it: scheme, host and port, nothing more; a
/// path (or a typo) would never match, so it is refused at start-up instead.
fn origin(o: &str) -> Result<HeaderValue, String> {
    let o = o.strip_suffix('/').unwrap_or(o);
    let bad = || {
        format!(
            "--cors-origin {o:?} is not an origin like https://news.example or http://127.0.0.1:8080 (or * for any)"
        )
    };
    let rest = o.strip_prefix("https://").or_else(|| o.strip_prefix("http://")).ok_or_else(bad)?;
    if rest.is_empty() || rest.contains(['/', '?', '#', ' ', '*']) {
        return Err(bad());
    }
    HeaderValue::from_str(o).map_err(|_| bad())
}
