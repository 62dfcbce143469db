//! Checks drafts from the command line: JSON Lines in, one verdict per line
//! out. `threadline-check [--policy FILE] < drafts.jsonl`
//! Input lines: {"text": "...", "author": "..."} (optional "participants",
//! "recent_own", "now_ms", "last_post_ms"). A bad line yields
//! {"error": "line N: ..."} and processing continues.

use serde::Deserialize;
use std::io::{self, BufRead, Write};
use threadline_policy::{CheckContext, Draft, Policy};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    text: String,
    #[serde(default)]
    author: String,
    #[serde(default)]
    participants: Vec<String>,
    #[serde(default)]
    recent_own: Vec<String>,
    #[serde(default)]
    now_ms: Option<i64>,
    #[serde(default)]
    last_post_ms: Option<i64>,
}

fn load_policy() -> Result<Policy, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => Ok(Policy::asbarez()),
        [flag, path] if flag == "--policy" => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            Policy::from_json(&text).map_err(|e| format!("{path}: {e}"))
        }
        _ => Err("usage: threadline-check [--policy FILE] < drafts.jsonl".to_string()),
    }
}

fn main() {
    let policy = match load_policy() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().split(b'\n').enumerate() {
        let reply = match line {
            Err(e) => serde_json::json!({ "error": format!("line {}: {e}", n + 1) }),
            Ok(bytes) => match std::str::from_utf8(&bytes) {
                Err(e) => serde_json::json!({ "error": format!("line {}: not UTF-8: {e}", n + 1) }),
                Ok(s) if s.trim().is_empty() => continue,
                Ok(s) => match serde_json::from_str::<Input>(s) {
                    Err(e) => serde_json::json!({ "error": format!("line {}: {e}", n + 1) }),
                    Ok(input) => {
                        let ctx = CheckContext {
                            now_ms: input.now_ms,
                            last_post_ms: input.last_post_ms,
                            recent_own: input.recent_own,
                            participants: input.participants.into(),
                        };
                        let v = policy.check(&Draft { text: &input.text, author: &input.author }, &ctx);
                        serde_json::to_value(&v)
                            .unwrap_or_else(|e| serde_json::json!({ "error": format!("line {}: {e}", n + 1) }))
                    }
                },
            },
        };
        if writeln!(out, "{reply}").is_err() {
            return;
        }
    }
    let _ = out.flush();
}
