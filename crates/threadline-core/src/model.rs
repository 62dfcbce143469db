//! The comment as every backend is mapped into it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Backends use numbers, UUIDs or paths as ids; a string holds all of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CommentId(pub String);

impl CommentId {
    pub fn new(id: impl Into<String>) -> Self {
        CommentId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CommentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for CommentId {
    fn from(s: &str) -> Self {
        CommentId(s.to_owned())
    }
}

/// How a body is written. It is never handed to the browser as HTML: the
/// view turns markdown and HTML into its own nodes through an allow-list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyFormat {
    #[default]
    Text,
    Markdown,
    Html,
}

impl BodyFormat {
    /// Each format by the name stored data and descriptions give it (as serde writes it).
    pub const NAMES: [(&'static str, BodyFormat); 3] =
        [("text", BodyFormat::Text), ("markdown", BodyFormat::Markdown), ("html", BodyFormat::Html)];

    pub fn is_text(&self) -> bool {
        *self == BodyFormat::Text
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: CommentId,
    #[serde(default)]
    pub parent: Option<CommentId>,
    pub author: String,
    /// The body as the backend stores it, in `format`.
    pub body: String,
    #[serde(default, skip_serializing_if = "BodyFormat::is_text")]
    pub format: BodyFormat,
    /// Milliseconds since the Unix epoch, when the backend tells.
    #[serde(default)]
    pub created_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_ms: Option<i64>,
    #[serde(default)]
    pub likes: u32,
    #[serde(default)]
    pub deleted: bool,
    /// Waiting for a moderator: only its author, who just posted it, sees it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub held: bool,
    /// The author's website, as given; the view links it only if it is http(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

impl Comment {
    /// The body split into paragraphs, blank-line separated, empty ones dropped.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").map(|p| p.trim_matches('\n')).filter(|p| !p.trim().is_empty())
    }
}

/// What a reader submits. The idempotency key travels with every retry so a
/// backend that already stored the comment can answer with the original.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewComment {
    pub parent: Option<CommentId>,
    pub author: String,
    pub body: String,
    pub idempotency_key: String,
    /// The reader saw the policy's "are you sure?" and chose to post anyway.
    #[serde(default)]
    pub confirm: bool,
}

/// Problems with a draft that no backend needs to see to refuse. `code`: the
/// code point of a control character, in the name (one line of plain text)
/// or in the body (where line breaks and tabs are allowed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    EmptyBody,
    EmptyAuthor,
    AuthorTooLong { max: usize },
    BodyTooLong { max: usize },
    ControlInAuthor { code: u32 },
    ControlInBody { code: u32 },
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::EmptyBody => f.write_str("Write something before posting."),
            DraftError::EmptyAuthor => f.write_str("Enter a name to post under."),
            DraftError::AuthorTooLong { max } => {
                write!(f, "Names are limited to {max} characters.")
            }
            DraftError::BodyTooLong { max } => {
                write!(f, "Comments are limited to {max} characters.")
            }
            DraftError::ControlInAuthor { code } => {
                write!(f, "The name contains a control character (U+{code:04X}); names are plain text on one line.")
            }
            DraftError::ControlInBody { code } => write!(
                f,
                "The comment contains a control character (U+{code:04X}); only line breaks and tabs are allowed."
            ),
        }
    }
}

pub const MAX_AUTHOR_CHARS: usize = 80;
pub const MAX_BODY_CHARS: usize = 20_000;

/// The first control character in `s`; line breaks and tabs are let through
/// with `allow_layout`. Refused, not stripped: silently changing what a reader
/// typed would make the stored text differ from what they saw, and a control
/// character in a comment is almost always a paste accident or an attack.
pub fn control_char(s: &str, allow_layout: bool) -> Option<char> {
    s.chars().find(|&c| c.is_control() && !(allow_layout && (c == '\n' || c == '\t')))
}

/// The first character a name may not hold: a control character, or one of
/// the bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), with which "Admin\u{202E}live" shows as "Adminevil".
/// The bidi marks (U+200E, U+200F) stay: they only steer, and names in
/// Arabic or Hebrew are sometimes typed with them.
pub fn name_char(s: &str) -> Option<char> {
    s.chars().find(|&c| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

/// Characters that show nothing: spaces, and the zero-width, filler and
/// default-ignorable characters a name made "blank" is typed with. The bidi
/// marks (`mark`) are not trimmed, but a name of nothing else is blank.
fn blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}' | '\u{FFA0}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}'
        )
}

fn mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}')
}

/// A draft's name and text as stored, or why they cannot be: the widget
/// checks with it before sending and the reference server before storing,
/// so both refuse the same drafts with the same words.
pub fn clean_draft(author: &str, body: &str) -> Result<(String, String), DraftError> {
    if let Some(c) = name_char(author) {
        return Err(DraftError::ControlInAuthor { code: c as u32 });
    }
    let body = clean_body(body)?;
    // A name of nothing but invisible characters would show as no name.
    let author = author.trim_matches(blank);
    if author.chars().all(|c| blank(c) || mark(c)) {
        return Err(DraftError::EmptyAuthor);
    }
    if author.chars().count() > MAX_AUTHOR_CHARS {
        return Err(DraftError::AuthorTooLong { max: MAX_AUTHOR_CHARS });
    }
    Ok((author.to_owned(), body))
}

/// An edit's text as stored, or why it cannot be: only the text, as an edit
/// keeps the name the comment was posted under (even one today's rules
/// would refuse).
pub fn clean_body(body: &str) -> Result<String, DraftError> {
    let body = body.replace("\r\n", "\n");
    if let Some(c) = control_char(&body, true) {
        return Err(DraftError::ControlInBody { code: c as u32 });
    }
    let body = body.trim();
    if body.is_empty() {
        return Err(DraftError::EmptyBody);
    }
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(DraftError::BodyTooLong { max: MAX_BODY_CHARS });
    }
    Ok(body.to_owned())
}

impl NewComment {
    /// Trims what the reader typed and refuses what no backend would store:
    /// the same rules, in the same order, as the reference server's.
    pub fn validated(mut self) -> Result<NewComment, DraftError> {
        (self.author, self.body) = clean_draft(&self.author, &self.body)?;
        Ok(self)
    }
}
