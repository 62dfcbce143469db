//! The built widget, served from `--dist`, with caching that suits its names.
//! Trunk names the demo's files by their content (`threadline-<16 hex>.js`),
//! and the embed loader asks for its files with the build's version
//! (`threadline.js?v=<16 hex>`): such a file never changes, so a browser
//! keeps it for a year without asking. Everything else (the page, the
//! loader, the seed) is asked about every time, a cheap 304 while
//! unchanged: left to a browser's own guess, a loader could stay cached
//! beside a newer wasm it cannot start.
//!
//! Files are sent compressed when the build left a brotli or gzip copy beside
//! them (`tools/precompress.mjs`) and the browser accepts it: the wasm goes
//! out as about 270 KB instead of 805 KB, compressed once at build time.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;

const FOREVER: &str = "public, max-age=31536000, immutable";
const ASK_EACH_TIME: &str = "no-cache";

/// `router` with the files of `dir` behind every path it does not answer.
pub fn serve_dir<S: Clone + Send + Sync + 'static>(router: Router<S>, dir: &Path) -> Router<S> {
    router.fallback_service(Router::new().fallback_service(files(dir)).layer(middleware::from_fn(cache_control)))
}

fn files(dir: &Path) -> ServeDir {
    ServeDir::new(dir).precompressed_br().precompressed_gzip()
}

async fn cache_control(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let forever = content_named(uri.path()) || uri.query().is_some_and(versioned);
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == axum::http::StatusCode::NOT_MODIFIED {
        let value = if forever { FOREVER } else { ASK_EACH_TIME };
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// Whether the file's name carries Trunk's content hash: a `-` and its
/// lowercase hex digits before the extension or `_bg`. Trunk writes the hash
/// as a number, without leading zeros: 16 digits mostly, 15 one build in 16.
pub fn content_named(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((_, tail)) = name.rsplit_once('-') else { return false };
    let digits = tail.bytes().take_while(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')).count();
    (12..=16).contains(&digits) && matches!(tail.as_bytes().get(digits), Some(b'.' | b'_'))
}

/// Whether the query names a build: `v=` and 16 lowercase hex digits.
pub fn versioned(query: &str) -> bool {
    query.split('&').any(|kv| kv.strip_prefix("v=").is_some_and(|v| v.len() == 16 && hex16(v.as_bytes())))
}

fn hex16(b: &[u8]) -> bool {
    b.len() == 16 && b.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::{content_named, versioned};

    #[test]
    fn only_trunks_hashed_names_are_kept_forever() {
        for hashed in [
            "/threadline-52f97528136990db_bg.wasm",
            "/threadline-1edff33b0251e8d2.css",
            "/a/b-0123456789abcdef.js",
            "/threadline-b58bae68681c819.js",
            "/threadline-b58bae68681c819_bg.wasm",
        ] {
            assert!(content_named(hashed), "{hashed}");
        }
        for stable in [
            "/",
            "/index.html",
            "/embed/threadline-embed.js",
            "/embed/threadline_bg.wasm",
            "/asbarez.json",
            "/threadline-52F97528136990DB.js",
            "/x-52f97528136.js",
            "/x-52f97528136990db1.js",
            "/52f97528136990db-x/index.html",
        ] {
            assert!(!content_named(stable), "{stable}");
        }
        assert!(versioned("v=52f97528136990db") && versioned("x=1&v=52f97528136990db"));
        for not in ["", "v=", "v=52f97528136990d", "v=52f97528136990dbb", "v=52F97528136990DB", "w=52f97528136990db"] {
            assert!(!versioned(not), "{not}");
        }
    }
}
