//! The policy document a site owner edits. Unknown fields are errors so a
//! typo ("profanty") is reported instead of silently ignored.

use crate::{Action, PolicyError};
use serde::{Deserialize, Serialize};

/// Every rule the engine knows, in the order used for tie-breaking findings.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Rule {
    Profanity,
    PersonalAttack,
    Threat,
    SelfHarm,
    Slur,
    Sexual,
    SpamLinks,
    RepeatedText,
    Shouting,
    RepeatedChars,
    TooShort,
    TooLong,
    Duplicate,
    Cooldown,
    BlockedAuthor,
    DenyWord,
}

impl Rule {
    pub fn id(self) -> &'static str {
        match self {
            Rule::Profanity => "profanity",
            Rule::PersonalAttack => "personal_attack",
            Rule::Threat => "threat",
            Rule::SelfHarm => "self_harm",
            Rule::Slur => "slur",
            Rule::Sexual => "sexual",
            Rule::SpamLinks => "spam_links",
            Rule::RepeatedText => "repeated_text",
            Rule::Shouting => "shouting",
            Rule::RepeatedChars => "repeated_chars",
            Rule::TooShort => "too_short",
            Rule::TooLong => "too_long",
            Rule::Duplicate => "duplicate",
            Rule::Cooldown => "cooldown",
            Rule::BlockedAuthor => "blocked_author",
            Rule::DenyWord => "deny_word",
        }
    }

    /// A rule about the draft as a whole or its writer (length, cooldown, a
    /// repeat, a blocked name): its finding spans the draft, and marking
    /// that span would paint everything.
    pub fn about_whole_draft(self) -> bool {
        matches!(self, Rule::TooShort | Rule::TooLong | Rule::Duplicate | Rule::Cooldown | Rule::BlockedAuthor)
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        ALL_RULES.iter().copied().find(|r| r.id() == id)
    }
}

pub const ALL_RULES: [Rule; 16] = [
    Rule::Profanity,
    Rule::PersonalAttack,
    Rule::Threat,
    Rule::SelfHarm,
    Rule::Slur,
    Rule::Sexual,
    Rule::SpamLinks,
    Rule::RepeatedText,
    Rule::Shouting,
    Rule::RepeatedChars,
    Rule::TooShort,
    Rule::TooLong,
    Rule::Duplicate,
    Rule::Cooldown,
    Rule::BlockedAuthor,
    Rule::DenyWord,
];

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleSetting {
    #[serde(default = "enabled")]
    pub enabled: bool,
    pub action: Action,
}

fn enabled() -> bool {
    true
}

const fn on(action: Action) -> RuleSetting {
    RuleSetting { enabled: true, action }
}

/// Missing rules keep the Asbarez defaults, so a site file only needs to
/// mention what it changes.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    pub profanity: RuleSetting,
    pub personal_attack: RuleSetting,
    pub threat: RuleSetting,
    pub self_harm: RuleSetting,
    pub slur: RuleSetting,
    pub sexual: RuleSetting,
    pub spam_links: RuleSetting,
    pub repeated_text: RuleSetting,
    pub shouting: RuleSetting,
    pub repeated_chars: RuleSetting,
    pub too_short: RuleSetting,
    pub too_long: RuleSetting,
    pub duplicate: RuleSetting,
    pub cooldown: RuleSetting,
    pub blocked_author: RuleSetting,
    pub deny_word: RuleSetting,
}

impl Default for Rules {
    fn default() -> Rules {
        use Action::*;
        Rules {
            profanity: on(Block),
            personal_attack: on(Block),
            threat: on(Block),
            self_harm: on(Block),
            slur: on(Block),
            sexual: on(Block),
            spam_links: on(Hold),
            repeated_text: on(Nudge),
            shouting: on(Nudge),
            repeated_chars: on(Nudge),
            too_short: on(Block),
            too_long: on(Block),
            duplicate: on(Block),
            cooldown: on(Block),
            blocked_author: on(Block),
            deny_word: on(Block),
        }
    }
}

impl Rules {
    pub fn get(&self, rule: Rule) -> RuleSetting {
        match rule {
            Rule::Profanity => self.profanity,
            Rule::PersonalAttack => self.personal_attack,
            Rule::Threat => self.threat,
            Rule::SelfHarm => self.self_harm,
            Rule::Slur => self.slur,
            Rule::Sexual => self.sexual,
            Rule::SpamLinks => self.spam_links,
            Rule::RepeatedText => self.repeated_text,
            Rule::Shouting => self.shouting,
            Rule::RepeatedChars => self.repeated_chars,
            Rule::TooShort => self.too_short,
            Rule::TooLong => self.too_long,
            Rule::Duplicate => self.duplicate,
            Rule::Cooldown => self.cooldown,
            Rule::BlockedAuthor => self.blocked_author,
            Rule::DenyWord => self.deny_word,
        }
    }

    pub fn get_mut(&mut self, rule: Rule) -> &mut RuleSetting {
        match rule {
            Rule::Profanity => &mut self.profanity,
            Rule::PersonalAttack => &mut self.personal_attack,
            Rule::Threat => &mut self.threat,
            Rule::SelfHarm => &mut self.self_harm,
            Rule::Slur => &mut self.slur,
            Rule::Sexual => &mut self.sexual,
            Rule::SpamLinks => &mut self.spam_links,
            Rule::RepeatedText => &mut self.repeated_text,
            Rule::Shouting => &mut self.shouting,
            Rule::RepeatedChars => &mut self.repeated_chars,
            Rule::TooShort => &mut self.too_short,
            Rule::TooLong => &mut self.too_long,
            Rule::Duplicate => &mut self.duplicate,
            Rule::Cooldown => &mut self.cooldown,
            Rule::BlockedAuthor => &mut self.blocked_author,
            Rule::DenyWord => &mut self.deny_word,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// In characters, after trimming whitespace.
    pub min_length: usize,
    pub max_length: usize,
    pub max_links: usize,
    pub cooldown_seconds: u32,
    /// Share of upper-case letters among cased letters that counts as shouting.
    pub shouting_ratio: f32,
    /// Below this many cased letters a draft is never "shouting" ("OK", "NATO").
    pub shouting_min_letters: usize,
    /// A run of this many identical characters is flagged.
    pub repeated_char_run: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            min_length: 2,
            max_length: 5000,
            max_links: 2,
            cooldown_seconds: 20,
            shouting_ratio: 0.7,
            shouting_min_letters: 20,
            repeated_char_run: 10,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    pub name: String,
    pub rules: Rules,
    /// Words never flagged on this site (folded like drafts before comparing).
    pub allow_words: Vec<String>,
    /// Extra words refused on this site (rule "deny_word").
    pub deny_words: Vec<String>,
    pub limits: Limits,
    /// Author names (case-insensitive) who may not post.
    pub blocked_authors: Vec<String>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            name: "Asbarez".to_string(),
            rules: Rules::default(),
            allow_words: Vec::new(),
            deny_words: Vec::new(),
            limits: Limits::default(),
            blocked_authors: Vec::new(),
        }
    }
}

impl Policy {
    pub(crate) fn validate(&self) -> Result<(), PolicyError> {
        let l = &self.limits;
        let bad = |path: &str, message: String| Err(PolicyError::new(path, message, 0, 0));
        if !(l.shouting_ratio > 0.0 && l.shouting_ratio <= 1.0) {
            return bad("limits.shouting_ratio", format!("must be above 0 and at most 1, got {}", l.shouting_ratio));
        }
        if l.max_length < l.min_length {
            return bad(
                "limits.max_length",
                format!("({}) is below limits.min_length ({})", l.max_length, l.min_length),
            );
        }
        if l.repeated_char_run < 2 {
            return bad("limits.repeated_char_run", format!("must be at least 2, got {}", l.repeated_char_run));
        }
        for (field, list) in [("allow_words", &self.allow_words), ("deny_words", &self.deny_words)] {
            if let Some(i) = list.iter().position(|w| w.trim().is_empty()) {
                return bad(&format!("{field}[{i}]"), "is empty".to_string());
            }
        }
        Ok(())
    }
}
