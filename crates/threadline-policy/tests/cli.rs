//! The threadline-check binary: JSON Lines in, verdicts out, errors per line.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(input: &str, args: &[&str]) -> (Vec<serde_json::Value>, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_threadline-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let lines = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (lines, out.status.success())
}

#[test]
fn good_and_bad_lines() {
    let input = concat!(
        "{\"text\": \"Russia is acting for its own interest again.\", \"author\": \"Sokimag\"}\n",
        "this is not json\n",
        "{\"text\": \"you are an idiot\", \"author\": \"x\"}\n",
        "{\"author\": \"no text\"}\n",
        "{\"text\": \"fine\", \"autor\": \"typo\"}\n",
    );
    let (out, ok) = run(input, &[]);
    assert!(ok);
    assert_eq!(out.len(), 5);
    assert_eq!(out[0]["outcome"], "allow");
    assert!(out[1]["error"].as_str().unwrap().starts_with("line 2:"));
    assert_eq!(out[2]["outcome"], "block");
    assert_eq!(out[2]["findings"][0]["rule"], "personal_attack");
    assert_eq!(out[2]["findings"][0]["start"], 0);
    assert!(out[2]["findings"][0]["message"]["hy"].is_string());
    assert!(out[3]["error"].as_str().unwrap().starts_with("line 4:"));
    assert!(out[4]["error"].as_str().unwrap().contains("autor"));
}

#[test]
fn policy_flag() {
    let dir = std::env::temp_dir().join(format!("threadline-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("p.json");
    std::fs::write(&path, r#"{"rules": {"profanity": {"action": "nudge"}}}"#).unwrap();
    let (out, ok) = run("{\"text\": \"fuck\", \"author\": \"a\"}\n", &["--policy", path.to_str().unwrap()]);
    assert!(ok);
    assert_eq!(out[0]["outcome"], "nudge");
    std::fs::write(&path, r#"{"rulez": {}}"#).unwrap();
    let (out, ok) = run("", &["--policy", path.to_str().unwrap()]);
    assert!(!ok && out.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
