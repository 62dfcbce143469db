//! A backend's JSON to `Comment`s, and a draft to the backend's JSON. Bad
//! items are reported, never silently dropped; nothing here can panic.

use crate::description::{BackendDescription, DeletedField};
use crate::time::to_millis;
use serde_json::{Map, Value};
use std::fmt;
use threadline_core::fields::kind;
use threadline_core::{Comment, CommentId, NewComment};

#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub comments: Vec<Comment>,
    /// One line per comment that could not be used, or used only in part.
    pub warnings: Vec<String>,
    /// Entries left out altogether (not an object, no usable id): the reader
    /// is told how many, since they are comments someone wrote.
    pub skipped: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingError {
    Missing { pointer: String, what: &'static str },
    WrongType { pointer: String, expected: &'static str, found: &'static str },
}

impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MappingError::Missing { pointer, what } => {
                write!(f, "the answer has no {what} at {pointer:?}")
            }
            MappingError::WrongType { pointer, expected, found } => {
                write!(f, "expected {expected} at {pointer:?} in the answer, found {found}")
            }
        }
    }
}

/// A value as a warning quotes it: short, and never the whole of a list or
/// object (which may be huge, or nested a thousand deep).
fn excerpt(v: &Value) -> String {
    match v {
        Value::Array(_) | Value::Object(_) => kind(v).to_owned(),
        Value::String(s) if s.chars().count() > 40 => format!("{:?}…", s.chars().take(40).collect::<String>()),
        _ => v.to_string(),
    }
}

/// `Value::pointer`, without its two string allocations per step: it
/// unescapes every token, and a list of comments looks up about ten
/// pointers per comment. Only a token with an escape (`~`) needs that.
pub(crate) fn at<'a>(v: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.contains('~') {
        return v.pointer(pointer);
    }
    if pointer.is_empty() {
        return Some(v);
    }
    pointer.strip_prefix('/')?.split('/').try_fold(v, |target, token| match target {
        Value::Object(map) => map.get(token),
        // As `Value::pointer` reads an index: no sign, no leading zero.
        Value::Array(list) if !token.starts_with('+') && (token == "0" || !token.starts_with('0')) => {
            token.parse::<usize>().ok().and_then(|i| list.get(i))
        }
        _ => None,
    })
}

fn array_at<'a>(root: &'a Value, pointer: &str, what: &'static str) -> Result<&'a Vec<Value>, MappingError> {
    let v = at(root, pointer).ok_or_else(|| MappingError::Missing { pointer: pointer.into(), what })?;
    v.as_array().ok_or(MappingError::WrongType { pointer: pointer.into(), expected: "an array", found: kind(v) })
}

/// Ids come as numbers or strings; both become the same string form.
fn id_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn text_of(v: Option<&Value>) -> Result<String, &'static str> {
    match v {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(kind(other)),
    }
}

/// The comment at `pointer` in `item` (the description's `item` for a list
/// entry, "" for an object that is the comment itself).
fn one(
    d: &BackendDescription,
    pointer: &str,
    item: &Value,
    nest_parent: Option<&CommentId>,
    warnings: &mut Vec<String>,
) -> Option<Comment> {
    let f = &d.fields;
    let Some(c) = at(item, pointer).filter(|c| c.is_object()) else {
        warnings.push(format!("skipped an entry that is not a comment object ({})", kind(item)));
        return None;
    };
    let Some(id) = id_of(at(c, &f.id)) else {
        warnings.push(format!("skipped a comment with no usable id at {:?}", f.id));
        return None;
    };
    let parent = match (&f.parent, nest_parent) {
        (_, Some(p)) => Some(p.clone()),
        (Some(ptr), None) => id_of(at(c, ptr)).map(CommentId),
        (None, None) => None,
    };
    let author = text_of(at(c, &f.author)).unwrap_or_else(|found| {
        warnings.push(format!("comment {id}: author is {found}, not text"));
        String::new()
    });
    let body = text_of(at(c, &f.body)).unwrap_or_else(|found| {
        warnings.push(format!("comment {id}: body is {found}, not text"));
        String::new()
    });
    let time = |ptr: &Option<String>, what: &str, warnings: &mut Vec<String>| {
        let v = ptr.as_ref().and_then(|p| at(c, p)).filter(|v| !v.is_null())?;
        let ms = to_millis(v, d.time_format);
        if ms.is_none() {
            warnings.push(format!("comment {id}: {what} time {} is not a time; shown without one", excerpt(v)));
        }
        ms
    };
    let created_ms = time(&f.created, "creation", warnings);
    let edited_ms = time(&f.edited, "edit", warnings);
    let optional_text = |ptr: &Option<String>| {
        ptr.as_ref().and_then(|p| at(c, p)).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned)
    };
    let likes = f
        .likes
        .as_ref()
        .and_then(|p| at(c, p))
        .and_then(Value::as_f64)
        .filter(|n| n.is_finite() && *n > 0.0)
        .map_or(0, |n| n.min(f64::from(u32::MAX)) as u32);
    let flag = |field: &Option<DeletedField>| {
        field.as_ref().is_some_and(|f| match (at(c, &f.pointer), &f.equals) {
            (Some(v), Some(want)) => v == want,
            (Some(v), None) => v == &Value::Bool(true),
            (None, _) => false,
        })
    };
    Some(Comment {
        id: CommentId(id),
        parent,
        author,
        body,
        format: d.body_format,
        created_ms,
        edited_ms,
        likes,
        deleted: flag(&f.deleted),
        held: flag(&f.held),
        website: optional_text(&f.website),
        avatar: optional_text(&f.avatar),
    })
}

/// Every comment of a list answer, flattened with parent ids. Nested replies
/// are walked with an explicit stack, so nesting depth costs no call stack.
pub fn parse_list(d: &BackendDescription, answer: &Value) -> Result<Parsed, MappingError> {
    let top = array_at(answer, &d.comments, "list of comments")?;
    let mut out = Parsed { comments: Vec::with_capacity(top.len()), warnings: Vec::new(), skipped: 0 };
    let mut stack: Vec<(&Value, Option<CommentId>)> = top.iter().rev().map(|v| (v, None)).collect();
    while let Some((item, parent)) = stack.pop() {
        let comment = one(d, &d.item, item, parent.as_ref(), &mut out.warnings);
        let id = comment.as_ref().map(|c| c.id.clone());
        out.skipped += usize::from(comment.is_none());
        out.comments.extend(comment);
        if let Some(children) = &d.children {
            match at(item, children) {
                None | Some(Value::Null) => {}
                Some(Value::Array(kids)) => stack.extend(kids.iter().rev().map(|k| (k, id.clone()))),
                Some(other) => out.warnings.push(format!("replies at {children:?} are {}, not a list", kind(other))),
            }
        }
    }
    Ok(out)
}

/// One comment object on its own (a stream event's data), or None with the
/// reason it could not be used.
pub fn parse_item(d: &BackendDescription, item: &Value) -> Result<Comment, String> {
    let mut warnings = Vec::new();
    one(d, "", item, None, &mut warnings).ok_or_else(|| warnings.join("; "))
}

/// The stored comment in a create answer. A reply keeps the parent the reader
/// chose when the backend's answer leaves it out.
pub fn parse_created(d: &BackendDescription, answer: &Value, draft: &NewComment) -> Result<Comment, MappingError> {
    parse_created_at(d, &d.created, answer, draft)
}

/// As `parse_created`, with the comment at `pointer` in the answer (an edit's
/// answer has it at the description's `edited`).
pub fn parse_created_at(
    d: &BackendDescription,
    pointer: &str,
    answer: &Value,
    draft: &NewComment,
) -> Result<Comment, MappingError> {
    let mut warnings = Vec::new();
    let item = at(answer, pointer)
        .ok_or_else(|| MappingError::Missing { pointer: pointer.to_owned(), what: "created comment" })?;
    let mut c = one(d, "", item, None, &mut warnings).ok_or_else(|| MappingError::WrongType {
        pointer: format!("{pointer}{}", d.fields.id),
        expected: "a comment with an id",
        found: kind(at(item, &d.fields.id).unwrap_or(&Value::Null)),
    })?;
    if c.parent.is_none() {
        c.parent = draft.parent.clone();
    }
    if c.author.is_empty() {
        c.author = draft.author.clone();
    }
    if c.body.is_empty() {
        c.body = draft.body.clone();
    }
    Ok(c)
}

/// A template's string values that are exactly `{name}` become the slot's value.
fn fill(v: &Value, slot: &dyn Fn(&str) -> Option<Value>) -> Value {
    match v {
        Value::String(s) => {
            let name = s.strip_prefix('{').and_then(|s| s.strip_suffix('}'));
            name.and_then(slot).unwrap_or_else(|| v.clone())
        }
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), fill(v, slot))).collect::<Map<_, _>>()),
        Value::Array(a) => Value::Array(a.iter().map(|v| fill(v, slot)).collect()),
        other => other.clone(),
    }
}

/// Fills the description's `edit_body` template.
pub fn build_edit_body(d: &BackendDescription, author: &str, body: &str, confirm: bool) -> Value {
    let slot = |name: &str| -> Option<Value> {
        Some(match name {
            "author" => Value::from(author),
            "body" => Value::from(body),
            "confirm" => Value::from(confirm),
            _ => return None,
        })
    };
    fill(&d.edit_body, &slot)
}

/// Fills the description's `create_body` template from a draft.
pub fn build_create_body(d: &BackendDescription, thread: &str, draft: &NewComment, now_ms: i64) -> Value {
    let slot = |name: &str| -> Option<Value> {
        Some(match name {
            "author" => Value::from(draft.author.as_str()),
            "body" => Value::from(draft.body.as_str()),
            "thread" => Value::from(thread),
            "parent" => draft.parent.as_ref().map_or(Value::Null, |p| Value::from(p.as_str())),
            // Backends that keep numeric ids want the parent back as a number.
            "parent_number" => {
                draft.parent.as_ref().and_then(|p| p.as_str().parse::<i64>().ok()).map_or(Value::Null, Value::from)
            }
            "idempotency_key" => Value::from(draft.idempotency_key.as_str()),
            "confirm" => Value::from(draft.confirm),
            "now_ms" => Value::from(now_ms),
            _ => return None,
        })
    };
    fill(&d.create_body, &slot)
}

#[cfg(test)]
mod tests {
    use super::at;
    use serde_json::json;

    #[test]
    fn at_reads_as_value_pointer_does() {
        let v = json!({"a": {"b": [10, {"c": "x"}], "": 1, "a/b": 2, "m~n": 3, "0": 4}, "list": [[5]]});
        let pointers = [
            "",
            "/",
            "/a",
            "/a/b",
            "/a/b/0",
            "/a/b/1/c",
            "/a/b/2",
            "/a/b/01",
            "/a/b/+1",
            "/a/b/-1",
            "/a/b/x",
            "/a/",
            "/a/a~1b",
            "/a/m~0n",
            "/a/0",
            "/list/0/0",
            "/list/00",
            "a",
            "a/b",
            "/missing/deeper",
            "/a/b/0/x",
        ];
        for p in pointers {
            assert_eq!(at(&v, p), v.pointer(p), "{p:?}");
        }
    }
}
