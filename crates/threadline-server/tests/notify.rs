//! `--notify-url`: the moderators hear of held and reported comments, and a
//! receiver that fails never gets in a reader's way.

mod common;
use common::*;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A webhook on loopback that answers 200 and hands over each JSON body.
fn receiver() -> (String, mpsc::Receiver<Value>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0;
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 2 {
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
                line.clear();
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let _ = (&stream).write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
            let _ = tx.send(serde_json::from_slice(&body).unwrap_or(Value::Null));
        }
    });
    (url, rx)
}

#[test]
fn held_and_reported_comments_are_sent_to_the_moderators() {
    let (url, heard) = receiver();
    let s = Server::start(&["--notify-url", &url, "--trust-proxy", "127.0.0.1"]);
    let links =
        json!({"thread": "t/n", "author": "Hovik", "body": "http://a.example http://b.example http://c.example"});
    let held = s.post_json("/api/comments", &links).json()["comment"]["id"].as_str().unwrap().to_owned();
    let note = heard.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(
        (&note["event"], &note["thread"], &note["comment"]["id"]),
        (&json!("held"), &json!("t/n"), &json!(held))
    );
    assert!(note["text"].as_str().unwrap().starts_with("Awaiting moderation in t/n: Hovik wrote"), "{note}");

    // Two readers at two addresses (one report per address).
    let report = |client: &str| {
        let from = if client == "r1" { "203.0.113.1" } else { "203.0.113.2" };
        s.call("POST", "/api/comments/3/report", &[("x-client-id", client), ("x-forwarded-for", from)], None).status
    };
    assert_eq!(report("r1"), 200);
    let note = heard.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(
        (&note["event"], &note["comment"]["id"], &note["reports"]),
        (&json!("reported"), &json!("3"), &json!(1))
    );
    // A repeat is not news; another reader's report is.
    assert_eq!(report("r1"), 200);
    assert_eq!(report("r2"), 200);
    assert_eq!(heard.recv_timeout(Duration::from_secs(10)).unwrap()["reports"], 2);
    assert!(heard.recv_timeout(Duration::from_millis(300)).is_err(), "nothing more");
}

#[test]
fn a_receiver_that_is_down_never_delays_or_fails_a_post() {
    // Nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let s = Server::start(&["--notify-url", &format!("http://127.0.0.1:{port}/hook")]);
    let started = Instant::now();
    let links = json!({"thread": "t/d", "author": "A", "body": "http://a.example http://b.example http://c.example"});
    assert_eq!(s.post_json("/api/comments", &links).status, 202);
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    assert_eq!(s.get("/api/comments?thread=t/d").status, 200, "still serving");
}
