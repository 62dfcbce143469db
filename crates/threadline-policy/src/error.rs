//! Policy loading errors that tell a site owner where the mistake is:
//! serde_json reports a line and column, and `path_at` turns that position
//! back into a field path such as `rules.profanity.action`.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyError {
    /// Dotted path of the offending field ("" for the document itself).
    pub path: String,
    pub message: String,
    /// 1-based position in the JSON text, 0 when not applicable.
    pub line: usize,
    pub column: usize,
}

impl PolicyError {
    pub(crate) fn new(path: &str, message: String, line: usize, column: usize) -> PolicyError {
        PolicyError { path: path.to_string(), message, line, column }
    }

    pub(crate) fn from_json(json: &str, e: &serde_json::Error) -> PolicyError {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        let path = path_at(json, e.line(), e.column());
        PolicyError { path, message, line: e.line(), column: e.column() }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = if self.path.is_empty() { "policy".to_string() } else { format!("policy field `{}`", self.path) };
        if self.line > 0 {
            write!(f, "{place} (line {}, column {}): {}", self.line, self.column, self.message)
        } else {
            write!(f, "{place}: {}", self.message)
        }
    }
}

impl std::error::Error for PolicyError {}

enum Frame {
    Object { key: Option<String>, want_key: bool },
    Array { index: usize },
}

/// Field path of the JSON value being read at `line`/`column`.
pub(crate) fn path_at(json: &str, line: usize, column: usize) -> String {
    let mut offset = 0usize;
    for (n, l) in json.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            offset += column.min(l.len());
            break;
        }
        offset += l.len();
    }
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, want_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, want_key }) = stack.last_mut() {
                    if *want_key {
                        *key = json.get(start..i.min(bytes.len())).map(str::to_string);
                        *want_key = false;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
            Frame::Object { key: None, .. } => {}
        }
    }
    path
}
