//! Measurement hooks for `scripts/bench.sh`, called from the page through
//! `window.wasmBindings`: the numbers come from the shipped wasm in the real
//! browser, not from a native build.

use threadline_policy::{CheckContext, Draft, Policy};
use wasm_bindgen::prelude::*;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// `[first check incl. set-up, then each of `runs` steady checks]` in
/// milliseconds, checking `text` with the built-in policy. The caller sorts
/// and averages: a sort here would ship in every reader's wasm.
#[wasm_bindgen(js_name = benchPolicyCheck)]
pub fn bench_policy_check(text: &str, runs: u32) -> Vec<f64> {
    let draft = Draft { text, author: "Reader" };
    let ctx = CheckContext::default();
    let start = now();
    let policy = Policy::asbarez();
    let _ = policy.check(&draft, &ctx);
    let mut times = vec![now() - start];
    // Let the engine's code reach the optimising tier before timing steady state.
    for _ in 0..50 {
        let _ = policy.check(&draft, &ctx);
    }
    times.extend((0..runs.max(1)).map(|_| {
        let t = now();
        let _ = policy.check(&draft, &ctx);
        now() - t
    }));
    times
}
