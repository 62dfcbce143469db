//! Hostile and malformed input: every answer is a JSON error, nothing stored.

mod common;
use common::*;
use serde_json::json;

fn post_raw(s: &Server, ctype: &str, body: &[u8]) -> String {
    let mut req = format!(
        "POST /api/comments HTTP/1.1\r\nHost: x\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body);
    s.raw(&req)
}

#[test]
fn malformed_bodies_are_json_errors() {
    let s = Server::start(&[]);
    let j = [("content-type", "application/json")];
    let post = |b: &str| s.call("POST", "/api/comments", &j, Some(b));
    post("{not json").error(400, "invalid_json");
    post("").error(400, "invalid_json");
    post(r#"{"thread":"t","author":"A","body":5}"#).error(400, "invalid_request");
    post(r#"{"thread":"t","author":["A"],"body":"x"}"#).error(400, "invalid_request");
    post(r#"{"thread":"t","body":"x"}"#).error(400, "invalid_request");
    post(r#"{"author":"A","body":"x"}"#).error(400, "invalid_request");
    post(r#"[1,2,3]"#).error(400, "invalid_request");
    post(r#"{"thread":"t","author":"A","body":"x","confirm":"yes"}"#).error(400, "invalid_request");
    s.call("POST", "/api/comments", &[("content-type", "text/plain")], Some("{}")).error(415, "unsupported_media_type");
    s.call("POST", "/api/comments", &[], Some("{}")).error(415, "unsupported_media_type");
    s.call("PATCH", "/api/comments/1", &[("x-owner-token", "x")], Some("{}")).error(415, "unsupported_media_type");
    assert_eq!(s.list("t")["total"], 0);
}

#[test]
fn non_utf8_body_is_rejected() {
    let s = Server::start(&[]);
    let mut body = br#"{"thread":"t","author":"A","body":""#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe, 0x80]);
    body.extend_from_slice(br#""}"#);
    let res = post_raw(&s, "application/json", &body);
    assert!(res.starts_with("HTTP/1.1 400"), "{res}");
    assert!(res.contains(r#""code":"invalid_json""#), "{res}");
    assert_eq!(s.list("t")["total"], 0);
}

#[test]
fn oversized_bodies_get_413() {
    let s = Server::start(&[]);
    // 10 MB declared: refused from the headers, before it is read.
    let big = vec![b'a'; 10 * 1024 * 1024];
    let res = post_raw(&s, "application/json", &big);
    assert!(res.starts_with("HTTP/1.1 413"), "{}", &res[..res.len().min(300)]);
    assert!(res.contains(r#""code":"too_large""#));
    // Chunked, so the size is only known while reading.
    let mut req = b"POST /api/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for _ in 0..8 {
        req.extend_from_slice(format!("{:x}\r\n", 40_000).as_bytes());
        req.extend(std::iter::repeat_n(b' ', 40_000));
        req.extend_from_slice(b"\r\n");
    }
    req.extend_from_slice(b"0\r\n\r\n");
    let res = s.raw(&req);
    assert!(res.starts_with("HTTP/1.1 413"), "{}", &res[..res.len().min(300)]);
    // The limit is configurable.
    let small = Server::start(&["--max-body-bytes", "1024"]);
    let body = json!({"thread": "t", "author": "A", "body": "x".repeat(2000)});
    small.post_json("/api/comments", &body).error(413, "too_large");
}

#[test]
fn validation_errors_are_422() {
    let s = Server::start(&[]);
    let post = |v: serde_json::Value| s.post_json("/api/comments", &v);
    let msg = post(json!({"thread": "t", "author": "A", "body": "bell \u{7} here"})).error(422, "invalid");
    assert!(msg.contains("U+0007"), "{msg}");
    post(json!({"thread": "t", "author": "A", "body": "esc \u{1b}[31m red"})).error(422, "invalid");
    post(json!({"thread": "t", "author": "A\nB", "body": "x"})).error(422, "invalid");
    post(json!({"thread": "t", "author": "A", "body": "nul \u{0}"})).error(422, "invalid");
    post(json!({"thread": "t", "author": "A", "body": "c1 \u{85}"})).error(422, "invalid");
    post(json!({"thread": "t", "author": "x".repeat(81), "body": "x"})).error(422, "invalid");
    post(json!({"thread": "t", "author": "A", "body": "x".repeat(20_001)})).error(422, "invalid");
    post(json!({"thread": "t", "author": "   ", "body": "x"})).error(422, "invalid");
    // A name that shows as nothing, or in another order than it was typed.
    post(json!({"thread": "t", "author": "\u{3000}\u{a0}\u{200b}", "body": "x"})).error(422, "invalid");
    let m = post(json!({"thread": "t", "author": "Admin\u{202e}live", "body": "x"})).error(422, "invalid");
    assert!(m.contains("U+202E"), "{m}");
    post(json!({"thread": "t", "author": "A", "body": " \n\t "})).error(422, "invalid");
    post(json!({"thread": "", "author": "A", "body": "x"})).error(422, "invalid");
    post(json!({"thread": "t", "author": "A", "body": "x", "idempotency_key": ""})).error(422, "invalid");
    let m = post(json!({"thread": "t", "parent": "nope", "author": "A", "body": "x"})).error(422, "unknown_parent");
    assert!(m.contains("does not exist"), "{m}");
    let m = post(json!({"thread": "t", "parent": "1", "author": "A", "body": "x"})).error(422, "unknown_parent");
    assert!(m.contains("another thread"), "{m}");
    assert_eq!(s.list("t")["total"], 0);
    // Allowed: tabs, newlines (CRLF normalized), 80-char names, 20,000-char bodies, any script.
    let ok = post(json!({"thread": "t", "author": "Ա".repeat(80), "body": "a\tb\r\nc"}));
    assert_eq!(ok.status, 201, "{}", ok.body);
    assert_eq!(ok.json()["comment"]["body"], "a\tb\nc");
    let long: String = (0..).flat_map(|i| format!("слово{i} ").chars().collect::<Vec<_>>()).take(20_000).collect();
    // "confirm" answers any nudge about the long text: this checks the length limit only.
    let r = post(json!({"thread": "t", "author": "A", "body": long, "confirm": true}));
    assert_eq!(r.status, 201, "{}", &r.body[..r.body.len().min(400)]);
}

#[test]
fn html_is_stored_as_text() {
    let s = Server::start(&[]);
    let body = "<script>alert(1)</script> & <b>bold</b>";
    s.post_ok("t", None, "<img src=x onerror=alert(1)>", body);
    let v = s.list("t");
    assert_eq!(v["comments"][0]["body"], body);
}

/// An edit keeps the name the comment was posted under: one that today's
/// rules refuse (an override, from before they did) does not block
/// changing the text.
#[test]
fn an_edit_is_checked_for_its_text_not_the_name_it_keeps() {
    let s = Server::start(&[]);
    let (id, token) = s.post_ok("t/e", None, "Ani", "first words");
    let db = rusqlite::Connection::open(&s.db).unwrap();
    db.execute("UPDATE comments SET author = 'Admin\u{202e}live' WHERE id = ?1", [&id]).unwrap();
    let h = [("content-type", "application/json"), ("x-owner-token", token.as_str())];
    let r = s.call("PATCH", &format!("/api/comments/{id}"), &h, Some(r#"{"body":"second words"}"#));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["comment"]["body"], "second words");
    let bad = s.call("PATCH", &format!("/api/comments/{id}"), &h, Some(r#"{"body":"bell \u0007"}"#));
    assert!(bad.error(422, "invalid").contains("U+0007"));
}
