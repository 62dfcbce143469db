//! `/api/moderation` against the real server process: held comments
//! approved or rejected, any comment deleted, readers blocked and let back.

mod common;
use common::*;
use serde_json::{json, Value};

const TOKEN: &str = "moderator-secret-0123456789";

fn moderator(s: &Server, method: &str, path: &str) -> Resp {
    s.call(method, path, &[("authorization", &format!("Bearer {TOKEN}"))], None)
}

/// Posts as browser `client`; answers the response.
fn post_as(s: &Server, client: &str, thread: &str, body: &str) -> Resp {
    let b = json!({"thread": thread, "author": "Reader", "body": body}).to_string();
    s.call("POST", "/api/comments", &[("content-type", "application/json"), ("x-client-id", client)], Some(&b))
}

/// Posts as browser `client` from address `addr`, as a trusted proxy
/// (`--trust-proxy 127.0.0.1`) tells it.
fn post_from(s: &Server, client: &str, addr: &str, body: &str) -> Resp {
    let b = json!({"thread": "t/b", "author": "Reader", "body": body}).to_string();
    let h = [("content-type", "application/json"), ("x-client-id", client), ("x-forwarded-for", addr)];
    s.call("POST", "/api/comments", &h, Some(&b))
}

fn held_ids(s: &Server) -> Vec<String> {
    let v: Value = moderator(s, "GET", "/api/moderation/held").json();
    v["comments"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn moderation_is_off_without_a_token_and_needs_the_token_with_one() {
    let off = Server::start(&[]);
    let msg = moderator(&off, "GET", "/api/moderation/held").error(404, "not_found");
    assert!(msg.contains("--moderator-token"), "{msg}");

    let s = Server::start(&["--moderator-token", TOKEN]);
    s.get("/api/moderation/held").error(401, "unauthorized");
    let wrong = [("authorization", "Bearer moderator-secret-0123456780")];
    s.call("GET", "/api/moderation/held", &wrong, None).error(401, "unauthorized");
    s.call("POST", "/api/moderation/comments/1/approve", &wrong, None).error(401, "unauthorized");
    assert_eq!(moderator(&s, "GET", "/api/moderation/held").json(), json!({"comments": []}));
}

#[test]
fn a_held_comment_is_listed_for_the_moderator_then_approved_or_rejected() {
    let s = Server::start(&["--moderator-token", TOKEN]);
    let links = "Sources: http://a.example http://b.example http://c.example";
    let first = post_as(&s, "r1", "t/m", links);
    assert_eq!(first.status, 202, "{}", first.body);
    let first = first.json()["comment"]["id"].as_str().unwrap().to_owned();
    let second =
        post_as(&s, "r2", "t/m", &format!("{links} again")).json()["comment"]["id"].as_str().unwrap().to_owned();
    let listing = moderator(&s, "GET", "/api/moderation/held").json();
    assert_eq!(held_ids(&s), [first.clone(), second.clone()]);
    let c = &listing["comments"][0];
    assert_eq!((&c["thread"], &c["body"], &c["held"]), (&json!("t/m"), &json!(links), &json!(true)));
    assert_eq!((&c["blockable"], &c["blocked"]), (&json!(true), &json!(false)));
    let cursor = s.list("t/m")["cursor"].as_str().unwrap().to_owned();
    assert_eq!(s.list("t/m")["total"], 0);

    // Approved: listed, and brought to readers who poll for changes.
    let r = moderator(&s, "POST", &format!("/api/moderation/comments/{first}/approve"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["comment"]["id"], first.as_str());
    assert!(r.json()["comment"].get("held").is_none(), "{}", r.body);
    assert_eq!(ids(&s.list("t/m")), [first.as_str()]);
    let changes = s.get(&format!("/api/comments?thread=t/m&since={cursor}")).json();
    assert_eq!(ids(&changes), [first.as_str()]);

    // Rejected: gone for good, never listed.
    assert_eq!(moderator(&s, "POST", &format!("/api/moderation/comments/{second}/reject")).status, 204);
    assert!(held_ids(&s).is_empty());
    assert_eq!(ids(&s.list("t/m")), [first.as_str()]);

    // Neither can be approved or rejected again; an unknown id is not found.
    for (id, action) in [(&first, "approve"), (&second, "approve"), (&second, "reject"), (&"nope".to_owned(), "reject")]
    {
        moderator(&s, "POST", &format!("/api/moderation/comments/{id}/{action}")).error(404, "not_found");
    }
}

#[test]
fn a_moderator_deletes_any_comment_as_its_author_could() {
    let s = Server::start(&["--moderator-token", TOKEN]);
    // Seed comment 7 has replies: it stays as a placeholder. Comment 1 has none: it goes.
    assert_eq!(moderator(&s, "DELETE", "/api/moderation/comments/7").status, 204);
    assert_eq!(moderator(&s, "DELETE", "/api/moderation/comments/1").status, 204);
    let v = s.list(THREAD);
    let seven = v["comments"].as_array().unwrap().iter().find(|c| c["id"] == "7").unwrap();
    assert_eq!((seven["deleted"].clone(), seven["body"].clone()), (json!(true), json!("")));
    assert!(!ids(&v).contains(&"1".to_owned()));
    assert_eq!(v["total"], 14);
    moderator(&s, "DELETE", "/api/moderation/comments/7").error(404, "not_found");
    moderator(&s, "DELETE", "/api/moderation/comments/unknown").error(404, "not_found");
}

#[test]
fn a_blocked_reader_cannot_post_edit_or_like_until_let_back() {
    let s = Server::start(&["--moderator-token", TOKEN, "--trust-proxy", "127.0.0.1"]);
    const TROLL: &str = "203.0.113.66";
    let r = post_from(&s, "troll", TROLL, "A first comment.");
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["comment"]["id"].as_str().unwrap().to_owned();
    let token = r.json()["owner_token"].as_str().unwrap().to_owned();
    let r = moderator(&s, "POST", &format!("/api/moderation/comments/{id}/block"));
    assert_eq!((r.status, r.json()), (200, json!({"blocked": true})));

    let msg = post_from(&s, "troll", TROLL, "Another one.").error(403, "blocked");
    assert!(msg.contains("blocked"), "{msg}");
    let troll = |method: &str, path: &str, body: Option<&str>| {
        let h = [
            ("content-type", "application/json"),
            ("x-client-id", "troll"),
            ("x-forwarded-for", TROLL),
            ("x-owner-token", token.as_str()),
        ];
        s.call(method, path, &h, body)
    };
    troll("PATCH", &format!("/api/comments/{id}"), Some(r#"{"body":"Changed."}"#)).error(403, "blocked");
    troll("POST", "/api/comments/1/like", None).error(403, "blocked");
    // Cleared storage, a new browser id: the address is blocked too, and so
    // is a browser id met again from a new address.
    post_from(&s, "troll-in-a-new-browser", TROLL, "I am somebody else.").error(403, "blocked");
    post_from(&s, "troll", "198.51.100.77", "From my phone.").error(403, "blocked");
    // Others are not affected, and the comment itself stays until deleted.
    assert_eq!(post_from(&s, "someone-else", "198.51.100.2", "Unrelated.").status, 201);
    assert_eq!(s.list("t/b")["total"], 2);

    let r = moderator(&s, "DELETE", &format!("/api/moderation/comments/{id}/block"));
    assert_eq!(r.json(), json!({"blocked": false, "was_blocked": true}));
    assert_eq!(post_from(&s, "troll", TROLL, "Back, and polite.").status, 201);
    assert_eq!(post_from(&s, "troll-in-a-new-browser", TROLL, "Me too.").status, 201);

    // Seed comments were imported: nobody to block.
    moderator(&s, "POST", "/api/moderation/comments/1/block").error(422, "invalid");
    moderator(&s, "POST", "/api/moderation/comments/unknown/block").error(404, "not_found");
}

#[test]
fn the_latest_comments_of_every_thread_newest_first_say_who_is_blocked() {
    let s = Server::start(&["--moderator-token", TOKEN, "--trust-proxy", "127.0.0.1"]);
    let post = |client: &str, from: &str, thread: &str, body: &str| {
        let b = json!({"thread": thread, "author": "Reader", "body": body}).to_string();
        let h = [("content-type", "application/json"), ("x-client-id", client), ("x-forwarded-for", from)];
        s.call("POST", "/api/comments", &h, Some(&b)).json()["comment"]["id"].as_str().unwrap().to_owned()
    };
    let a = post("r1", "203.0.113.1", "t/one", "First, in one thread.");
    let b = post("r2", "203.0.113.2", "t/two", "Second, in another.");
    moderator(&s, "POST", &format!("/api/moderation/comments/{a}/block"));
    let v = moderator(&s, "GET", "/api/moderation/recent?limit=3").json();
    let got: Vec<(String, String, bool, bool)> = v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let text = |k: &str| c[k].as_str().unwrap().to_owned();
            (text("id"), text("thread"), c["blockable"].as_bool().unwrap(), c["blocked"].as_bool().unwrap())
        })
        .collect();
    // The seed's last comment comes third: imported, so nobody to block.
    assert_eq!(got[..2], [(b, "t/two".into(), true, false), (a, "t/one".into(), true, true)]);
    assert_eq!((got[2].2, got[2].3), (false, false));
    for bad in ["0", "501", "many"] {
        moderator(&s, "GET", &format!("/api/moderation/recent?limit={bad}")).error(400, "invalid_query");
    }
}

#[test]
fn the_moderation_page_is_served_with_a_strict_policy() {
    let s = Server::start(&[]);
    let page = s.get("/moderate");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Threadline moderation"), "{}", page.body);
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
    for (path, kind) in [("/moderate.js", "text/javascript"), ("/moderate.css", "text/css")] {
        let r = s.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert!(r.header("content-type").unwrap().starts_with(kind), "{path}");
    }
}

#[test]
fn rejecting_an_edit_held_for_review_deletes_it_as_its_author_would() {
    let s = Server::start(&["--moderator-token", TOKEN]);
    let r = post_as(&s, "r1", "t/e", "A fine first version.").json();
    let (a, token) = (r["comment"]["id"].as_str().unwrap().to_owned(), r["owner_token"].as_str().unwrap().to_owned());
    let b = post_as(&s, "r2", "t/e", "A reply.").json()["comment"]["id"].as_str().unwrap().to_owned();
    let reply = json!({"thread": "t/e", "parent": a, "author": "C", "body": "Under it."}).to_string();
    let c =
        s.call("POST", "/api/comments", &[("content-type", "application/json"), ("x-client-id", "r3")], Some(&reply));
    let c = c.json()["comment"]["id"].as_str().unwrap().to_owned();
    let edit = json!({"body": "Now with http://a.example http://b.example http://c.example"}).to_string();
    let h = [("content-type", "application/json"), ("x-client-id", "r1"), ("x-owner-token", token.as_str())];
    assert_eq!(s.call("PATCH", &format!("/api/comments/{a}"), &h, Some(&edit)).status, 202);
    let cursor = s.list("t/e")["cursor"].as_str().unwrap().to_owned();

    assert_eq!(moderator(&s, "POST", &format!("/api/moderation/comments/{a}/reject")).status, 204);
    // Its reply stays under a placeholder, and pages polling for changes hear of it.
    let v = s.list("t/e");
    assert_eq!(ids(&v), [a.clone(), b, c]);
    assert_eq!((&v["comments"][0]["deleted"], &v["comments"][0]["body"]), (&json!(true), &json!("")));
    let changes = s.get(&format!("/api/comments?thread=t/e&since={cursor}")).json();
    assert_eq!(ids(&changes), [a.as_str()]);
    assert!(held_ids(&s).is_empty());
}

#[test]
fn a_block_is_listed_and_can_be_lifted_after_its_comment_is_gone() {
    let s = Server::start(&["--moderator-token", TOKEN]);
    let held = post_as(&s, "spammer", "t/g", "http://a.example http://b.example http://c.example").json()["comment"]
        ["id"]
        .as_str()
        .unwrap()
        .to_owned();
    moderator(&s, "POST", &format!("/api/moderation/comments/{held}/block"));
    assert_eq!(moderator(&s, "POST", &format!("/api/moderation/comments/{held}/reject")).status, 204);
    let v = moderator(&s, "GET", "/api/moderation/blocks").json();
    assert_eq!(v["blocks"][0]["comment_id"], held.as_str());
    assert_eq!(v["blocks"][0]["author"], "Reader", "the author as it was when blocked");
    assert!(v["blocks"][0]["since_ms"].is_i64());
    let r = moderator(&s, "DELETE", &format!("/api/moderation/comments/{held}/block"));
    assert_eq!(r.json(), json!({"blocked": false, "was_blocked": true}));
    assert_eq!(moderator(&s, "GET", "/api/moderation/blocks").json(), json!({"blocks": []}));
    assert_eq!(post_as(&s, "spammer", "t/g", "Sorry.").status, 201);
}

#[test]
fn a_retry_of_a_rejected_post_gets_it_back_deleted_not_held() {
    let s = Server::start(&["--moderator-token", TOKEN]);
    let post = json!({"thread": "t/r", "author": "A", "body": "http://a.example http://b.example http://c.example",
        "idempotency_key": "k-rejected"});
    let first = s.post_json("/api/comments", &post);
    assert_eq!(first.status, 202, "{}", first.body);
    let id = first.json()["comment"]["id"].as_str().unwrap().to_owned();
    moderator(&s, "POST", &format!("/api/moderation/comments/{id}/reject"));
    let again = s.post_json("/api/comments", &post).json();
    assert_eq!((&again["comment"]["id"], &again["comment"]["deleted"]), (&json!(id), &json!(true)));
    assert!(again["comment"].get("held").is_none(), "{again}");
}

#[test]
fn readers_report_a_comment_once_each_and_the_moderator_keeps_or_deletes_it() {
    let s = Server::start(&["--moderator-token", TOKEN, "--trust-proxy", "127.0.0.1"]);
    let address = |client: &str| match client {
        "r1" => "203.0.113.1",
        "troll" => "203.0.113.66",
        _ => "203.0.113.2",
    };
    let report = |client: &str, id: &str| {
        let h = [("x-client-id", client), ("x-forwarded-for", address(client))];
        s.call("POST", &format!("/api/comments/{id}/report"), &h, None)
    };
    // r2 again, and r2 with a new browser id: each is still one reader's report.
    for client in ["r1", "r2", "r2", "r2-new-browser"] {
        let r = report(client, "8");
        assert_eq!((r.status, r.json()), (200, json!({"reported": true})), "{client}");
    }
    assert_eq!(report("r1", "2").status, 200);
    report("r1", "unknown").error(404, "not_found");
    let v = moderator(&s, "GET", "/api/moderation/reported").json();
    let got: Vec<(&str, u64)> = v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["reports"].as_u64().unwrap()))
        .collect();
    assert_eq!(got, [("8", 2), ("2", 1)], "most reports first; one per reader");

    // Kept: its reports are dismissed. Deleted: it leaves the list.
    assert_eq!(moderator(&s, "DELETE", "/api/moderation/comments/8/reports").json(), json!({"dismissed": 2}));
    assert_eq!(moderator(&s, "DELETE", "/api/moderation/comments/2").status, 204);
    assert_eq!(moderator(&s, "GET", "/api/moderation/reported").json(), json!({"comments": []}));
    report("r1", "2").error(404, "not_found");

    // A blocked reader cannot report either.
    let id = post_from(&s, "troll", address("troll"), "Hello.").json()["comment"]["id"].as_str().unwrap().to_owned();
    moderator(&s, "POST", &format!("/api/moderation/comments/{id}/block"));
    report("troll", "8").error(403, "blocked");
}

#[test]
fn a_held_comment_is_shown_to_its_author_alone_until_let_through_or_turned_down() {
    let s = Server::start(&["--moderator-token", TOKEN]);
    let links = "Sources: http://a.example http://b.example http://c.example";
    let posted = |body: &str| {
        let r = post_as(&s, "r1", "t/one", body).json();
        (r["comment"]["id"].as_str().unwrap().to_owned(), r["owner_token"].as_str().unwrap().to_owned())
    };
    let (kept, kept_token) = posted(links);
    let (turned_down, turned_down_token) = posted(&format!("{links} again"));
    let as_author =
        |id: &str, token: &str| s.call("GET", &format!("/api/comments/{id}"), &[("x-owner-token", token)], None);

    // Held: its author sees it, marked; anyone else, or a wrong token, learns nothing.
    let r = as_author(&kept, &kept_token);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!((&r.json()["comment"]["body"], &r.json()["comment"]["held"]), (&json!(links), &json!(true)));
    assert_eq!(r.header("cache-control"), Some("no-store"), "an answer for its author alone is kept by no cache");
    s.get(&format!("/api/comments/{kept}")).error(404, "not_found");
    as_author(&kept, &turned_down_token).error(404, "not_found");

    // Let through: listed, so anyone may read it.
    moderator(&s, "POST", &format!("/api/moderation/comments/{kept}/approve"));
    let r = s.get(&format!("/api/comments/{kept}"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.json()["comment"].get("held").is_none(), "{}", r.body);

    // Turned down: gone, for its author too; so is a comment never posted.
    assert_eq!(moderator(&s, "POST", &format!("/api/moderation/comments/{turned_down}/reject")).status, 204);
    as_author(&turned_down, &turned_down_token).error(404, "not_found");
    s.get("/api/comments/nope").error(404, "not_found");
}

/// A database made before addresses were kept gains the columns when opened;
/// a block made for one of its comments covers its browser id alone (there
/// is no address to cover), and nobody else.
#[test]
fn a_database_from_before_addresses_were_kept_still_blocks_by_browser() {
    let dir = temp_dir("old-db");
    let db = dir.join("db.sqlite");
    let old = rusqlite::Connection::open(&db).unwrap();
    old.execute_batch(
        "CREATE TABLE comments (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, thread TEXT NOT NULL,
           parent TEXT, author TEXT NOT NULL, body TEXT NOT NULL, created_ms INTEGER, edited_ms INTEGER,
           likes INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0,
           held INTEGER NOT NULL DEFAULT 0, owner_token TEXT, client TEXT, idem_key TEXT, change_seq INTEGER NOT NULL);
         CREATE TABLE blocks (client TEXT PRIMARY KEY, comment_id TEXT NOT NULL, author TEXT NOT NULL,
           created_ms INTEGER NOT NULL) WITHOUT ROWID;
         CREATE TABLE reports (comment_id TEXT NOT NULL, client TEXT NOT NULL, created_ms INTEGER NOT NULL,
           PRIMARY KEY (comment_id, client)) WITHOUT ROWID;
         INSERT INTO comments (id, thread, author, body, created_ms, owner_token, client, change_seq)
           VALUES ('old1', 't/b', 'Old', 'Written last year.', 1, 'tok', 'id:old-browser', 1);",
    )
    .unwrap();
    drop(old);
    let s = Server::start_on(dir, db, &["--moderator-token", TOKEN]);
    assert_eq!(moderator(&s, "POST", "/api/moderation/comments/old1/block").status, 200);
    post_as(&s, "old-browser", "t/b", "Still me.").error(403, "blocked");
    assert_eq!(post_as(&s, "another-browser", "t/b", "Not me.").status, 201);
}

/// One browser blocked for comments from two networks has both blocked (a
/// whole IPv6 /64); the moderator sees who else wrote from a blocked address,
/// and lifting through their comment frees that address.
#[test]
fn a_block_covers_every_address_it_was_made_for_and_shows_who_else_it_stops() {
    let s = Server::start(&["--moderator-token", TOKEN, "--trust-proxy", "127.0.0.1"]);
    let id_of = |r: Resp| r.json()["comment"]["id"].as_str().unwrap().to_owned();
    let home = id_of(post_from(&s, "troll", "2001:db8:1:2::5", "From home."));
    let work = id_of(post_from(&s, "troll", "203.0.113.66", "From work."));
    let colleague = id_of(post_from(&s, "colleague", "203.0.113.66", "Hello."));
    for id in [&home, &work] {
        assert_eq!(moderator(&s, "POST", &format!("/api/moderation/comments/{id}/block")).status, 200);
    }
    post_from(&s, "new-browser", "2001:db8:1:2:ffff::1", "Still home.").error(403, "blocked");
    post_from(&s, "new-browser", "203.0.113.66", "Still work.").error(403, "blocked");
    assert_eq!(post_from(&s, "new-browser", "2001:db8:1:3::1", "Next door.").status, 201);

    let blocked = |id: &str| {
        let v = moderator(&s, "GET", "/api/moderation/recent").json();
        let c = v["comments"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap().clone();
        (c["blocked"].clone(), c["blocked_by"].clone())
    };
    assert_eq!(blocked(&colleague), (json!(true), json!("address")), "the colleague's address is blocked");
    assert_eq!(blocked(&work), (json!(true), json!("browser")));
    let r = moderator(&s, "DELETE", &format!("/api/moderation/comments/{colleague}/block"));
    assert_eq!(r.json(), json!({"blocked": false, "was_blocked": true}));
    assert_eq!(post_from(&s, "colleague", "203.0.113.66", "Free again.").status, 201);
    assert_eq!(blocked(&colleague), (json!(false), json!(null)));
    post_from(&s, "troll", "198.51.100.9", "Elsewhere.").error(403, "blocked");
    post_from(&s, "new-browser", "2001:db8:1:2::9", "Home again.").error(403, "blocked");

    moderator(&s, "DELETE", &format!("/api/moderation/comments/{home}/block"));
    assert_eq!(post_from(&s, "troll", "203.0.113.66", "Back.").status, 201);
    assert_eq!(post_from(&s, "new-browser", "2001:db8:1:2::9", "Home again.").status, 201);
}
