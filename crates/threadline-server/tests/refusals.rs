//! What a site owner's flags or a writer's text can make the server refuse,
//! and that each refusal says what is wrong (the real server process).

mod common;
use common::*;
use serde_json::json;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the server with `args` expecting it to stop: (exit code, stdout,
/// stderr). One that keeps running is stopped after 20 s and fails the test.
fn refused_start(args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_threadline-server"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!("{args:?} kept running: {}", String::from_utf8_lossy(&out.stdout));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn a_draft_both_blocked_and_nudged_is_told_why_it_is_blocked() {
    let s = Server::start(&[]);
    // The repeated letters (a nudge) come first in the text, the insult (a block) last.
    let body = json!({"thread": "t/b", "author": "A", "body": "Nooooooooooooooooo!!!!!!!!!!!! you are an idiot"});
    let r = s.post_json("/api/comments", &body);
    let message = r.error(422, "policy");
    let findings = r.json()["findings"].as_array().unwrap().clone();
    assert_eq!(findings[0]["action"], "nudge", "{}", r.body);
    let block = findings.iter().find(|f| f["action"] == "block").unwrap();
    assert_eq!(message, block["message"]["en"].as_str().unwrap());
    assert!(!message.contains("post anyway"), "{message}");
}

#[test]
fn the_longest_comment_fits_whatever_characters_it_is_written_in() {
    let s = Server::start(&[]);
    // 20,000 characters of 4 bytes each, no two alike in a row: 80,000 bytes as
    // UTF-8, 240,000 escaped as JSON surrogate pairs.
    let body: String = (0..20_000u32).map(|i| char::from_u32(0x1F600 + i % 80).unwrap()).collect();
    let raw = json!({"thread": "t/e", "author": "A", "body": body}).to_string();
    let escaped: String = raw
        .chars()
        .map(|c| match c as u32 {
            n if n > 0xFFFF => {
                let n = n - 0x10000;
                format!("\\u{:04X}\\u{:04X}", 0xD800 + (n >> 10), 0xDC00 + (n & 0x3FF))
            }
            _ => c.to_string(),
        })
        .collect();
    assert!(escaped.len() > 240_000);
    for sent in [raw, escaped] {
        let r = s.call("POST", "/api/comments", &[("content-type", "application/json")], Some(&sent));
        assert_eq!(r.status, 201, "{} bytes: {}", sent.len(), r.body);
    }
    // One character more is refused for its length, not for its bytes.
    let over: String = body.chars().chain(['x']).collect();
    let r = s.post_json("/api/comments", &json!({"thread": "t/e", "author": "A", "body": over}));
    assert!(r.error(422, "invalid").contains("20000"), "{}", r.body);
}

#[test]
fn any_origin_may_be_allowed_with_a_star() {
    let s = Server::start(&["--cors-origin", "*"]);
    let r = s.call(
        "OPTIONS",
        "/api/comments",
        &[("origin", "https://anyone.example"), ("access-control-request-method", "POST")],
        None,
    );
    assert!(r.status < 300, "{} {}", r.status, r.body);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let r = s.call("GET", &format!("/api/comments?thread={THREAD}"), &[("origin", "http://127.0.0.1:9")], None);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
}

#[test]
fn a_bad_flag_stops_the_server_before_it_says_it_listens() {
    let dir = temp_dir("refused");
    let db = dir.join("db.sqlite").display().to_string();
    let missing = dir.join("missing.json").display().to_string();
    let not_json = dir.join("not.json");
    std::fs::write(&not_json, "{ nope").unwrap();
    let not_json = not_json.display().to_string();
    let unknown_key = dir.join("unknown.json");
    std::fs::write(&unknown_key, r#"{"listen_port": 1}"#).unwrap();
    let unknown_key = unknown_key.display().to_string();
    let no_dir = dir.join("no/such/dir/db.sqlite").display().to_string();
    // Seeds whose comments a listing could never reach.
    let seed = |name: &str, comments: &str| {
        let p = dir.join(name);
        std::fs::write(&p, format!(r#"{{"thread": "t", "comments": [{comments}]}}"#)).unwrap();
        p.display().to_string()
    };
    let c = |id: &str, parent: &str| format!(r#"{{"id": "{id}", "parent": {parent}, "author": "A", "body": "b"}}"#);
    let ring = seed("ring.json", &[c("top", "null"), c("a", r#""b""#), c("b", r#""a""#)].join(","));
    let orphan = seed("orphan.json", &[c("top", "null"), c("x", r#""gone""#)].join(","));
    let own = seed("own.json", &c("self", r#""self""#));
    let base = ["--listen", "127.0.0.1:0", "--db", db.as_str()];
    // (flags, exit code, what stderr must say)
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["--cors-origin", "https://news.example/comments"], 1, "is not an origin"),
        (vec!["--cors-origin", "news.example"], 1, "is not an origin"),
        (vec!["--policy", &missing], 1, "cannot read policy"),
        (vec!["--policy", &not_json], 1, "is not valid"),
        (vec!["--seed", &missing], 1, "missing.json"),
        (vec!["--seed", &ring], 1, "comment \"a\" is its own ancestor (a → b → a); nothing imported"),
        (vec!["--seed", &orphan], 1, "comment \"x\" answers \"gone\", which is not in the seed"),
        (vec!["--seed", &own], 1, "comment \"self\" is its own ancestor (self → self)"),
        (vec!["--dist", &missing], 1, "no such directory"),
        (vec!["--config", &missing], 2, "cannot read"),
        (vec!["--config", &not_json], 2, "not a valid configuration"),
        (vec!["--config", &unknown_key], 2, "listen_port"),
        (vec!["--edit-window-secs", "-1"], 2, "--edit-window-secs"),
        (vec!["--rate-limit-per-minute", "0"], 2, "--rate-limit-per-minute"),
        (vec!["--max-body-bytes", "0"], 2, "--max-body-bytes must be at least 1024"),
        (vec!["--trust-proxy", "the-proxy"], 2, "--trust-proxy \"the-proxy\" is not an IP address"),
        (vec!["--trust-proxy", "10.0.0.0/40"], 2, "--trust-proxy \"10.0.0.0/40\""),
    ];
    for (flags, code, says) in cases {
        let args: Vec<&str> = base.iter().copied().chain(flags.iter().copied()).collect();
        let (got, stdout, stderr) = refused_start(&args);
        assert_eq!(got, code, "{flags:?}: {stderr}");
        assert!(stderr.contains(says), "{flags:?}: {stderr}");
        assert!(!stdout.contains("listening"), "{flags:?} said it listens: {stdout}");
    }
    let (got, stdout, stderr) = refused_start(&["--listen", "127.0.0.1:0", "--db", &no_dir]);
    assert_eq!(got, 1, "{stderr}");
    assert!(!stdout.contains("listening") && stderr.contains("threadline-server:"), "{stdout} {stderr}");
}

#[test]
fn each_malformed_request_is_refused_saying_what_is_wrong() {
    let s = Server::start(&[]);
    let post = |v: serde_json::Value| s.post_json("/api/comments", &v);
    let long_thread = "t".repeat(513);
    let msg = post(json!({"thread": long_thread, "author": "A", "body": "b"})).error(422, "invalid");
    assert!(msg.contains("1 to 512 characters"), "{msg}");
    post(json!({"thread": "t/\u{7}", "author": "A", "body": "b"})).error(422, "invalid");
    let msg = post(json!({"thread": "t", "author": "A", "body": "b", "idempotency_key": "k".repeat(201)}))
        .error(422, "invalid");
    assert!(msg.contains("idempotency key"), "{msg}");
    post(json!({"thread": "t", "author": "A", "body": "b", "idempotency_key": "k\u{1}"})).error(422, "invalid");
    let header = [("content-type", "application/json"), ("idempotency-key", "")];
    let body = json!({"thread": "t", "author": "A", "body": "b"}).to_string();
    s.call("POST", "/api/comments", &header, Some(&body)).error(422, "invalid");
    s.get("/api/comments?thread=t&offset=-1").error(400, "invalid_query");
    s.get("/api/comments?thread=t&offset=many").error(400, "invalid_query");
    s.get("/api/comments/stream").error(400, "invalid_query");
    s.get(&format!("/api/comments/stream?thread={long_thread}")).error(422, "invalid");
    s.call("POST", "/api/comments/%FF%FE/like", &[], None).error(400, "invalid_path");

    // Edits are held to the same rules as new comments.
    let (id, token) = s.post_ok("t/edits", None, "Ann", "A fair point.");
    let patch = |body: &str| {
        let h = [("content-type", "application/json"), ("x-owner-token", token.as_str())];
        s.call("PATCH", &format!("/api/comments/{id}"), &h, Some(&json!({ "body": body }).to_string()))
    };
    patch("bell \u{7} here").error(422, "invalid");
    assert!(patch(&"x".repeat(20_001)).error(422, "invalid").contains("20000"));
    patch("THIS IS A VERY LOUD COMMENT ABOUT IT").error(422, "nudge");
    assert_eq!(s.list("t/edits")["comments"][0]["body"], "A fair point.", "nothing changed");
}
