//! Threadline discussion-policy engine: checks a comment draft against a
//! site's policy (profanity, personal attacks, threats, slurs, spam, ...)
//! in English, Russian and Armenian. Pure Rust, no I/O: the same code runs in
//! the browser (wasm, on every keystroke), on the server and in the CLI.

mod analysis;
mod config;
pub mod corpus;
mod engine;
mod error;
mod fold_table;
mod forms;
pub mod highlight;
mod lexicon;
mod messages;
mod normalize;
mod order;
mod participants;
mod rules;
mod tokens;
pub mod wire;

pub use config::{Limits, Policy, Rule, RuleSetting, Rules, ALL_RULES};
pub use error::PolicyError;
pub use participants::Participants;
use serde::{Deserialize, Serialize};

/// A comment as the reader is writing it.
#[derive(Clone, Copy, Debug)]
pub struct Draft<'a> {
    pub text: &'a str,
    pub author: &'a str,
}

/// What the engine knows about the writer and the thread besides the draft.
#[derive(Default, Clone, Debug)]
pub struct CheckContext {
    /// Current time, for the posting cooldown.
    pub now_ms: Option<i64>,
    /// When the writer last posted.
    pub last_post_ms: Option<i64>,
    /// The writer's own recent comments (duplicate rule).
    pub recent_own: Vec<String>,
    /// Names of commenters in the thread: insulting one of them by name is a
    /// personal attack, while the same words about a public figure are not.
    pub participants: Participants,
}

/// What happens to a draft with a finding. Ordered by severity.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Posted, but marked for moderation.
    Hold,
    /// "Are you sure?": the writer may edit or post anyway.
    Nudge,
    /// Cannot be submitted.
    Block,
}

/// Overall result: the strongest action among the findings.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Allow,
    Hold,
    Nudge,
    Block,
}

impl From<Action> for Outcome {
    fn from(a: Action) -> Outcome {
        match a {
            Action::Hold => Outcome::Hold,
            Action::Nudge => Outcome::Nudge,
            Action::Block => Outcome::Block,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Messages {
    pub en: String,
    pub hy: String,
    pub ru: String,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Finding {
    /// Rule id, e.g. "profanity", "personal_attack", "shouting".
    pub rule: String,
    pub action: Action,
    /// Byte range in the original draft text (always on char boundaries).
    pub start: usize,
    pub end: usize,
    pub message: Messages,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Verdict {
    pub outcome: Outcome,
    /// Sorted by start, then rule id.
    pub findings: Vec<Finding>,
}

impl Policy {
    /// Load a site policy. Missing fields keep the Asbarez defaults; unknown
    /// fields and wrong types are errors naming the field.
    pub fn from_json(s: &str) -> Result<Policy, PolicyError> {
        // serde would also accept an array of fields in order, which is never
        // what a site owner meant.
        if !s.trim_start().starts_with('{') && !s.trim().is_empty() {
            return Err(PolicyError::new("", "the policy must be a JSON object {...}".to_string(), 1, 1));
        }
        let p: Policy = serde_json::from_str(s).map_err(|e| PolicyError::from_json(s, &e))?;
        p.validate()?;
        Ok(p)
    }

    /// The demo site's policy (same as `policies/asbarez.json`).
    pub fn asbarez() -> Policy {
        Policy::default()
    }

    pub fn check(&self, draft: &Draft, ctx: &CheckContext) -> Verdict {
        engine::check(self, draft, ctx)
    }
}
