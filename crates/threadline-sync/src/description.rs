//! The configuration a site owner writes to describe their backend. Read
//! from JSON by `description_reader.rs`; a field without a default named
//! here is required, an `Option` may be left out.

use crate::template::{check_url, COMMENT_PLACEHOLDERS, THREAD_PLACEHOLDERS};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Endpoint {
    /// URL template: `{base}`, `{thread}`, `{id}` are replaced (values percent-encoded).
    pub url: String,
    /// Default `GET`.
    pub method: String,
    /// Default none.
    pub headers: BTreeMap<String, String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Credentials {
    Omit,
    #[default]
    SameOrigin,
    Include,
}

impl Credentials {
    /// Each by its name in a description (as serde writes it).
    pub const NAMES: [(&'static str, Credentials); 3] =
        [("omit", Credentials::Omit), ("same-origin", Credentials::SameOrigin), ("include", Credentials::Include)];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeFormat {
    #[default]
    Iso8601,
    UnixSeconds,
    UnixMillis,
}

impl TimeFormat {
    /// Each by its name in a description (as serde writes it).
    pub const NAMES: [(&'static str, TimeFormat); 3] = [
        ("iso8601", TimeFormat::Iso8601),
        ("unix_seconds", TimeFormat::UnixSeconds),
        ("unix_millis", TimeFormat::UnixMillis),
    ];
}

pub use threadline_core::BodyFormat;

/// A field that marks a comment deleted (or held for a moderator): true when
/// the value at `pointer` equals `equals` (or, without `equals`, is `true`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DeletedField {
    pub pointer: String,
    pub equals: Option<serde_json::Value>,
}

/// JSON pointers (RFC 6901) into one comment object.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Fields {
    pub id: String,
    /// For flat lists: where the parent id is. Nested lists take the parent from the nesting.
    pub parent: Option<String>,
    pub author: String,
    pub author_id: Option<String>,
    pub avatar: Option<String>,
    /// The author's website (linked only when it is http or https).
    pub website: Option<String>,
    pub body: String,
    pub created: Option<String>,
    pub edited: Option<String>,
    pub deleted: Option<DeletedField>,
    /// Marks a comment a moderator has not let through yet (the poster's own answer).
    pub held: Option<DeletedField>,
    pub likes: Option<String>,
    pub owner_token: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BackendDescription {
    pub name: String,
    /// Substituted for `{base}` in every URL template. Default "".
    pub base: String,
    pub list: Endpoint,
    pub create: Endpoint,
    pub edit: Option<Endpoint>,
    pub delete: Option<Endpoint>,
    pub like: Option<Endpoint>,
    /// Where a reader reports a comment to the moderators (`{id}` in the URL).
    pub report: Option<Endpoint>,
    /// Where the discussion policy the backend enforces is, in the policy
    /// engine's framing (`threadline_policy::wire::encode_policy`): the
    /// widget checks drafts with it. Without it, the built-in policy.
    pub policy: Option<Endpoint>,
    /// Where one comment is asked for by its id (`{id}` in the URL), with
    /// the owner token as on edit: the widget asks after its reader's
    /// comments held for a moderator, to tell them of one turned down (a 404)
    /// and give its text back. The answer holds the comment where the create
    /// answer does (`created`).
    pub get: Option<Endpoint>,
    /// Default `same-origin`.
    pub credentials: Credentials,
    /// Pointer to the array of comments in the list answer ("" = the answer itself, the default).
    pub comments: String,
    /// Pointer, inside a comment, to its array of replies (nested backends).
    pub children: Option<String>,
    /// Pointer to the comment object inside an element of the array, for
    /// backends that wrap it (`{comment, replies}`); "" = the element itself, the default.
    pub item: String,
    pub fields: Fields,
    /// Default `iso8601`.
    pub time_format: TimeFormat,
    /// Default `text`.
    pub body_format: BodyFormat,
    /// The create request's JSON body; string values `{author}`, `{body}`,
    /// `{parent}`, `{parent_number}`, `{thread}`, `{idempotency_key}`, `{confirm}`, `{now_ms}`
    /// are filled in.
    pub create_body: serde_json::Value,
    /// Pointer to the stored comment in the create answer ("" = the answer, the default).
    pub created: String,
    /// Header that carries the idempotency key, when the backend honours one.
    pub idempotency_header: Option<String>,
    /// Header that carries this browser's stable random id, for backends that
    /// apply per-reader limits (cooldown, one like) without accounts.
    pub client_id_header: Option<String>,
    /// A request with no answer after this long is given up (and a post
    /// retried later under the same idempotency key). Default 15,000.
    pub timeout_ms: u32,
    /// How often an open thread asks for new comments (0 = never). Default 30,000.
    pub poll_ms: u32,
    /// How deep replies nest on this backend (Isso: 1, replies to top-level
    /// comments only). A reply to a comment further down is sent to, and
    /// shown under, its ancestor at that depth, where the backend would put
    /// it anyway, so that it does not move at the next reload. Default: any depth.
    pub reply_depth: Option<u32>,
    /// Pointer to the secret that proves authorship, in the create answer.
    pub owner_token: Option<String>,
    /// Header that carries that secret on edit and delete.
    pub owner_header: Option<String>,
    /// The edit request's JSON body; `{body}`, `{author}` and `{confirm}` are
    /// filled in. Default `{"body": "{body}"}`.
    pub edit_body: serde_json::Value,
    /// Pointer to the edited comment in the edit answer, when it sends one.
    pub edited: Option<String>,
    /// The delete request's JSON body, sent as it is, for a backend that
    /// keeps a deleted comment as a record (json-server: a PATCH of
    /// `{"deleted": true, "body": "", "author": ""}`), so that its replies
    /// keep their place under it. Default: none.
    pub delete_body: Option<serde_json::Value>,
    /// Pointer to the new like count in the like answer.
    pub like_count: Option<String>,
    /// Pointer, in the list answer, to how long after posting (in
    /// milliseconds) its author may edit a comment: Edit goes when that is over.
    pub edit_window: Option<String>,
    /// The listing comes in pages; the client fetches them all.
    pub paging: Option<Paging>,
    /// Polling asks only for what changed after a cursor the listing gave.
    pub since: Option<Since>,
    /// A Server-Sent Events stream of new and changed comments.
    pub stream: Option<Stream>,
}

/// Offset paging (`offset_param`) or cursor paging (`cursor_param`): the
/// value for the next page is read at `next`; null or absent ends it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Paging {
    pub size: u32,
    pub limit_param: String,
    pub offset_param: Option<String>,
    pub cursor_param: Option<String>,
    pub next: String,
    /// Each page holds whole top-level threads (a comment with all its
    /// replies): then the first screen can come from a first page of just the
    /// comments it shows, drawn while the rest loads. Default false.
    pub top_level: bool,
    /// With `top_level`: the query parameter that caps that first page by
    /// comments (`FIRST_SCREEN_COMMENTS` per top-level thread asked for), so
    /// a big thread's first threads do not all come before the first screen.
    pub max_param: Option<String>,
    /// With `top_level` and `offset_param`, these three together cut the
    /// first page to what the first screen shows: each comment's first few
    /// replies, oldest first (`replies_param`), a few levels deep
    /// (`depth_param`, top level = 0), with, at `unlisted`, an object naming
    /// how many comments were left out below each listed comment. The widget
    /// then asks for the same threads whole from offset 0. (Plain fields
    /// rather than an object of their own: each optional struct costs the
    /// bundle a deserializer.)
    pub replies_param: Option<String>,
    pub depth_param: Option<String>,
    pub unlisted: Option<String>,
}

/// The parameter names and pointer that cut a first page, when all are given.
pub struct Preview<'a> {
    pub replies_param: &'a str,
    pub depth_param: &'a str,
    pub unlisted: &'a str,
}

impl Paging {
    pub fn preview(&self) -> Option<Preview<'_>> {
        Some(Preview {
            replies_param: self.replies_param.as_deref()?,
            depth_param: self.depth_param.as_deref()?,
            unlisted: self.unlisted.as_deref()?,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Since {
    /// Query parameter the cursor is sent in.
    pub param: String,
    /// Pointer to the cursor in every list answer.
    pub cursor: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stream {
    /// URL template (`{base}`, `{thread}`).
    pub url: String,
    /// Event whose data is one comment object. Default `comment`.
    pub event: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DescriptionError(pub String);

impl fmt::Display for DescriptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "backend description: {}", self.0)
    }
}

impl BackendDescription {
    /// Parses and checks a description; the error names what is wrong and where.
    pub fn from_json(json: &str) -> Result<BackendDescription, DescriptionError> {
        let d = crate::description_reader::read(json)?;
        d.validate()?;
        Ok(d)
    }

    pub fn validate(&self) -> Result<(), DescriptionError> {
        let f = &self.fields;
        let mut pointers = vec![
            ("comments", Some(&self.comments)),
            ("item", Some(&self.item)),
            ("created", Some(&self.created)),
            ("children", self.children.as_ref()),
            ("fields.id", Some(&f.id)),
            ("fields.parent", f.parent.as_ref()),
            ("fields.author", Some(&f.author)),
            ("fields.author_id", f.author_id.as_ref()),
            ("fields.avatar", f.avatar.as_ref()),
            ("fields.body", Some(&f.body)),
            ("fields.created", f.created.as_ref()),
            ("fields.edited", f.edited.as_ref()),
            ("fields.likes", f.likes.as_ref()),
            ("fields.owner_token", f.owner_token.as_ref()),
            ("fields.website", f.website.as_ref()),
            ("owner_token", self.owner_token.as_ref()),
            ("edited", self.edited.as_ref()),
            ("like_count", self.like_count.as_ref()),
            ("edit_window", self.edit_window.as_ref()),
            ("paging.next", self.paging.as_ref().map(|p| &p.next)),
            ("paging.unlisted", self.paging.as_ref().and_then(|p| p.unlisted.as_ref())),
            ("since.cursor", self.since.as_ref().map(|s| &s.cursor)),
        ];
        if let Some(d) = &f.deleted {
            pointers.push(("fields.deleted.pointer", Some(&d.pointer)));
        }
        for (name, p) in pointers {
            if let Some(p) = p {
                if !p.is_empty() && !p.starts_with('/') {
                    return Err(DescriptionError(format!(
                        "{name} = {p:?} is not a JSON pointer (it must start with '/')"
                    )));
                }
            }
        }
        if f.id.is_empty() || f.author.is_empty() || f.body.is_empty() {
            return Err(DescriptionError(
                "fields.id, fields.author and fields.body must point inside the comment".into(),
            ));
        }
        if self.children.is_none() && f.parent.is_none() {
            return Err(DescriptionError("give fields.parent (flat list) or children (nested list)".into()));
        }
        if !self.create_body.is_object() {
            return Err(DescriptionError("create_body must be a JSON object".into()));
        }
        if self.reply_depth == Some(0) {
            return Err(DescriptionError(
                "reply_depth must be at least 1 (1: replies to top-level comments only)".into(),
            ));
        }
        if !self.edit_body.is_object() || self.delete_body.as_ref().is_some_and(|b| !b.is_object()) {
            return Err(DescriptionError("edit_body and delete_body must be JSON objects".into()));
        }
        if let Some(p) = &self.paging {
            if p.offset_param.is_some() == p.cursor_param.is_some() {
                return Err(DescriptionError("paging needs exactly one of offset_param and cursor_param".into()));
            }
            // The whole threads are asked for again from offset 0.
            let cut = [&p.replies_param, &p.depth_param, &p.unlisted];
            if cut.iter().any(|f| f.is_some())
                && !(cut.iter().all(|f| f.is_some()) && p.top_level && p.offset_param.is_some())
            {
                return Err(DescriptionError(
                    "paging.replies_param, depth_param and unlisted go together, with top_level and offset_param"
                        .into(),
                ));
            }
            if p.size == 0 {
                return Err(DescriptionError("paging.size must be at least 1".into()));
            }
        }
        // Browsers' timers stop at 2^31 - 1 ms; a longer wait would throw.
        for (name, ms) in [("timeout_ms", self.timeout_ms), ("poll_ms", self.poll_ms)] {
            if ms > i32::MAX as u32 {
                return Err(DescriptionError(format!(
                    "{name} = {ms} is longer than a browser can wait (2147483647 ms)"
                )));
            }
        }
        if let Some(s) = &self.stream {
            check_url(&s.url, THREAD_PLACEHOLDERS).map_err(|m| DescriptionError(format!("stream.url: {m}")))?;
        }
        let mut endpoints =
            vec![("list", &self.list, THREAD_PLACEHOLDERS), ("create", &self.create, THREAD_PLACEHOLDERS)];
        endpoints.extend(self.edit.iter().map(|e| ("edit", e, COMMENT_PLACEHOLDERS)));
        endpoints.extend(self.delete.iter().map(|e| ("delete", e, COMMENT_PLACEHOLDERS)));
        endpoints.extend(self.like.iter().map(|e| ("like", e, COMMENT_PLACEHOLDERS)));
        endpoints.extend(self.report.iter().map(|e| ("report", e, COMMENT_PLACEHOLDERS)));
        endpoints.extend(self.get.iter().map(|e| ("get", e, COMMENT_PLACEHOLDERS)));
        endpoints.extend(self.policy.iter().map(|e| ("policy", e, &["base"][..])));
        for (name, e, known) in endpoints {
            check_url(&e.url, known).map_err(|m| DescriptionError(format!("{name}.url: {m}")))?;
        }
        Ok(())
    }
}
