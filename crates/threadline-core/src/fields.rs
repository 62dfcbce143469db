//! Known shapes (backend descriptions, `mount()`'s configuration, what the
//! widget keeps in storage) read from a parsed `serde_json::Value` by looking
//! their fields up. serde's derived readers did the same in the browser for
//! 12 KB gzip of every reader's download (descriptions) and 11 KB more (the
//! rest): each struct, each optional field and each list became its own
//! generic code, on top of the one JSON parser the backends' answers need
//! anyway. The derives stay on the types for the server and for writing; the
//! widget reads with this.
//!
//! The first mistake is kept and reading goes on with a stand-in value,
//! rather than returning at each field: an early return there made the
//! compiler drop every field read so far, at each of dozens of places.

use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use crate::model::{BodyFormat, Comment, CommentId, NewComment};

/// How a value is named in a message: "a string", "an object"…
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where the first mistake is kept while a whole shape is read.
pub type Mistake = RefCell<Option<String>>;

/// Reads `json` as an object with `read`; the first mistake is the error.
/// `what` names the whole in a message ("the description").
pub fn read_object<T>(json: &str, what: &str, read: impl FnOnce(Obj<'_>) -> T) -> Result<T, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let error = Mistake::default();
    let t = match &value {
        Value::Object(map) => read(Obj::new(map, String::new(), &error)),
        other => return Err(format!("{what} must be an object, not {}", kind(other))),
    };
    error.into_inner().map_or(Ok(t), Err)
}

/// Reads `json` as a list, each item with `read`; the first mistake is the error.
pub fn read_list<T>(
    json: &str,
    what: &str,
    read: impl Fn(&Value, &str, &Mistake) -> Option<T>,
) -> Result<Vec<T>, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let error = Mistake::default();
    let list = match &value {
        Value::Array(items) => each(items, "", &error, read),
        other => return Err(format!("{what} must be a list, not {}", kind(other))),
    };
    error.into_inner().map_or(Ok(list), Err)
}

fn each<T>(items: &[Value], at: &str, error: &Mistake, read: impl Fn(&Value, &str, &Mistake) -> Option<T>) -> Vec<T> {
    items.iter().enumerate().filter_map(|(i, v)| read(v, &format!("{at}[{i}]"), error)).collect()
}

fn fail(error: &Mistake, message: String) {
    error.borrow_mut().get_or_insert(message);
}

/// One object. Fields are taken by name; `done` refuses whatever was not
/// taken, for shapes that must not carry unknown (likely misspelt) fields.
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    /// Where this object is, for messages: "" (the whole), "fields", "[2].draft"…
    at: String,
    taken: Vec<&'static str>,
    error: &'a Mistake,
}

impl<'a> Obj<'a> {
    pub fn new(map: &'a Map<String, Value>, at: String, error: &'a Mistake) -> Obj<'a> {
        Obj { map, at, taken: Vec::new(), error }
    }

    /// `value` as an object at `at`, or a mistake and `None`.
    pub fn of(value: &'a Value, at: &str, error: &'a Mistake) -> Option<Obj<'a>> {
        match value {
            Value::Object(map) => Some(Obj::new(map, at.to_owned(), error)),
            other => {
                fail(error, format!("{} must be an object, not {}", name(at), kind(other)));
                None
            }
        }
    }

    pub fn fail(&self, message: String) {
        fail(self.error, message);
    }

    pub fn path(&self, field: &str) -> String {
        if self.at.is_empty() {
            field.to_owned()
        } else {
            format!("{}.{field}", self.at)
        }
    }

    /// The field's value; null counts as absent.
    pub fn take(&mut self, field: &'static str) -> Option<&'a Value> {
        self.taken.push(field);
        self.map.get(field).filter(|v| !v.is_null())
    }

    pub fn wrong(&self, field: &str, wanted: &str, got: &Value) {
        self.fail(format!("{} must be {wanted}, not {}", self.path(field), kind(got)));
    }

    pub fn missing(&self, field: &str) {
        self.fail(format!("missing field `{}`", self.path(field)));
    }

    pub fn string(&mut self, field: &'static str) -> Option<String> {
        match self.take(field)? {
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong(field, "a string", other);
                None
            }
        }
    }

    /// A string that must be there.
    pub fn need(&mut self, field: &'static str) -> String {
        let s = self.string(field);
        if s.is_none() {
            self.missing(field);
        }
        s.unwrap_or_default()
    }

    pub fn id(&mut self, field: &'static str) -> Option<CommentId> {
        self.string(field).map(CommentId)
    }

    pub fn number(&mut self, field: &'static str) -> Option<u32> {
        let v = self.take(field)?;
        let n = v.as_u64().and_then(|n| u32::try_from(n).ok());
        if n.is_none() {
            self.fail(format!("{} must be a whole number from 0 to 4294967295, not {v}", self.path(field)));
        }
        n
    }

    /// A whole number that may be negative (times in ms since the epoch).
    pub fn int(&mut self, field: &'static str) -> Option<i64> {
        let v = self.take(field)?;
        let n = v.as_i64();
        if n.is_none() {
            self.fail(format!("{} must be a whole number, not {v}", self.path(field)));
        }
        n
    }

    /// A count for a page's limits (`top`, `replies`…).
    pub fn size(&mut self, field: &'static str) -> Option<usize> {
        self.number(field).map(|n| n as usize)
    }

    pub fn opt_flag(&mut self, field: &'static str) -> Option<bool> {
        match self.take(field)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong(field, "true or false", other);
                None
            }
        }
    }

    /// A flag, false when absent.
    pub fn flag(&mut self, field: &'static str) -> bool {
        self.opt_flag(field).unwrap_or(false)
    }

    pub fn any(&mut self, field: &'static str) -> Option<Value> {
        self.take(field).cloned()
    }

    pub fn object<T>(&mut self, field: &'static str, read: impl FnOnce(Obj<'a>) -> T) -> Option<T> {
        let value = self.take(field)?;
        Obj::of(value, &self.path(field), self.error).map(read)
    }

    pub fn need_object<T: Default>(&mut self, field: &'static str, read: impl FnOnce(Obj<'a>) -> T) -> T {
        let t = self.object(field, read);
        if t.is_none() {
            self.missing(field);
        }
        t.unwrap_or_default()
    }

    /// A list, each item read with `read`; absent is empty.
    pub fn list<T>(&mut self, field: &'static str, read: impl Fn(&Value, &str, &Mistake) -> Option<T>) -> Vec<T> {
        match self.take(field) {
            None => Vec::new(),
            Some(Value::Array(items)) => each(items, &self.path(field), self.error, read),
            Some(other) => {
                self.wrong(field, "a list", other);
                Vec::new()
            }
        }
    }

    pub fn choice<T: Copy>(&mut self, field: &'static str, options: &[(&str, T)]) -> Option<T> {
        let given = self.string(field)?;
        let found = options.iter().find(|(name, _)| *name == given).map(|(_, t)| *t);
        if found.is_none() {
            let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
            self.fail(format!("{} = {given:?} is not one of {}", self.path(field), names.join(", ")));
        }
        found
    }

    /// Every value a string (headers, which comment is whose).
    pub fn strings(self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (k, v) in self.map {
            match v {
                Value::String(s) => drop(out.insert(k.clone(), s.clone())),
                other => self.wrong(k, "a string", other),
            }
        }
        out
    }

    /// Refuses a field that was not taken.
    pub fn done(self) {
        if let Some(k) = self.map.keys().find(|k| !self.taken.contains(&k.as_str())) {
            let within = if self.at.is_empty() { String::new() } else { format!(" in {}", self.at) };
            self.fail(format!("unknown field `{k}`{within}, expected one of {}", self.taken.join(", ")));
        }
    }
}

fn name(at: &str) -> &str {
    if at.is_empty() {
        "the value"
    } else {
        at
    }
}

/// `json` as an object whose values are read where they are used (which
/// comments are the reader's, likes counted in this browser): kept as the
/// parser's own map rather than copied into a map type of their own, whose
/// code would ship as well.
pub fn read_map(json: &str, what: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str(json).map_err(|e| e.to_string())? {
        Value::Object(map) => Ok(map),
        other => Err(format!("{what} must be an object, not {}", kind(&other))),
    }
}

/// A string list item (ids, words).
pub fn string_item(v: &Value, at: &str, error: &Mistake) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        other => {
            fail(error, format!("{at} must be a string, not {}", kind(other)));
            None
        }
    }
}

/// A set of comment ids, as `BTreeSet<CommentId>` is written.
pub fn read_ids(json: &str) -> Result<BTreeSet<CommentId>, String> {
    read_list(json, "the ids", string_item).map(|ids| ids.into_iter().map(CommentId).collect())
}

/// A comment as its derived `Serialize` writes it (the outbox, held comments,
/// the browser's own store, the demo's seed file). Unknown fields are
/// ignored, as the derive does, so older and newer copies still read.
pub fn comment(v: &Value, at: &str, error: &Mistake) -> Option<Comment> {
    let mut o = Obj::of(v, at, error)?;
    Some(Comment {
        id: CommentId(o.need("id")),
        parent: o.id("parent"),
        author: o.need("author"),
        body: o.need("body"),
        format: body_format(&mut o),
        created_ms: o.int("created_ms"),
        edited_ms: o.int("edited_ms"),
        likes: o.number("likes").unwrap_or(0),
        deleted: o.flag("deleted"),
        held: o.flag("held"),
        website: o.string("website"),
        avatar: o.string("avatar"),
    })
}

fn body_format(o: &mut Obj) -> BodyFormat {
    o.choice("format", &BodyFormat::NAMES).unwrap_or_default()
}

/// A draft as its derived `Serialize` writes it (in the outbox).
pub fn new_comment(mut o: Obj) -> NewComment {
    NewComment {
        parent: o.id("parent"),
        author: o.need("author"),
        body: o.need("body"),
        idempotency_key: o.need("idempotency_key"),
        confirm: o.flag("confirm"),
    }
}
