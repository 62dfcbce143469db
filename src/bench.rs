//! Measurement hooks for `scripts/bench.sh`, called from the page through
//! `window.wasmBindings`: the numbers come from the shipped wasm in the real
//! browser, not from a native build.

use threadline_policy::{CheckContext, Draft, Policy};
use wasm_bindgen::prelude::*;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// `[first check incl. set-up, mean, p99]` in milliseconds for `runs` checks
/// of `text` with the built-in policy.
#[wasm_bindgen(js_name = benchPolicyCheck)]
pub fn bench_policy_check(text: &str, runs: u32) -> Vec<f64> {
    let draft = Draft { text, author: "Reader" };
    let ctx = CheckContext::default();
    let start = now();
    let policy = Policy::asbarez();
    let _ = policy.check(&draft, &ctx);
    let first = now() - start;
    // Let the engine's code reach the optimising tier before timing steady state.
    for _ in 0..50 {
        let _ = policy.check(&draft, &ctx);
    }
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = now();
            let _ = policy.check(&draft, &ctx);
            now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
    vec![first, mean, p99]
}
