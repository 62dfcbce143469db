//! The demo's seed page (an Asbarez article, its policy and its comments) as
//! structured data. The JSON lives in `seed/asbarez.json` at the repository root.

use crate::model::Comment;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    /// Place and wire service, printed before the first paragraph.
    pub dateline: String,
    pub byline: String,
    pub image_caption: String,
    pub paragraphs: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyText {
    pub title: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeedDocument {
    /// The page identifier comments are stored under.
    pub thread: String,
    pub source: String,
    pub article: Article,
    pub policy: PolicyText,
    pub comments: Vec<Comment>,
}

impl SeedDocument {
    pub fn from_json(json: &str) -> Result<SeedDocument, String> {
        serde_json::from_str(json).map_err(|e| format!("seed document is not valid: {e}"))
    }
}
