//! The counting harness both property-test suites share (core's
//! `fuzz_tree.rs` includes it as a module, sync's `fuzz_mapping.rs` by path):
//! runs each property with a fixed seed, counts cases, panics and failures,
//! and writes `target/report/fuzz-<SUITE>.json` for `scripts/report.sh`.
//! The including file defines `SUITE`, `SEED` and `CASES`.

use super::{CASES, SEED, SUITE};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use serde_json::json;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;
use std::time::Instant;

/// Per property: cases run (shrinking included), panics, other failures, milliseconds.
pub type Counts = [u64; 4];

static TALLY: Mutex<BTreeMap<String, Counts>> = Mutex::new(BTreeMap::new());

/// Rewrites the suite's file with every property finished so far in this
/// process; the last test to finish leaves the complete picture.
pub fn record(name: impl Into<String>, counts: Counts) {
    let mut tally = TALLY.lock().unwrap_or_else(|e| e.into_inner());
    tally.insert(name.into(), counts);
    let sum = |k: usize| tally.values().map(|c| c[k]).sum::<u64>();
    let props: serde_json::Map<_, _> = tally
        .iter()
        .map(|(n, c)| (n.to_string(), json!({"cases": c[0], "panics": c[1], "failures": c[2], "ms": c[3]})))
        .collect();
    let line = json!({"suite": SUITE, "cases": sum(0), "panics": sum(1), "failures": sum(2), "seed": SEED, "properties": props});
    eprintln!("FUZZ-REPORT {line}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/report");
    let (file, tmp) =
        (dir.join(format!("fuzz-{SUITE}.json")), dir.join(format!(".fuzz-{SUITE}.{}", std::process::id())));
    let written = std::fs::create_dir_all(&dir)
        .and_then(|_| std::fs::write(&tmp, format!("{line}\n")))
        .and_then(|_| std::fs::rename(&tmp, &file));
    if let Err(e) = written {
        eprintln!("could not write {}: {e}", file.display());
    }
}

/// Runs one property with the fixed seed; panics inside the body are caught
/// here first so they are counted apart from plain property failures.
pub fn check<S: Strategy>(name: impl Into<String>, strategy: S, body: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let name = name.into();
    let config =
        Config { cases: CASES, rng_seed: RngSeed::Fixed(SEED), failure_persistence: None, ..Config::default() };
    let counts = Cell::new([0u64; 4]);
    let bump = |k: usize| {
        counts.set({
            let mut c = counts.get();
            c[k] += 1;
            c
        })
    };
    let start = Instant::now();
    let result = TestRunner::new(config).run(&strategy, |v| {
        bump(0);
        let outcome = catch_unwind(AssertUnwindSafe(|| body(v)));
        match &outcome {
            Ok(Ok(())) => {}
            Ok(Err(_)) => bump(2),
            Err(_) => bump(1),
        }
        outcome.unwrap_or_else(|p| {
            let msg = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
            Err(TestCaseError::fail(format!("panicked: {}", msg.unwrap_or_default())))
        })
    });
    let mut c = counts.get();
    c[3] = start.elapsed().as_millis() as u64;
    record(name.clone(), c);
    if let Err(e) = result {
        panic!("property {name}: {e}");
    }
}

/// The deterministic big shapes count as one case each.
#[allow(dead_code)] // the mapping suite has no fixed big shapes
pub fn once(name: impl Into<String>, body: impl FnOnce() + Send + 'static) {
    let start = Instant::now();
    // A small stack proves nothing recurses per level.
    let outcome = std::thread::Builder::new().stack_size(256 * 1024).spawn(body).unwrap().join();
    record(name, [1, u64::from(outcome.is_err()), 0, start.elapsed().as_millis() as u64]);
    if let Err(p) = outcome {
        std::panic::resume_unwind(p);
    }
}
