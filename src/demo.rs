//! The demo page: the seed article, its policy and its thread. The backend is
//! chosen by the page's query string:
//! - `?backend=local`: the browser's own storage (`LocalBackend`), no server;
//! - `?preset=NAME&base=URL`: a known backend (threadline, json-server, isso, remark42);
//!   `&timeout=MS` changes how long a request may take;
//! - nothing: the default below.

use crate::backend::{HttpBackend, LocalBackend};
use crate::components::{ArticleView, PolicyView, ThreadView};
use crate::state::ThreadState;
use leptos::prelude::*;
use std::rc::Rc;
use threadline_core::{Backend, SeedDocument};

pub const SEED_JSON: &str = include_str!("../seed/asbarez.json");

/// The reference server that serves this page (`scripts/demo.sh`).
const DEFAULT_BACKEND: &str = "server";

fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

fn choose_backend(seed: &SeedDocument) -> Result<Rc<dyn Backend>, String> {
    let preset = query("preset");
    let backend =
        query("backend").unwrap_or_else(|| if preset.is_some() { "http".into() } else { DEFAULT_BACKEND.into() });
    match backend.as_str() {
        "local" => Ok(Rc::new(LocalBackend::new(seed.thread.clone(), seed.comments.clone()))),
        "http" | "server" => {
            let name = preset.unwrap_or_else(|| "threadline".into());
            let mut desc =
                threadline_sync::preset(&name, &query("base").unwrap_or_default()).map_err(|e| e.to_string())?;
            if let Some(ms) = query("timeout").and_then(|t| t.parse().ok()) {
                desc.timeout_ms = ms;
            }
            Ok(Rc::new(HttpBackend::new(desc)))
        }
        other => Err(format!("unknown backend {other:?}: use local or http")),
    }
}

#[component]
pub fn DemoPage() -> impl IntoView {
    let seed = match SeedDocument::from_json(SEED_JSON) {
        Ok(seed) => seed,
        Err(e) => return view! { <p class="tl-error" role="alert">{e}</p> }.into_any(),
    };
    let thread = match choose_backend(&seed) {
        Ok(backend) => {
            let state = ThreadState::new(seed.thread.clone(), backend);
            state.reload();
            view! { <ThreadView state=state /> }.into_any()
        }
        Err(e) => view! { <p class="tl-error" role="alert">{e}</p> }.into_any(),
    };
    view! {
        <main class="tl-page">
            <ArticleView article=seed.article />
            <PolicyView policy=seed.policy />
            {thread}
        </main>
    }
    .into_any()
}
