//! Behind a reverse proxy (`--trust-proxy`): each reader is who the proxy
//! says, and nobody else's word counts.

mod common;
use common::*;
use serde_json::json;

/// Behind a reverse proxy every connection comes from the proxy: each reader
/// keeps their own allowance only if the proxy's `X-Forwarded-For` is read,
/// and only the proxy's, or a reader could pick a fresh address each post.
#[test]
fn rate_limits_count_each_reader_behind_a_trusted_proxy() {
    let post = |s: &Server, forwarded: &str, body: &str| {
        let b = json!({"thread": "t/r", "author": "A", "body": body}).to_string();
        s.call(
            "POST",
            "/api/comments",
            &[("content-type", "application/json"), ("x-forwarded-for", forwarded)],
            Some(&b),
        )
    };
    let proxied = Server::start(&["--rate-limit-per-minute", "2", "--trust-proxy", "127.0.0.1"]);
    for i in 0..2 {
        assert_eq!(post(&proxied, "203.0.113.1", &format!("a{i}")).status, 201);
    }
    post(&proxied, "203.0.113.1", "a2").error(429, "rate_limited");
    // A reader prepending an address of their choosing is still who the proxy saw.
    post(&proxied, "192.0.2.200, 203.0.113.1", "a3").error(429, "rate_limited");
    assert_eq!(post(&proxied, "203.0.113.2", "b0").status, 201, "another reader has their own allowance");
    // Nor with an entry that is not text, on the line the proxy appended to.
    let body = json!({"thread": "t/r", "author": "A", "body": "a4"}).to_string();
    let mut raw = format!(
        "POST /api/comments HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-Forwarded-For: ",
        body.len()
    )
    .into_bytes();
    raw.extend_from_slice(b"\xe9\xff, 203.0.113.1\r\nConnection: close\r\n\r\n");
    raw.extend_from_slice(body.as_bytes());
    let answer = proxied.raw(&raw);
    assert!(answer.starts_with("HTTP/1.1 429"), "{answer}");

    // An IPv6 reader cannot pick a new address in their /64 for each post.
    for (i, addr) in ["2001:db8:5:6::1", "2001:db8:5:6::2"].iter().enumerate() {
        assert_eq!(post(&proxied, addr, &format!("v{i}")).status, 201);
    }
    post(&proxied, "2001:db8:5:6:ffff::3", "v2").error(429, "rate_limited");
    assert_eq!(post(&proxied, "2001:db8:5:7::1", "w0").status, 201, "the next /64 is someone else");

    let direct = Server::start(&["--rate-limit-per-minute", "2"]);
    for (i, addr) in ["203.0.113.1", "203.0.113.2"].iter().enumerate() {
        assert_eq!(post(&direct, addr, &format!("c{i}")).status, 201);
    }
    post(&direct, "203.0.113.3", "c2").error(429, "rate_limited");
}
