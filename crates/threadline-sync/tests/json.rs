//! Answers as text: a nested backend's long reply chain loads (serde_json
//! alone refuses past 128 levels, about 60 comments), one nested past
//! `MAX_DEPTH` is refused with a message that says why, and text that is not
//! JSON says so.

use threadline_core::CommentId;
use threadline_sync::json::{self, JsonError, MAX_DEPTH};
use threadline_sync::{parse_list, preset};

/// A chain `n` comments long in Remark42's tree shape, as the text it sends.
fn remark42_chain(n: usize) -> String {
    let mut s = String::from(r#"{"comments": ["#);
    for i in 0..n {
        s.push_str(&format!(
            r#"{{"comment": {{"id": "c{i}", "user": {{"name": "A"}}, "text": "<p>t</p>"}}, "replies": ["#
        ));
    }
    s.push_str(&"]}".repeat(n));
    s + "]}"
}

/// The same in Isso's shape: replies inside the comment.
fn isso_chain(n: usize) -> String {
    let mut s = String::from(r#"{"replies": ["#);
    for i in 0..n {
        s.push_str(&format!(r#"{{"id": {i}, "author": "A", "text": "t", "replies": ["#));
    }
    s.push_str(&"]}".repeat(n));
    s + "]}"
}

#[test]
fn a_reply_chain_far_past_serde_jsons_limit_loads_in_both_nested_shapes() {
    let n = MAX_DEPTH / 2 - 2;
    assert!(serde_json::from_str::<serde_json::Value>(&remark42_chain(n)).is_err(), "serde_json alone refuses it");
    for (name, text) in [("remark42", remark42_chain(n)), ("isso", isso_chain(n))] {
        let d = preset(name, "http://127.0.0.1:1").unwrap();
        let answer = json::read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let p = parse_list(&d, &answer).unwrap();
        assert_eq!(p.comments.len(), n, "{name}");
        assert!(p.warnings.is_empty(), "{name}: {:?}", p.warnings);
        let last = p.comments.last().unwrap();
        let prefix = if name == "remark42" { "c" } else { "" };
        assert_eq!(last.parent, Some(CommentId(format!("{prefix}{}", n - 2))), "{name}");
    }
}

#[test]
fn nesting_past_the_limit_is_refused_saying_what_the_limit_is() {
    let text = remark42_chain(MAX_DEPTH / 2 + 1);
    let e = json::read(&text).unwrap_err();
    assert_eq!(e, JsonError::TooDeep);
    let message = e.to_string();
    assert!(message.contains(&MAX_DEPTH.to_string()) && message.contains("flat list"), "{message}");
    // Brackets inside strings are text, not nesting.
    let quoted = format!(r#"{{"comments": [], "note": "{}"}}"#, "[{".repeat(MAX_DEPTH));
    assert!(json::read(&quoted).is_ok());
}

#[test]
fn text_that_is_not_json_says_so_with_where() {
    for bad in ["", "{", "[1, 2", "{\"a\": 1} trailing", "<html>502 Bad Gateway</html>", "\"unterminated"] {
        match json::read(bad) {
            Err(JsonError::Invalid(m)) => assert!(m.contains("line"), "{bad:?}: {m}"),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    assert!(json::read("{\"a\": 1} trailing").unwrap_err().to_string().starts_with("not JSON ("));
    let unbalanced = format!("{}{}", "[".repeat(300), "]".repeat(299));
    assert!(matches!(json::read(&unbalanced), Err(JsonError::Invalid(_))));
}

#[test]
fn a_deep_answer_is_dropped_without_recursion() {
    // Parsed on this thread; dropped on one whose stack a recursive drop of
    // this depth would overflow.
    let answer = json::read(&isso_chain(MAX_DEPTH / 2 - 2)).unwrap();
    std::thread::Builder::new().stack_size(32 * 1024).spawn(move || drop(answer)).unwrap().join().unwrap();
}

#[test]
fn an_answer_read_as_bytes_is_the_same_and_bytes_that_are_not_utf8_are_replaced_not_refused() {
    let text = r#"{"comments": [{"id": "1", "body": "Ереван, Երևան — \u00e9"}]}"#;
    assert_eq!(*json::read_bytes(text.as_bytes()).unwrap(), *json::read(text).unwrap());
    // "café" from a backend that sends Latin-1.
    let mut latin1 = br#"{"comments": [{"id": "1", "body": "caf"#.to_vec();
    latin1.extend([0xE9, b'"', b'}', b']', b'}']);
    let answer = json::read_bytes(&latin1).unwrap();
    assert_eq!(answer.pointer("/comments/0/body").and_then(|b| b.as_str()), Some("caf\u{FFFD}"));
    assert!(matches!(json::read_bytes(b"{\"a\": \xE9}"), Err(JsonError::Invalid(_))), "still not JSON");
}
