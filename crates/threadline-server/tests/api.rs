//! Every endpoint against the real server process: happy paths and errors.

mod common;
use common::*;
use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::time::Duration;

#[test]
fn seed_is_listed_and_unknown_threads_are_empty() {
    let s = Server::start(&[]);
    let v = s.list(THREAD);
    assert_eq!(v["thread"], THREAD);
    assert_eq!(v["total"], 15);
    assert_eq!(ids(&v)[0], "1");
    assert!(v["cursor"].is_string());
    let empty = s.list("nobody/wrote/here");
    assert_eq!(empty["comments"], json!([]));
    assert_eq!(empty["total"], 0);
    assert_eq!(empty["next_offset"], json!(null));
    // Missing thread parameter and a bad limit are JSON errors.
    s.get("/api/comments").error(400, "invalid_query");
    s.get("/api/comments?thread=a&limit=0").error(400, "invalid_query");
    s.get("/api/comments?thread=a&limit=abc").error(400, "invalid_query");
    s.get("/api/comments?thread=a&since=xyz").error(400, "invalid_query");
    s.get("/api/nothing-here").error(404, "not_found");
    s.call("PUT", "/api/comments", &[], None).error(405, "method_not_allowed");
}

#[test]
fn a_seed_comment_text_is_accepted_and_an_insult_is_blocked() {
    let s = Server::start(&[ASBAREZ_POLICY]);
    let seed_text = s.list(THREAD)["comments"][1]["body"].as_str().unwrap().to_owned();
    s.post_ok("other/thread", None, "Armenian", &seed_text);
    let r = s.post_json("/api/comments", &json!({"thread": THREAD, "author": "X", "body": "you are an idiot"}));
    r.error(422, "policy");
    let f = &r.json()["findings"][0];
    assert_eq!(f["action"], "block");
    assert!(f["start"].is_u64() && f["end"].is_u64() && f["message"]["en"].is_string() && f["rule"].is_string());
    assert_eq!(s.list(THREAD)["total"], 15, "nothing stored");
}

#[test]
fn nudge_needs_confirm_and_hold_is_hidden() {
    let s = Server::start(&[]);
    let shout = json!({"thread": "t/n", "author": "A", "body": "THIS IS A VERY LOUD COMMENT"});
    s.post_json("/api/comments", &shout).error(422, "nudge");
    let mut confirmed = shout.clone();
    confirmed["confirm"] = json!(true);
    assert_eq!(s.post_json("/api/comments", &confirmed).status, 201);
    let links = json!({"thread": "t/n", "author": "B", "body": "see http://a http://b http://c"});
    let r = s.post_json("/api/comments", &links);
    assert_eq!(r.status, 202, "{}", r.body);
    let held_id = r.json()["comment"]["id"].as_str().unwrap().to_owned();
    assert_eq!(r.json()["comment"]["held"], true);
    let v = s.list("t/n");
    assert_eq!(v["total"], 1);
    assert!(!ids(&v).contains(&held_id));
    // A held comment cannot be replied to or liked.
    let reply = json!({"thread": "t/n", "parent": held_id, "author": "C", "body": "hm"});
    s.post_json("/api/comments", &reply).error(422, "unknown_parent");
    s.call("POST", &format!("/api/comments/{held_id}/like"), &[], None).error(404, "not_found");
}

#[test]
fn policy_sees_this_clients_recent_posts() {
    // Asbarez: 20 s between one reader's posts, no identical repeats.
    let s = Server::start(&[ASBAREZ_POLICY]);
    let post = |client: &str, body: &str| {
        let b = json!({"thread": "t/c", "author": "A", "body": body}).to_string();
        s.call("POST", "/api/comments", &[("content-type", "application/json"), ("x-client-id", client)], Some(&b))
    };
    assert_eq!(post("reader-1", "A first thought on the article.").status, 201);
    let r = post("reader-1", "And a second one right away.");
    r.error(422, "policy");
    assert_eq!(r.json()["findings"][0]["rule"], "cooldown", "{}", r.body);
    // Only the wait stands in its way: when it is over is said, for a client to try again then.
    let secs: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=20).contains(&secs), "{secs}");
    assert_eq!(post("reader-2", "Someone else may post meanwhile.").status, 201);
    // Blocked for what it says as well: no wait makes it acceptable.
    let r = post("reader-1", "You are an idiot.");
    r.error(422, "policy");
    assert_eq!(r.header("retry-after"), None);
}

#[test]
fn the_policy_enforced_is_served_for_the_widget_without_who_is_blocked() {
    let policy = temp_dir("served").join("policy.json");
    let site = r#"{"name": "Site", "deny_words": ["bananas"], "blocked_authors": ["Troll"],
        "rules": {"cooldown": {"enabled": false, "action": "block"}}}"#;
    std::fs::write(&policy, site).unwrap();
    let s = Server::start(&["--policy", policy.to_str().unwrap()]);
    let r = s.get("/api/policy");
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["name"], "Site");
    assert_eq!(v["deny_words"], json!(["bananas"]));
    assert_eq!(v["rules"]["cooldown"]["enabled"], false);
    assert_eq!(v["blocked_authors"], json!([]), "the moderators' business");
    assert_eq!(v["limits"]["max_length"], 5000, "defaults filled in");
    // The widget's engine gets the same policy in its own framing.
    let read = threadline_policy::Policy::from_json(&r.body).unwrap();
    assert_eq!(read.deny_words, ["bananas"]);
    let (wire, bytes) = s.get_bytes("/api/policy/wire", &[]);
    assert_eq!(wire.header("content-type"), Some("application/octet-stream"));
    assert_eq!(threadline_policy::wire::decode_policy(&bytes), Ok(read));
    // The built-in one when the server has no file.
    let plain = Server::start(&[ASBAREZ_POLICY]);
    assert_eq!(plain.get("/api/policy").json()["name"], "Asbarez");
}

#[test]
fn an_edit_is_not_a_duplicate_of_the_comment_it_changes() {
    let policy = temp_dir("dup").join("policy.json");
    let rules = r#"{"name": "dup", "rules": {"cooldown": {"enabled": false, "action": "block"}}}"#;
    std::fs::write(&policy, rules).unwrap();
    let s = Server::start(&["--policy", policy.to_str().unwrap()]);
    let (a, tok_a) = s.post_ok("t/dup", None, "Ann", "I agree with this article completely.");
    let (b, tok_b) = s.post_ok("t/dup", None, "Ann", "Another view of it, entirely.");
    let patch = |id: &str, tok: &str, body: &str| {
        let h = [("content-type", "application/json"), ("x-owner-token", tok)];
        s.call("PATCH", &format!("/api/comments/{id}"), &h, Some(&json!({ "body": body }).to_string()))
    };
    // The same words in other capitals: the duplicate rule's own measure.
    let r = patch(&a, &tok_a, "I AGREE with this article completely.");
    assert_eq!(r.status, 200, "a comment's own old text is not a duplicate: {}", r.body);
    // Another of the reader's comments still counts.
    let r = patch(&b, &tok_b, "i agree with this  ARTICLE completely.");
    r.error(422, "policy");
    assert_eq!(r.json()["findings"][0]["rule"], "duplicate", "{}", r.body);
}

#[test]
fn post_reply_edit_delete_with_owner_tokens() {
    let s = Server::start(&[]);
    let (a, tok_a) = s.post_ok("t/1", None, "  Ann  ", "  First!  ");
    let v = s.list("t/1");
    assert_eq!(v["comments"][0]["author"], "Ann", "trimmed");
    assert_eq!(v["comments"][0]["body"], "First!");
    assert!(v["comments"][0]["created_ms"].as_i64().unwrap() > 1_600_000_000_000);
    let (b, tok_b) = s.post_ok("t/1", Some(&a), "Bob", "Reply");
    assert_eq!(s.list("t/1")["comments"][1]["parent"], a.as_str());

    let patch = |id: &str, tok: Option<&str>, body: &str| {
        let mut h = vec![("content-type", "application/json")];
        if let Some(t) = tok {
            h.push(("x-owner-token", t));
        }
        s.call("PATCH", &format!("/api/comments/{id}"), &h, Some(&json!({"body": body}).to_string()))
    };
    let r = patch(&b, Some(&tok_b), "Reply, edited");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["comment"]["body"], "Reply, edited");
    assert!(r.json()["comment"]["edited_ms"].as_i64().is_some());
    patch(&b, Some(&tok_a), "not mine").error(403, "forbidden");
    patch(&b, None, "no token").error(403, "forbidden");
    patch("nope", Some(&tok_a), "x").error(404, "not_found");
    patch(&b, Some(&tok_b), "you idiot").error(422, "policy");
    patch(&b, Some(&tok_b), "   ").error(422, "invalid");

    let del = |id: &str, tok: &str| s.call("DELETE", &format!("/api/comments/{id}"), &[("x-owner-token", tok)], None);
    del(&a, &tok_b).error(403, "forbidden");
    assert_eq!(s.call("DELETE", &format!("/api/comments/{a}"), &[], None).status, 403);
    // With a reply, A stays as an empty placeholder.
    assert_eq!(del(&a, &tok_a).status, 204);
    let v = s.list("t/1");
    assert_eq!(v["total"], 2);
    assert_eq!(v["comments"][0]["deleted"], true);
    assert_eq!(v["comments"][0]["body"], "");
    assert_eq!(v["comments"][0]["author"], "");
    patch(&a, Some(&tok_a), "revive").error(404, "not_found");
    let reply = json!({"thread": "t/1", "parent": a, "author": "C", "body": "to a ghost"});
    s.post_json("/api/comments", &reply).error(422, "unknown_parent");
    // Removing the last reply takes the placeholder with it.
    let cursor = s.list("t/1")["cursor"].as_str().unwrap().to_owned();
    assert_eq!(del(&b, &tok_b).status, 204);
    assert_eq!(s.list("t/1")["total"], 0);
    let since = s.get(&format!("/api/comments?thread=t/1&since={cursor}")).json();
    let gone: Vec<_> = since["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["deleted"].as_bool().unwrap()))
        .collect();
    assert!(gone.contains(&(b.as_str(), true)) && gone.contains(&(a.as_str(), true)), "{since}");
    del(&b, &tok_b).error(404, "not_found");
}

#[test]
fn edit_window_closes() {
    let s = Server::start(&["--edit-window-secs", "0.4"]);
    let (id, tok) = s.post_ok("t/w", None, "A", "typo");
    // Every listing tells it, a first page and a poll's changes alike: the widget takes Edit away then.
    assert_eq!(s.list("t/w")["edit_window_ms"], 400);
    let cursor = s.list("t/w")["cursor"].as_str().unwrap().to_owned();
    assert_eq!(s.get(&format!("/api/comments?thread=t/w&since={cursor}")).json()["edit_window_ms"], 400);
    // The same thread at the same cursor under another window is another answer: a browser's copy is not reused.
    let other = Server::start(&["--edit-window-secs", "0.5"]);
    let tag =
        |s: &Server, q: &str| s.get(&format!("/api/comments?thread={THREAD}{q}")).header("etag").map(str::to_owned);
    let fresh = Server::start(&["--edit-window-secs", "0.4"]);
    for q in ["", "&since=1"] {
        assert_ne!(tag(&fresh, q), tag(&other, q), "{q}");
    }
    let h = [("content-type", "application/json"), ("x-owner-token", tok.as_str())];
    let path = format!("/api/comments/{id}");
    assert_eq!(s.call("PATCH", &path, &h, Some(r#"{"body":"fixed"}"#)).status, 200);
    std::thread::sleep(Duration::from_millis(600));
    let msg = s.call("PATCH", &path, &h, Some(r#"{"body":"late"}"#)).error(403, "forbidden");
    assert!(msg.contains("edit window has closed"), "{msg}");
    assert_eq!(s.list("t/w")["comments"][0]["body"], "fixed");
}

#[test]
fn idempotent_retry_returns_the_original() {
    let s = Server::start(&[]);
    let body = json!({"thread": "t/i", "author": "A", "body": "once", "idempotency_key": "k-1"});
    let first = s.post_json("/api/comments", &body);
    assert_eq!(first.status, 201);
    let again = s.post_json("/api/comments", &body);
    assert_eq!(again.status, 200);
    assert_eq!(first.json(), again.json(), "same comment, same owner token");
    // The header works too, and keys are per thread.
    let h = [("content-type", "application/json"), ("idempotency-key", "k-2")];
    let b2 = json!({"thread": "t/i", "author": "A", "body": "twice"}).to_string();
    assert_eq!(s.call("POST", "/api/comments", &h, Some(&b2)).status, 201);
    assert_eq!(s.call("POST", "/api/comments", &h, Some(&b2)).status, 200);
    let other = json!({"thread": "t/other", "author": "A", "body": "once", "idempotency_key": "k-1"});
    assert_eq!(s.post_json("/api/comments", &other).status, 201);
    // The same key from another browser is not a retry: it gets no owner token.
    let h = [("content-type", "application/json"), ("x-client-id", "someone-else")];
    let r = s.call("POST", "/api/comments", &h, Some(&body.to_string()));
    assert!(r.error(409, "idempotency_conflict").contains("new one"));
    assert!(!r.body.contains(first.json()["owner_token"].as_str().unwrap()));
    assert_eq!(s.list("t/i")["total"], 2);
}

#[test]
fn likes_once_per_client_and_per_address() {
    let s = Server::start(&["--trust-proxy", "127.0.0.1"]);
    let like = |client: &str, address: &str| {
        s.call("POST", "/api/comments/1/like", &[("x-client-id", client), ("x-forwarded-for", address)], None)
    };
    let r = like("reader-1", "203.0.113.1");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json(), json!({"likes": 1}));
    assert_eq!(like("reader-1", "203.0.113.1").json(), json!({"likes": 1}));
    // A private window, or storage cleared: a new browser id on the same address.
    assert_eq!(like("reader-1-again", "203.0.113.1").json(), json!({"likes": 1}));
    assert_eq!(like("reader-2", "203.0.113.2").json(), json!({"likes": 2}));
    assert_eq!(s.list(THREAD)["comments"][0]["likes"], 2);
    s.call("POST", "/api/comments/nope/like", &[], None).error(404, "not_found");
}

#[test]
fn etag_since_and_paging() {
    let s = Server::start(&[]);
    let r = s.get("/api/comments?thread=t/p");
    let etag = r.header("etag").unwrap().to_owned();
    let r304 = s.call("GET", "/api/comments?thread=t/p", &[("if-none-match", &etag)], None);
    assert_eq!(r304.status, 304);
    assert_eq!(r304.body, "");
    let cursor0 = r.json()["cursor"].as_str().unwrap().to_owned();

    // 5 top-level comments, each with 2 replies.
    let mut tops = Vec::new();
    for i in 0..5 {
        let (t, _) = s.post_ok("t/p", None, "A", &format!("top {i}"));
        for j in 0..2 {
            s.post_ok("t/p", Some(&t), "B", &format!("reply {i}.{j}"));
        }
        tops.push(t);
    }
    let r = s.call("GET", "/api/comments?thread=t/p", &[("if-none-match", &etag)], None);
    assert_eq!(r.status, 200, "a change invalidates the ETag");
    let page = s.get("/api/comments?thread=t/p&limit=2&offset=2").json();
    assert_eq!(page["total"], 15);
    assert_eq!(page["top_level_total"], 5);
    assert_eq!(page["next_offset"], 4);
    let got = ids(&page);
    assert_eq!(got.len(), 6, "2 top-level comments with their replies");
    assert_eq!(got[0], tops[2]);
    let last = s.get("/api/comments?thread=t/p&limit=2&offset=4").json();
    assert_eq!(last["next_offset"], json!(null));
    assert_eq!(ids(&last).len(), 3);

    let since = s.get(&format!("/api/comments?thread=t/p&since={cursor0}")).json();
    assert_eq!(since["comments"].as_array().unwrap().len(), 15);
    let c1 = since["cursor"].as_str().unwrap().to_owned();
    let nothing = s.get(&format!("/api/comments?thread=t/p&since={c1}"));
    assert_eq!(nothing.json()["comments"], json!([]));
    s.call("POST", &format!("/api/comments/{}/like", tops[0]), &[], None);
    let changed = s.get(&format!("/api/comments?thread=t/p&since={c1}")).json();
    assert_eq!(ids(&changed), vec![tops[0].clone()]);
    assert_eq!(changed["comments"][0]["likes"], 1);
}

#[test]
fn sse_stream_receives_new_comments() {
    let s = Server::start(&[]);
    let mut sock = std::net::TcpStream::connect(&s.addr).unwrap();
    sock.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(sock, "GET /api/comments/stream?thread=t/sse HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        .unwrap();
    let mut reader = BufReader::new(sock);
    let mut line = String::new();
    let mut read_until = |needle: &str| loop {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "stream ended");
        if line.contains(needle) {
            return line.clone();
        }
    };
    assert!(read_until("HTTP/1.1").contains("200"));
    read_until("event: ready");
    s.post_ok("t/elsewhere", None, "A", "not for this stream");
    let (id, _) = s.post_ok("t/sse", None, "A", "live");
    read_until("event: comment");
    let data = read_until("data:");
    assert!(data.contains(&id), "{data}");
    assert!(data.contains("\"live\""));
    // The stream must not keep the server from stopping.
    assert!(s.stop().success());
}

#[test]
fn rate_limit_answers_429_with_retry_after() {
    let s = Server::start(&["--rate-limit-per-minute", "3"]);
    for i in 0..3 {
        s.post_ok("t/r", None, "A", &format!("n{i}"));
    }
    let r = s.post_json("/api/comments", &json!({"thread": "t/r", "author": "A", "body": "too many"}));
    r.error(429, "rate_limited");
    assert!(r.header("retry-after").unwrap().parse::<u64>().unwrap() >= 1);
    assert_eq!(s.get("/api/comments?thread=t/r").status, 200, "reads are not limited");
}

#[test]
fn cors_allows_only_configured_origins() {
    let s = Server::start(&["--cors-origin", "https://asbarez.com"]);
    let pre = |origin: &str| {
        s.call(
            "OPTIONS",
            "/api/comments",
            &[
                ("origin", origin),
                ("access-control-request-method", "POST"),
                ("access-control-request-headers", "content-type"),
            ],
            None,
        )
    };
    let ok = pre("https://asbarez.com");
    assert_eq!(ok.header("access-control-allow-origin"), Some("https://asbarez.com"));
    assert_eq!(pre("https://evil.example").header("access-control-allow-origin"), None);
    let plain = Server::start(&[]);
    let r = plain.call("GET", "/api/comments?thread=x", &[("origin", "https://asbarez.com")], None);
    assert_eq!(r.header("access-control-allow-origin"), None, "same-origin only by default");
}

#[test]
fn serves_the_dist_directory() {
    let dist = temp_dir("dist");
    std::fs::write(dist.join("index.html"), "<!doctype html><title>Threadline</title>").unwrap();
    std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
    let s = Server::start(&["--dist", dist.to_str().unwrap()]);
    let r = s.get("/");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<title>Threadline</title>"));
    assert_eq!(s.get("/app.js").body, "console.log(1)");
    assert_eq!(s.list(THREAD)["total"], 15, "the API still answers");
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn hashed_files_are_cached_for_good_and_stable_names_are_asked_about_each_time() {
    let dist = temp_dir("dist-cache");
    std::fs::create_dir_all(dist.join("embed")).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
    std::fs::write(dist.join("threadline-52f97528136990db_bg.wasm"), "wasm").unwrap();
    std::fs::write(dist.join("embed/threadline-embed.js"), "export {}").unwrap();
    let s = Server::start(&["--dist", dist.to_str().unwrap()]);
    for hashed in ["/threadline-52f97528136990db_bg.wasm", "/embed/threadline-embed.js?v=52f97528136990db"] {
        let r = s.get(hashed);
        assert_eq!(
            (r.status, r.header("cache-control")),
            (200, Some("public, max-age=31536000, immutable")),
            "{hashed}"
        );
    }
    for stable in ["/", "/index.html", "/embed/threadline-embed.js"] {
        let r = s.get(stable);
        assert_eq!((r.status, r.header("cache-control")), (200, Some("no-cache")), "{stable}");
        // Asking again while unchanged costs no body.
        let since = r.header("last-modified").expect("Last-Modified").to_owned();
        let again = s.call("GET", stable, &[("if-modified-since", &since)], None);
        assert_eq!((again.status, again.header("cache-control")), (304, Some("no-cache")), "{stable}");
    }
    let missing = s.get("/threadline-0123456789abcdef.js");
    assert_eq!((missing.status, missing.header("cache-control")), (404, None), "a miss is not cached for a year");
    assert_eq!(s.get("/api/comments?thread=x").header("cache-control"), Some("no-cache"), "the API keeps its own");
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn listings_are_gzipped_for_browsers_that_take_gzip() {
    let s = Server::start(&[]);
    let path = format!("/api/comments?thread={}&limit=20", enc(THREAD));
    let (plain, plain_bytes) = s.get_bytes(&path, &[("accept-encoding", "identity")]);
    let (gz, gz_bytes) = s.get_bytes(&path, &[("accept-encoding", "gzip, deflate, br, zstd")]);
    assert_eq!((plain.status, plain.header("content-encoding")), (200, None));
    assert_eq!((gz.status, gz.header("content-encoding")), (200, Some("gzip")));
    for r in [&plain, &gz] {
        assert_eq!(r.header("vary"), Some("accept-encoding"), "caches must keep the two apart");
    }
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz_bytes[..]), &mut unzipped).unwrap();
    assert_eq!(unzipped, plain_bytes, "the same listing");
    assert!(gz_bytes.len() * 2 < plain_bytes.len(), "{} vs {} bytes", gz_bytes.len(), plain_bytes.len());
    // Two representations, two ETags; each revalidates as itself.
    let (plain_tag, gz_tag) = (plain.header("etag").unwrap(), gz.header("etag").unwrap());
    assert_ne!(plain_tag, gz_tag);
    let again = s.call("GET", &path, &[("accept-encoding", "gzip"), ("if-none-match", gz_tag)], None);
    assert_eq!((again.status, again.header("vary")), (304, Some("accept-encoding")));
    let other = s.get_bytes(&path, &[("accept-encoding", "gzip"), ("if-none-match", plain_tag)]).0;
    assert_eq!((other.status, other.header("content-encoding")), (200, Some("gzip")));
    // Refused with q=0, or not named: as it is.
    for accept in ["gzip;q=0", "br", "gzip ; q=0.0, identity"] {
        let (r, bytes) = s.get_bytes(&path, &[("accept-encoding", accept)]);
        assert_eq!((r.status, r.header("content-encoding"), bytes), (200, None, plain_bytes.clone()), "{accept}");
    }
}

#[test]
fn many_changes_are_gzipped_a_few_are_not() {
    let s = Server::start(&["--rate-limit-per-minute", "1000"]);
    let cursor = s.list("t/g")["cursor"].as_str().unwrap().to_owned();
    s.post_ok("t/g", None, "Ani", "The first change.");
    let path = format!("/api/comments?thread=t/g&since={cursor}");
    let (few, _) = s.get_bytes(&path, &[("accept-encoding", "gzip")]);
    assert_eq!((few.status, few.header("content-encoding"), few.header("vary")), (200, None, Some("accept-encoding")));
    for i in 0..9 {
        s.post_ok("t/g", None, "Ani", &format!("Change number {i}, with a few words to it."));
    }
    let (plain, plain_bytes) = s.get_bytes(&path, &[]);
    let (many, gz_bytes) = s.get_bytes(&path, &[("accept-encoding", "gzip")]);
    assert_eq!((plain.status, plain.header("content-encoding")), (200, None));
    assert_eq!((many.status, many.header("content-encoding")), (200, Some("gzip")));
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz_bytes[..]), &mut unzipped).unwrap();
    assert_eq!(unzipped, plain_bytes);
    let etag = many.header("etag").unwrap();
    assert_ne!(Some(etag), plain.header("etag"));
    let again = s.call("GET", &path, &[("accept-encoding", "gzip"), ("if-none-match", etag)], None);
    assert_eq!((again.status, again.header("vary")), (304, Some("accept-encoding")));
}

#[test]
fn a_build_s_compressed_copies_go_to_browsers_that_accept_them() {
    let dist = temp_dir("dist-compressed");
    std::fs::create_dir_all(&dist).unwrap();
    let wasm = dist.join("threadline-52f97528136990db_bg.wasm");
    // The server picks a copy by name; what is in it is the build's business.
    std::fs::write(&wasm, "the wasm as built").unwrap();
    std::fs::write(dist.join("threadline-52f97528136990db_bg.wasm.br"), "its brotli copy").unwrap();
    std::fs::write(dist.join("threadline-52f97528136990db_bg.wasm.gz"), "its gzip copy").unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html> no copies").unwrap();
    let s = Server::start(&["--dist", dist.to_str().unwrap()]);
    let path = "/threadline-52f97528136990db_bg.wasm";
    for (accept, encoding, body) in [
        ("br, gzip", Some("br"), "its brotli copy"),
        ("gzip", Some("gzip"), "its gzip copy"),
        ("identity", None, "the wasm as built"),
    ] {
        let r = s.call("GET", path, &[("accept-encoding", accept)], None);
        assert_eq!((r.status, r.header("content-encoding"), r.body.as_str()), (200, encoding, body), "{accept}");
        assert_eq!(r.header("vary"), Some("accept-encoding"), "caches must keep the copies apart");
        assert_eq!(r.header("cache-control"), Some("public, max-age=31536000, immutable"), "{accept}");
    }
    // A file without copies goes as it is, whatever the browser accepts.
    let page = s.call("GET", "/", &[("accept-encoding", "br, gzip")], None);
    assert_eq!(
        (page.status, page.header("content-encoding"), page.body.as_str()),
        (200, None, "<!doctype html> no copies")
    );
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn sigterm_stops_cleanly_and_seed_is_not_reimported() {
    let mut s = Server::start(&[]);
    s.post_ok(THREAD, Some("3"), "A", "kept");
    let (dir, db) = (s.dir.clone(), s.db.clone());
    s.remove_dir = false; // the restart below reuses it
    let status = s.stop();
    assert!(status.success(), "{status:?}");
    let again = Server::start_on(dir, db, &[]);
    assert_eq!(again.list(THREAD)["total"], 16);
}
