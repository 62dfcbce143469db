//! The one place the server meets the discussion policy.
//!
//! It runs `threadline-policy`, the same engine the browser widget pre-checks
//! drafts with, so a reader never sees the server refuse what the widget
//! allowed (or the other way round). Handlers see only this module's small
//! types, so a change in the engine's API touches this file alone.

use serde_json::Value;
use std::path::Path;
use threadline_policy::{CheckContext, Draft, Outcome as PolicyOutcome, Policy};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Allow,
    Hold,
    Nudge,
    Block,
}

pub struct Verdict {
    pub outcome: Outcome,
    /// `[Finding...]` exactly as the policy crate serializes it.
    pub findings: Value,
    /// The deciding finding's English message, for the error sentence.
    pub summary: Option<String>,
}

#[derive(Default)]
pub struct Context {
    pub now_ms: Option<i64>,
    pub last_post_ms: Option<i64>,
    pub recent_own: Vec<String>,
    pub participants: Vec<String>,
}

pub struct Gate {
    policy: Policy,
}

impl Gate {
    /// The built-in Asbarez policy, or a site policy from a JSON file.
    pub fn load(path: Option<&Path>) -> Result<Gate, String> {
        let policy = match path {
            None => Policy::asbarez(),
            Some(p) => {
                let text =
                    std::fs::read_to_string(p).map_err(|e| format!("cannot read policy {}: {e}", p.display()))?;
                Policy::from_json(&text).map_err(|e| format!("policy {} is not valid: {e}", p.display()))?
            }
        };
        Ok(Gate { policy })
    }

    /// The policy enforced, as people and tools read it (`GET /api/policy`).
    /// Blocked authors are left out: who was blocked is the moderators'
    /// business, and the server refuses them anyway.
    pub fn public_policy(&self) -> Value {
        let policy = Policy { blocked_authors: Vec::new(), ..self.policy.clone() };
        serde_json::to_value(&policy).unwrap_or(Value::Null)
    }

    /// The same for the widget's engine (`GET /api/policy/wire`), which
    /// checks drafts by it before they are sent: in the engine's own
    /// framing, since a JSON reader would add 29 KB gzip to its module.
    pub fn wire_policy(&self) -> Vec<u8> {
        threadline_policy::wire::encode_policy(&self.policy)
    }

    /// How long after a post the same client may post again (the cooldown rule).
    pub fn cooldown_ms(&self) -> i64 {
        i64::from(self.policy.limits.cooldown_seconds) * 1000
    }

    pub fn check(&self, text: &str, author: &str, ctx: Context) -> Verdict {
        let v = self.policy.check(
            &Draft { text, author },
            &CheckContext {
                now_ms: ctx.now_ms,
                last_post_ms: ctx.last_post_ms,
                recent_own: ctx.recent_own,
                participants: ctx.participants.into(),
            },
        );
        let outcome = match v.outcome {
            PolicyOutcome::Allow => Outcome::Allow,
            PolicyOutcome::Hold => Outcome::Hold,
            PolicyOutcome::Nudge => Outcome::Nudge,
            PolicyOutcome::Block => Outcome::Block,
        };
        // The finding that decided the outcome: a draft both blocked and
        // nudged must not be told "post anyway if you are sure".
        let summary = v
            .findings
            .iter()
            .find(|f| PolicyOutcome::from(f.action) == v.outcome)
            .or(v.findings.first())
            .map(|f| f.message.en.clone());
        let findings = serde_json::to_value(&v.findings).unwrap_or(Value::Array(Vec::new()));
        Verdict { outcome, findings, summary }
    }
}
