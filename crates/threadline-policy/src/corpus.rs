//! The labelled corpus (corpus/cases.jsonl) and its scoring, shared by the
//! corpus test and the policy-bench binary.

use crate::{CheckContext, Draft, Outcome, Participants, Policy};
use serde::Deserialize;

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub text: String,
    pub author: String,
    /// "allow" or "flag".
    pub label: String,
    pub category: String,
    pub lang: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// The commenters of the seed thread; corpus drafts are checked as replies
/// in that thread.
pub const SEED_PARTICIPANTS: [&str; 7] =
    ["Armenian", "Danoog", "Vindicated Man", "GeorgeMardig", "Avetis", "Sokimag", "H. Boghossian"];

pub fn parse_cases(jsonl: &str) -> Result<Vec<Case>, String> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("corpus line {}: {e}", i + 1)))
        .collect()
}

pub fn context() -> CheckContext {
    CheckContext { participants: Participants::new(SEED_PARTICIPANTS), ..Default::default() }
}

pub struct Scored<'c> {
    pub case: &'c Case,
    pub outcome: Outcome,
    pub rules: Vec<String>,
}

impl Scored<'_> {
    pub fn flagged(&self) -> bool {
        self.outcome != Outcome::Allow
    }
    pub fn correct(&self) -> bool {
        self.flagged() == (self.case.label == "flag")
    }
}

pub fn score<'c>(policy: &Policy, cases: &'c [Case]) -> Vec<Scored<'c>> {
    let ctx = context();
    cases
        .iter()
        .map(|case| {
            let v = policy.check(&Draft { text: &case.text, author: &case.author }, &ctx);
            Scored { case, outcome: v.outcome, rules: v.findings.into_iter().map(|f| f.rule).collect() }
        })
        .collect()
}

/// (recall on flag cases, false-flag rate on allow cases).
pub fn rates(scored: &[Scored]) -> (f64, f64) {
    let count = |label: &str, flagged: bool| {
        scored.iter().filter(|s| s.case.label == label && s.flagged() == flagged).count() as f64
    };
    let flags = count("flag", true) + count("flag", false);
    let allows = count("allow", true) + count("allow", false);
    (count("flag", true) / flags.max(1.0), count("allow", true) / allows.max(1.0))
}
