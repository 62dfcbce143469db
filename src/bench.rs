//! Measurement hooks for `scripts/bench.sh`, called from the page through
//! `window.wasmBindings`: the numbers come from the shipped wasm in the real
//! browser, not from a native build.

use crate::policy_module::{self, Checked};
use threadline_policy::wire::CheckRequest;
use wasm_bindgen::prelude::*;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// `[first check incl. set-up, then each of `runs` steady checks]` in
/// milliseconds, checking `text` with the built-in policy through the policy
/// module, as a form does (its download is not counted: it is awaited
/// first). The caller sorts and averages: a sort here would ship in every
/// reader's wasm.
#[wasm_bindgen(js_name = benchPolicyCheck)]
pub async fn bench_policy_check(text: String, runs: u32) -> Result<Vec<f64>, JsValue> {
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        policy_module::when_loaded(move || drop(resolve.call0(&JsValue::NULL)));
    });
    wasm_bindgen_futures::JsFuture::from(loaded).await?;
    let check = || {
        let req = CheckRequest { text: text.clone(), author: "Reader".into(), ..Default::default() };
        match policy_module::check(req, ("bench".into(), 0), Vec::new) {
            Checked::Done(_) => Ok(()),
            Checked::Loading => Err(JsValue::from_str("the policy module is still loading")),
            Checked::Unavailable(e) => Err(JsValue::from_str(&e)),
        }
    };
    let start = now();
    check()?;
    let mut times = vec![now() - start];
    // Let the engine's code reach the optimising tier before timing steady state.
    for _ in 0..50 {
        check()?;
    }
    for _ in 0..runs.max(1) {
        let t = now();
        check()?;
        times.push(now() - t);
    }
    Ok(times)
}
