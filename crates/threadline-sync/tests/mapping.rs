//! Each preset against answers shaped as the real software sends them, plus
//! the malformed answers and descriptions a site owner can end up with.

use serde_json::{json, Value};
use threadline_core::{CommentId, NewComment};
use threadline_sync::description::BackendDescription;
use threadline_sync::time::parse_rfc3339;
use threadline_sync::{build_create_body, expand_url, parse_created, parse_list, preset, MappingError};

fn recorded(name: &str) -> Value {
    let path = format!("{}/tests/recorded/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn draft(parent: Option<&str>) -> NewComment {
    NewComment {
        parent: parent.map(CommentId::from),
        author: "Ani".into(),
        body: "Hello".into(),
        idempotency_key: "k-1".into(),
        confirm: false,
    }
}

#[test]
fn isso_nested_html_answer_flattens_with_parents() {
    let d = preset("isso", "http://127.0.0.1:8081").unwrap();
    let p = parse_list(&d, &recorded("isso-list.json")).unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let ids: Vec<_> = p.comments.iter().map(|c| (c.id.as_str(), c.parent.as_ref().map(|p| p.as_str()))).collect();
    assert_eq!(ids, [("1", None), ("2", Some("1")), ("3", Some("1"))]);
    // The HTML is kept as sent; the view's allow-list turns it into nodes.
    assert_eq!(
        p.comments[0].body,
        "<p>Russia acts for its own interest &amp; nobody else&#39;s.</p>\n<p>Second paragraph.</p>"
    );
    assert_eq!(p.comments[0].format, threadline_core::BodyFormat::Html);
    assert_eq!(p.comments[0].created_ms, Some(1_700_000_000_123));
    assert_eq!(p.comments[0].likes, 2);
    assert!(p.comments[2].deleted && !p.comments[1].deleted);
    assert_eq!(p.comments[2].author, "");
}

#[test]
fn remark42_tree_reads_wrapped_comments() {
    let d = preset("remark42", "http://127.0.0.1:8082").unwrap();
    let p = parse_list(&d, &recorded("remark42-tree.json")).unwrap();
    let shape: Vec<_> =
        p.comments.iter().map(|c| (c.id.0.clone(), c.parent.clone().map(|p| p.0), c.author.clone())).collect();
    assert_eq!(
        shape,
        [
            ("c1".into(), None, "Ani".into()),
            ("c2".into(), Some("c1".into()), "Bo".into()),
            ("c3".into(), Some("c2".into()), "".into())
        ]
    );
    assert_eq!(p.comments[0].created_ms, Some(1_714_550_400_500));
    assert!(p.comments[2].deleted);
}

#[test]
fn json_server_flat_list_and_create() {
    let d = preset("json-server", "http://127.0.0.1:3000/").unwrap();
    let answer = json!([
        {"id": 1, "thread": "/a", "parentId": null, "author": "Ani", "body": "Top", "createdAt": 1700000000000i64},
        {"id": 2, "thread": "/a", "parentId": 1, "author": "Bo", "body": "Reply", "createdAt": 1700000001000i64}
    ]);
    let p = parse_list(&d, &answer).unwrap();
    assert_eq!(p.comments[1].parent, Some("1".into()));
    let body = build_create_body(&d, "/a", &draft(Some("1")), 42);
    assert_eq!(
        body,
        json!({"thread": "/a", "parentId": "1", "author": "Ani", "body": "Hello", "createdAt": 42, "likes": 0})
    );
    let created = parse_created(
        &d,
        &json!({"id": 7, "thread": "/a", "parentId": "1", "author": "Ani", "body": "Hello", "createdAt": 42}),
        &draft(Some("1")),
    )
    .unwrap();
    assert_eq!((created.id.as_str(), created.parent.unwrap().as_str()), ("7", "1"));
    assert_eq!(
        expand_url(&d.list.url, &d.base, &[("thread", "/2014/05/a b?c")]).unwrap(),
        "http://127.0.0.1:3000/comments?thread=%2F2014%2F05%2Fa%20b%3Fc"
    );
}

#[test]
fn threadline_preset_round_trip() {
    let d = preset("threadline", "").unwrap();
    let body = build_create_body(&d, "t", &draft(None), 0);
    assert_eq!(
        body,
        json!({"thread": "t", "parent": null, "author": "Ani", "body": "Hello", "idempotency_key": "k-1", "confirm": false})
    );
    let answer = json!({"comment": {"id": "x1", "parent": null, "author": "Ani", "body": "Hello", "created_ms": 5, "likes": 0, "deleted": false}, "owner_token": "s"});
    let created = parse_created(&d, &answer, &draft(None)).unwrap();
    assert_eq!((created.id.as_str(), created.held), ("x1", false));
    // The 202 for a comment the policy held for a moderator.
    let mut held = answer.clone();
    held["comment"]["held"] = json!(true);
    assert!(parse_created(&d, &held, &draft(None)).unwrap().held);
    assert_eq!(expand_url(&d.list.url, &d.base, &[("thread", "a/b")]).unwrap(), "/api/comments?thread=a%2Fb");
}

#[test]
fn isso_create_sends_numeric_parent() {
    let d = preset("isso", "http://h").unwrap();
    assert_eq!(build_create_body(&d, "/a", &draft(Some("12")), 0)["parent"], json!(12));
    assert_eq!(build_create_body(&d, "/a", &draft(None), 0)["parent"], Value::Null);
    // Isso with moderation on answers a new comment with mode 2 (pending).
    let pending = json!({"id": 3, "parent": null, "author": "Ani", "text": "<p>Hi</p>", "created": 1.5, "mode": 2});
    assert!(parse_created(&d, &pending, &draft(None)).unwrap().held);
    let public = json!({"id": 4, "parent": null, "author": "Ani", "text": "<p>Hi</p>", "created": 1.5, "mode": 1});
    assert!(!parse_created(&d, &public, &draft(None)).unwrap().held);
}

#[test]
fn malformed_answers_are_clear_errors_or_warnings_never_panics() {
    let d = preset("threadline", "").unwrap();
    assert_eq!(
        parse_list(&d, &json!({"comments": {"a": 1}})),
        Err(MappingError::WrongType { pointer: "/comments".into(), expected: "an array", found: "an object" })
    );
    let missing = parse_list(&d, &json!({"items": []})).unwrap_err();
    assert_eq!(missing.to_string(), "the answer has no list of comments at \"/comments\"");
    let p = parse_list(
        &d,
        &json!({"comments": [
            {"id": "ok", "author": "A", "body": "fine", "created_ms": 1},
            {"author": "no id"},
            "a string",
            {"id": 3.5e300, "author": ["x"], "body": {"html": 1}, "created_ms": "NaN", "likes": -5},
            {"id": "late", "author": "B", "body": "b", "created_ms": 1e300}
        ]}),
    )
    .unwrap();
    let ids: Vec<_> = p.comments.iter().map(|c| c.id.0.clone()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(p.comments[1].likes, 0);
    assert_eq!(p.comments[2].created_ms, None);
    assert_eq!(p.warnings.len(), 6, "{:#?}", p.warnings);
    // A time that is a deep list or a long text is named, not quoted whole.
    let mut deep = json!(1);
    for _ in 0..900 {
        deep = json!([deep]);
    }
    let odd = parse_list(
        &d,
        &json!({"comments": [
            {"id": "a", "author": "A", "body": "b", "created_ms": deep},
            {"id": "b", "author": "A", "body": "b", "created_ms": "x".repeat(100_000)}
        ]}),
    )
    .unwrap();
    assert!(odd.warnings[0].contains("creation time an array is not a time"), "{}", odd.warnings[0]);
    assert!(odd.warnings[1].len() < 200, "{}", odd.warnings[1]);
    let nested = preset("isso", "").unwrap();
    let bad_replies =
        parse_list(&nested, &json!({"replies": [{"id": 1, "author": "A", "text": "x", "replies": "nope"}]})).unwrap();
    assert_eq!(bad_replies.comments.len(), 1);
    assert!(bad_replies.warnings[0].contains("not a list"));
}

#[test]
fn deep_nesting_within_json_limits_is_walked_without_recursion() {
    // The walk itself; answers nested far deeper come through `json::read`
    // (tests/json.rs) and 10,000 levels are walked in fuzz_mapping.rs.
    let d = preset("isso", "").unwrap();
    let mut v = json!({"id": 0, "author": "a", "text": "t"});
    for i in 1..60 {
        v = json!({"id": i, "author": "a", "text": "t", "replies": [v]});
    }
    let p = parse_list(&d, &json!({"replies": [v]})).unwrap();
    assert_eq!(p.comments.len(), 60);
    assert_eq!(p.comments[59].parent, Some("1".into()));
}

#[test]
fn descriptions_with_mistakes_say_what_is_wrong() {
    let base = preset("threadline", "").unwrap();
    let mut v = serde_json::to_value(&base).unwrap();
    v["fields"]["body"] = json!("body");
    let e = BackendDescription::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("fields.body") && e.contains("JSON pointer"), "{e}");
    let mut v = serde_json::to_value(&base).unwrap();
    v["list"]["url"] = json!("{base}/x?t={thred}");
    assert!(BackendDescription::from_json(&v.to_string())
        .unwrap_err()
        .to_string()
        .contains("unknown placeholder {thred}"));
    let mut v = serde_json::to_value(&base).unwrap();
    v["coments"] = json!("/x");
    assert!(BackendDescription::from_json(&v.to_string()).unwrap_err().to_string().contains("unknown field `coments`"));
    let mut v = serde_json::to_value(&base).unwrap();
    v["fields"].as_object_mut().unwrap().remove("parent");
    assert!(BackendDescription::from_json(&v.to_string()).unwrap_err().to_string().contains("fields.parent"));
    assert!(preset("disqus", "").unwrap_err().to_string().contains("known: threadline, json-server, isso, remark42"));
    assert!(BackendDescription::from_json("{").is_err());
    // Each mistake a site owner can make, refused when the description is read.
    let refused = |change: &dyn Fn(&mut serde_json::Value), says: &str| {
        let mut v = serde_json::to_value(&base).unwrap();
        change(&mut v);
        let e = BackendDescription::from_json(&v.to_string()).unwrap_err().to_string();
        assert!(e.contains(says), "expected {says:?} in {e:?}");
    };
    refused(&|v| v["fields"]["id"] = json!(""), "fields.id, fields.author and fields.body must point inside");
    refused(&|v| v["create_body"] = json!("text"), "create_body must be a JSON object");
    refused(&|v| v["edit_body"] = json!([1]), "edit_body and delete_body must be JSON objects");
    refused(&|v| v["delete_body"] = json!("gone"), "edit_body and delete_body must be JSON objects");
    refused(&|v| v["reply_depth"] = json!(0), "reply_depth must be at least 1");
    refused(&|v| v["list"]["url"] = json!("{base}/x?t={thread"), "unclosed '{'");
    // A list request has no comment to name: {id} there could never be filled.
    refused(&|v| v["list"]["url"] = json!("{base}/c/{id}"), "list.url: unknown placeholder {id}");
    refused(&|v| v["create"]["url"] = json!("{base}/c/{id}"), "create.url: unknown placeholder {id}");
    // Longer than a browser timer can wait.
    refused(
        &|v| v["timeout_ms"] = json!(3_000_000_000u32),
        "timeout_ms = 3000000000 is longer than a browser can wait",
    );
    refused(&|v| v["poll_ms"] = json!(3_000_000_000u32), "poll_ms = 3000000000");
    let mut v = serde_json::to_value(&base).unwrap();
    v["poll_ms"] = json!(i32::MAX);
    assert!(BackendDescription::from_json(&v.to_string()).is_ok(), "the longest wait a browser allows is fine");
}

#[test]
fn rfc3339_times() {
    assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(parse_rfc3339("2000-02-29T12:30:15.25+01:30"), Some(951_822_015_250));
    assert_eq!(parse_rfc3339("2024-05-01"), Some(1_714_521_600_000));
    for bad in [
        "",
        "2024-13-01T00:00:00Z",
        "2024-05-01T25:00:00Z",
        "yesterday",
        "2024-05-01T00:00:00+0100",
        "2024-05-01T00:00:00.Z",
        "２０２４-05-01",
    ] {
        assert_eq!(parse_rfc3339(bad), None, "{bad}");
    }
}
