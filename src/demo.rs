//! The demo page: the seed article, its policy and its thread, stored in the
//! browser by `LocalBackend` so it runs with no server.

use crate::backend::LocalBackend;
use crate::components::{ArticleView, PolicyView, ThreadView};
use crate::state::ThreadState;
use leptos::prelude::*;
use std::rc::Rc;
use threadline_core::SeedDocument;

pub const SEED_JSON: &str = include_str!("../seed/asbarez.json");

#[component]
pub fn DemoPage() -> impl IntoView {
    let seed = match SeedDocument::from_json(SEED_JSON) {
        Ok(seed) => seed,
        Err(e) => return view! { <p class="tl-error" role="alert">{e}</p> }.into_any(),
    };
    let backend = LocalBackend::new(seed.thread.clone(), seed.comments.clone());
    let state = ThreadState::new(seed.thread.clone(), Rc::new(backend));
    state.reload();
    view! {
        <main class="tl-page">
            <ArticleView article=seed.article />
            <PolicyView policy=seed.policy />
            <ThreadView state=state />
        </main>
    }
    .into_any()
}
