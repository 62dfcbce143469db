//! Corpus quality and speed report: `cargo run --release -p threadline-policy --bin policy-bench`.

use std::collections::BTreeMap;
use std::time::Instant;
use threadline_policy::corpus::{context, parse_cases, rates, score};
use threadline_policy::{Draft, Policy};

const CASES: &str = include_str!("../../corpus/cases.jsonl");

/// A realistic 2 KB comment built from distinct seed comments, plus some
/// Russian and Armenian so every script path is exercised.
fn two_kb_draft(cases: &[threadline_policy::corpus::Case]) -> String {
    let mut s = String::from(
        "Россия продаёт оружие Азербайджану, и это предательство союзника. Ռուսաստանը զենք է վաճառում Ադրբեջանին։ ",
    );
    for c in cases.iter().filter(|c| c.category == "seed").cycle().take(40) {
        if s.len() >= 2048 {
            break;
        }
        s.push_str(&c.text);
        s.push(' ');
    }
    let mut end = 2048.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn main() {
    let policy = Policy::asbarez();
    let cases = match parse_cases(CASES) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let draft = two_kb_draft(&cases);
    let ctx = context();

    let t0 = Instant::now();
    let first = policy.check(&Draft { text: &draft, author: "Reader" }, &ctx);
    let first_ms = t0.elapsed().as_secs_f64() * 1e3;

    let scored = score(&policy, &cases);
    let (recall, false_flag) = rates(&scored);
    println!("corpus: {} cases", cases.len());
    println!("recall on flag cases:       {:.1}%", recall * 100.0);
    println!("false-flag rate on allow:   {:.1}%", false_flag * 100.0);
    let mut table: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for s in &scored {
        let e = table.entry((s.case.category.clone(), s.case.label.clone())).or_default();
        e.0 += usize::from(s.correct());
        e.1 += 1;
    }
    println!("\n{:<16} {:<6} {:>8} {:>6}", "category", "label", "correct", "total");
    for ((cat, label), (ok, n)) in &table {
        println!("{cat:<16} {label:<6} {ok:>8} {n:>6}");
    }
    let wrong: Vec<_> = scored.iter().filter(|s| !s.correct()).collect();
    if !wrong.is_empty() {
        println!("\nmisclassified:");
        for s in wrong {
            println!("  [{}:{}] {:?} -> {:?} {:?}", s.case.category, s.case.label, s.case.text, s.outcome, s.rules);
        }
    }

    let n = 2000;
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let v = policy.check(&Draft { text: &draft, author: "Reader" }, &ctx);
        times.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(v);
    }
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / n as f64;
    let p99 = times[n * 99 / 100];
    println!("\n2 KB draft ({} bytes, outcome {:?}):", draft.len(), first.outcome);
    println!("first check (incl. lazy init): {first_ms:.3} ms");
    println!("mean check:                    {mean:.3} ms");
    println!("p99 check:                     {p99:.3} ms");
}
