//! A backend description read from JSON by looking its fields up in the
//! `Value` that serde_json's one parser (the backends' answers need it
//! anyway) gives. serde's derived reader did the same in 12 KB gzip of every
//! reader's download (measured with it stubbed out): each struct and each
//! optional field became its own generic code. The rules are the derive's:
//! unknown fields are refused, absent ones take the defaults documented in
//! `description.rs`; a null counts as absent. The first mistake is kept
//! and reading goes on with a stand-in value, rather than returning at each
//! field: an early return there made the compiler drop every field read so
//! far, at each of some forty places.

use crate::description::{
    BackendDescription, BodyFormat, Credentials, DeletedField, DescriptionError, Endpoint, Fields, Paging, Since,
    Stream, TimeFormat,
};
use crate::mapping::kind;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// One object of the description. Fields are taken by name; `done` refuses
/// whatever was not taken.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    /// Where this object is, for messages: "" (the description), "fields", "paging"…
    at: String,
    taken: Vec<&'static str>,
    /// The first mistake found anywhere in the description.
    error: &'a RefCell<Option<String>>,
}

impl<'a> Obj<'a> {
    fn fail(&self, message: String) {
        self.error.borrow_mut().get_or_insert(message);
    }

    fn path(&self, field: &str) -> String {
        if self.at.is_empty() {
            field.to_owned()
        } else {
            format!("{}.{field}", self.at)
        }
    }

    fn take(&mut self, field: &'static str) -> Option<&'a Value> {
        self.taken.push(field);
        self.map.get(field).filter(|v| !v.is_null())
    }

    fn wrong(&self, field: &str, wanted: &str, got: &Value) {
        self.fail(format!("{} must be {wanted}, not {}", self.path(field), kind(got)));
    }

    fn missing(&self, field: &str) {
        self.fail(format!("missing field `{}`", self.path(field)));
    }

    fn string(&mut self, field: &'static str) -> Option<String> {
        match self.take(field)? {
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong(field, "a string", other);
                None
            }
        }
    }

    fn need(&mut self, field: &'static str) -> String {
        let s = self.string(field);
        if s.is_none() {
            self.missing(field);
        }
        s.unwrap_or_default()
    }

    fn number(&mut self, field: &'static str) -> Option<u32> {
        let v = self.take(field)?;
        let n = v.as_u64().and_then(|n| u32::try_from(n).ok());
        if n.is_none() {
            self.fail(format!("{} must be a whole number from 0 to 4294967295, not {v}", self.path(field)));
        }
        n
    }

    fn flag(&mut self, field: &'static str) -> bool {
        match self.take(field) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong(field, "true or false", other);
                false
            }
        }
    }

    fn any(&mut self, field: &'static str) -> Option<Value> {
        self.take(field).cloned()
    }

    fn object<T>(&mut self, field: &'static str, read: impl FnOnce(Obj<'a>) -> T) -> Option<T> {
        match self.take(field)? {
            Value::Object(map) => Some(read(Obj { map, at: self.path(field), taken: Vec::new(), error: self.error })),
            other => {
                self.wrong(field, "an object", other);
                None
            }
        }
    }

    fn need_object<T: Default>(&mut self, field: &'static str, read: impl FnOnce(Obj<'a>) -> T) -> T {
        let t = self.object(field, read);
        if t.is_none() {
            self.missing(field);
        }
        t.unwrap_or_default()
    }

    fn choice<T: Copy>(&mut self, field: &'static str, options: &[(&str, T)]) -> Option<T> {
        let given = self.string(field)?;
        let found = options.iter().find(|(name, _)| *name == given).map(|(_, t)| *t);
        if found.is_none() {
            let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
            self.fail(format!("{} = {given:?} is not one of {}", self.path(field), names.join(", ")));
        }
        found
    }

    /// Every value a string (headers).
    fn strings(self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (k, v) in self.map {
            match v {
                Value::String(s) => drop(out.insert(k.clone(), s.clone())),
                other => self.wrong(k, "a string", other),
            }
        }
        out
    }

    fn done(self) {
        if let Some(k) = self.map.keys().find(|k| !self.taken.contains(&k.as_str())) {
            let within = if self.at.is_empty() { String::new() } else { format!(" in {}", self.at) };
            self.fail(format!("unknown field `{k}`{within}, expected one of {}", self.taken.join(", ")));
        }
    }
}

fn endpoint(mut o: Obj) -> Endpoint {
    let e = Endpoint {
        url: o.need("url"),
        method: o.string("method").unwrap_or_else(|| "GET".to_owned()),
        headers: o.object("headers", Obj::strings).unwrap_or_default(),
    };
    o.done();
    e
}

fn marker(mut o: Obj) -> DeletedField {
    let d = DeletedField { pointer: o.need("pointer"), equals: o.any("equals") };
    o.done();
    d
}

fn fields(mut o: Obj) -> Fields {
    let f = Fields {
        id: o.need("id"),
        parent: o.string("parent"),
        author: o.need("author"),
        author_id: o.string("author_id"),
        avatar: o.string("avatar"),
        website: o.string("website"),
        body: o.need("body"),
        created: o.string("created"),
        edited: o.string("edited"),
        deleted: o.object("deleted", marker),
        held: o.object("held", marker),
        likes: o.string("likes"),
        owner_token: o.string("owner_token"),
    };
    o.done();
    f
}

fn paging(mut o: Obj) -> Paging {
    let size = o.number("size");
    if size.is_none() {
        o.missing("size");
    }
    let p = Paging {
        size: size.unwrap_or(0),
        limit_param: o.need("limit_param"),
        offset_param: o.string("offset_param"),
        cursor_param: o.string("cursor_param"),
        next: o.need("next"),
        top_level: o.flag("top_level"),
        max_param: o.string("max_param"),
        replies_param: o.string("replies_param"),
        depth_param: o.string("depth_param"),
        unlisted: o.string("unlisted"),
    };
    o.done();
    p
}

fn since(mut o: Obj) -> Since {
    let s = Since { param: o.need("param"), cursor: o.need("cursor") };
    o.done();
    s
}

fn stream(mut o: Obj) -> Stream {
    let s = Stream { url: o.need("url"), event: o.string("event").unwrap_or_else(|| "comment".to_owned()) };
    o.done();
    s
}

fn description(mut o: Obj) -> BackendDescription {
    let create_body = o.any("create_body");
    if create_body.is_none() {
        o.missing("create_body");
    }
    let d = BackendDescription {
        name: o.need("name"),
        base: o.string("base").unwrap_or_default(),
        list: o.need_object("list", endpoint),
        create: o.need_object("create", endpoint),
        edit: o.object("edit", endpoint),
        delete: o.object("delete", endpoint),
        like: o.object("like", endpoint),
        report: o.object("report", endpoint),
        get: o.object("get", endpoint),
        credentials: o
            .choice(
                "credentials",
                &[
                    ("omit", Credentials::Omit),
                    ("same-origin", Credentials::SameOrigin),
                    ("include", Credentials::Include),
                ],
            )
            .unwrap_or_default(),
        comments: o.string("comments").unwrap_or_default(),
        children: o.string("children"),
        item: o.string("item").unwrap_or_default(),
        fields: o.need_object("fields", fields),
        time_format: o
            .choice(
                "time_format",
                &[
                    ("iso8601", TimeFormat::Iso8601),
                    ("unix_seconds", TimeFormat::UnixSeconds),
                    ("unix_millis", TimeFormat::UnixMillis),
                ],
            )
            .unwrap_or_default(),
        body_format: o
            .choice(
                "body_format",
                &[("text", BodyFormat::Text), ("markdown", BodyFormat::Markdown), ("html", BodyFormat::Html)],
            )
            .unwrap_or_default(),
        create_body: create_body.unwrap_or_default(),
        created: o.string("created").unwrap_or_default(),
        idempotency_header: o.string("idempotency_header"),
        client_id_header: o.string("client_id_header"),
        timeout_ms: o.number("timeout_ms").unwrap_or(15_000),
        poll_ms: o.number("poll_ms").unwrap_or(30_000),
        owner_token: o.string("owner_token"),
        owner_header: o.string("owner_header"),
        edit_body: o.any("edit_body").unwrap_or_else(|| serde_json::json!({ "body": "{body}" })),
        edited: o.string("edited"),
        like_count: o.string("like_count"),
        paging: o.object("paging", paging),
        since: o.object("since", since),
        stream: o.object("stream", stream),
    };
    o.done();
    d
}

/// The description in `json`, not yet checked (`BackendDescription::validate`).
pub(crate) fn read(json: &str) -> Result<BackendDescription, DescriptionError> {
    let value: Value = serde_json::from_str(json).map_err(|e| DescriptionError(e.to_string()))?;
    let Value::Object(map) = &value else {
        return Err(DescriptionError(format!("the description must be an object, not {}", kind(&value))));
    };
    let error = RefCell::new(None);
    let d = description(Obj { map, at: String::new(), taken: Vec::new(), error: &error });
    match error.into_inner() {
        Some(message) => Err(DescriptionError(message)),
        None => Ok(d),
    }
}
