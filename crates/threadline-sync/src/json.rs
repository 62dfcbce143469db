//! A backend's answer read as JSON, however deeply a nested backend nests
//! its replies. serde_json refuses documents nested past 128 levels, which a
//! reply chain of about 60 comments reaches in Remark42's or Isso's nested
//! shape: the whole thread would fail to load for one long back-and-forth.
//! Here a document serde_json finds too deep has its depth measured, without
//! recursion, and one within `MAX_DEPTH` is parsed with serde_json's limit
//! lifted; past it, the error says what the limit is. Parsing and dropping a
//! `Value` recurse once per level, so the bound is what the browser's stack
//! holds with room to spare (see `MAX_DEPTH`), and a deep document is taken
//! apart with a heap stack.

use serde::Deserialize;
use serde_json::Value;
use std::fmt;
use std::ops::Deref;

/// The deepest nesting read, in JSON levels: a comment in a nested answer
/// takes two (its object and its replies' array), so a chain of about 500.
/// On the release build in Chromium, parsing ran out of the engine's stack
/// between 3,500 and 4,000 levels (a wasm-bindgen test, measured once); a
/// quarter of that leaves room for whatever else is on the stack.
pub const MAX_DEPTH: usize = 1_000;

/// A parsed answer. Derefs to its `Value`; a deep one is dropped without recursion.
#[derive(Debug)]
pub struct Json {
    value: Value,
    deep: bool,
}

#[derive(Debug, PartialEq)]
pub enum JsonError {
    /// Nested deeper than `MAX_DEPTH`.
    TooDeep,
    /// Not JSON: serde_json's own message, with line and column.
    Invalid(String),
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::TooDeep => write!(
                f,
                "the answer nests more than {MAX_DEPTH} levels deep, more than Threadline reads; \
                 a flat list (each comment with its parent's id) has no such limit"
            ),
            JsonError::Invalid(e) => write!(f, "not JSON ({e})"),
        }
    }
}

impl std::error::Error for JsonError {}

/// An answer's bytes as JSON (`read`). Bytes, because a browser hands an
/// answer's body over as bytes with one copy, where a string costs an
/// encoding pass (12 ms for a 650 KB page). Checked as UTF-8 first, so the
/// one string parser the rest of the app uses reads it: a second serde_json
/// parser for byte slices would ship 3 KB more. Bytes that are not UTF-8
/// (a backend sending Latin-1) become U+FFFD, as the browser's own reading
/// of the text did: a few odd letters rather than no comments at all.
pub fn read_bytes(bytes: &[u8]) -> Result<Json, JsonError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => read(text),
        Err(_) => read(&String::from_utf8_lossy(bytes)),
    }
}

/// `text` as JSON, nested up to `MAX_DEPTH` levels. Most answers are
/// shallow and are parsed once, as serde_json would; only one it finds too
/// deep for its own limit is measured and parsed again without it.
pub fn read(text: &str) -> Result<Json, JsonError> {
    match parse(text, false) {
        Ok(value) => Ok(Json { value, deep: false }),
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
            if deepest(text.as_bytes(), MAX_DEPTH) > MAX_DEPTH {
                return Err(JsonError::TooDeep);
            }
            let value = parse(text, true).map_err(|e| JsonError::Invalid(e.to_string()))?;
            Ok(Json { value, deep: true })
        }
        Err(e) => Err(JsonError::Invalid(e.to_string())),
    }
}

/// One parse, with or without serde_json's depth limit (one copy of its code either way).
fn parse(text: &str, unbounded: bool) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    if unbounded {
        de.disable_recursion_limit();
    }
    let value = Value::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

impl Json {
    /// A value built in code (no text), e.g. `Value::Null` for an empty answer.
    pub fn from_value(value: Value) -> Json {
        Json { value, deep: true }
    }
}

impl Deref for Json {
    type Target = Value;
    fn deref(&self) -> &Value {
        &self.value
    }
}

impl Drop for Json {
    fn drop(&mut self) {
        if self.deep {
            dismantle(std::mem::take(&mut self.value));
        }
    }
}

/// Drops `v` level by level from a heap stack (serde_json's drop recurses).
pub fn dismantle(v: Value) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a),
            Value::Object(m) => stack.extend(m.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

/// The deepest nesting of brackets and braces outside strings, counted no
/// further than just past `limit`. Malformed text is left to the parser.
fn deepest(text: &[u8], limit: usize) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in text {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    max = depth;
                    if max > limit {
                        break;
                    }
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings_only() {
        assert_eq!(deepest(br#"{"a": [1, {"b": "[[[{{{"}]}"#, 99), 3);
        assert_eq!(deepest(br#"["\"[", ["\\"], "]"]"#, 99), 2);
        assert_eq!(deepest(b"[[[[[[", 3), 4, "stops just past the limit");
        assert_eq!(deepest(b"]]]", 9), 0);
    }
}
