//! Many writers at once, and a crash in the middle of writing.

mod common;
use common::*;
use serde_json::json;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[test]
fn fifty_writers_store_exactly_five_thousand() {
    let s = Server::start(&[]);
    let url = s.url.clone();
    let writers: Vec<_> = (0..50)
        .map(|w| {
            let url = url.clone();
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
                let client = format!("writer-{w}");
                let h = [("content-type", "application/json"), ("x-client-id", client.as_str())];
                let mut ids = Vec::new();
                for p in 0..100 {
                    let body = json!({"thread": "t/load", "author": format!("W{w}"), "body": format!("post {p} from {w}"), "idempotency_key": format!("{w}-{p}")}).to_string();
                    let r = call(&agent, &url, "POST", "/api/comments", &h, Some(&body));
                    assert_eq!(r.status, 201, "{}", r.body);
                    let first = r.json();
                    // Every 7th post is retried as a client would after a lost answer.
                    if p % 7 == 0 {
                        let again = call(&agent, &url, "POST", "/api/comments", &h, Some(&body));
                        assert_eq!(again.status, 200, "{}", again.body);
                        assert_eq!(again.json(), first);
                    }
                    ids.push(first["comment"]["id"].as_str().unwrap().to_owned());
                }
                ids
            })
        })
        .collect();
    let mut all = HashSet::new();
    for w in writers {
        for id in w.join().unwrap() {
            assert!(all.insert(id), "duplicate id");
        }
    }
    assert_eq!(all.len(), 5000);
    let v = s.get("/api/comments?thread=t/load&limit=1000").json();
    assert_eq!(v["total"], 5000);
    let listed = s.list("t/load");
    let bodies: HashSet<_> =
        listed["comments"].as_array().unwrap().iter().map(|c| c["body"].as_str().unwrap().to_owned()).collect();
    assert_eq!(bodies.len(), 5000, "no body stored twice");
    let listed_ids: HashSet<String> = ids(&listed).into_iter().collect();
    assert_eq!(listed_ids, all);
}

#[test]
fn kill_9_keeps_every_acknowledged_comment() {
    let s = Server::start(&[]);
    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let (url, acked) = (s.url.clone(), acked.clone());
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_global(Some(Duration::from_secs(5)))
                    .build()
                    .into();
                for p in 0.. {
                    let body = json!({"thread": "t/crash", "author": "A", "body": format!("{w}/{p}")}).to_string();
                    let req = ureq::http::Request::builder()
                        .method("POST")
                        .uri(format!("{url}/api/comments"))
                        .header("content-type", "application/json")
                        .body(body)
                        .unwrap();
                    match agent.run(req) {
                        Ok(mut r) if r.status() == 201 => {
                            let v: serde_json::Value =
                                serde_json::from_str(&r.body_mut().read_to_string().unwrap_or_default())
                                    .unwrap_or_default();
                            if let Some(id) = v["comment"]["id"].as_str() {
                                acked.lock().unwrap().push(id.to_owned());
                            }
                        }
                        Ok(r) => panic!("unexpected status {}", r.status()),
                        Err(_) => return, // the server is gone
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    let (dir, db) = (s.dir.clone(), s.db.clone());
    let mut s = s;
    s.remove_dir = false; // the restart below reuses it
    s.child.kill().unwrap(); // SIGKILL: no shutdown code runs
    s.child.wait().unwrap();
    for w in writers {
        w.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() > 50, "only {} writes before the kill", acked.len());
    drop(s);
    let again = Server::start_on(dir, db, &[]);
    let stored: HashSet<String> = ids(&again.list("t/crash")).into_iter().collect();
    for id in &acked {
        assert!(stored.contains(id), "acknowledged comment {id} lost");
    }
    eprintln!("{} acknowledged, {} stored after kill -9", acked.len(), stored.len());
}
