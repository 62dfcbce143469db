//! `threadline_core::fields` reads what serde's derives write, as the derives
//! would read it: the widget keeps its outbox, held comments and own store in
//! storage written by `Serialize` and read back by these lookups.

use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use threadline_core::fields::{self, read_list, read_object, Obj};
use threadline_core::{BodyFormat, CollapseState, Comment, CommentId, NewComment};

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["", "[a-zа-яա-ֆ \"\\\\\n]{0,12}", ".{0,8}"]
}

fn comment() -> impl Strategy<Value = Comment> {
    let ids = (text(), proptest::option::of(text()));
    let words =
        (text(), text(), prop_oneof![Just(BodyFormat::Text), Just(BodyFormat::Markdown), Just(BodyFormat::Html)]);
    let times = (proptest::option::of(any::<i64>()), proptest::option::of(any::<i64>()), any::<u32>());
    let marks = (any::<bool>(), any::<bool>(), proptest::option::of(text()), proptest::option::of(text()));
    (ids, words, times, marks).prop_map(
        |((id, parent), (author, body, format), (created_ms, edited_ms, likes), (deleted, held, website, avatar))| {
            Comment {
                id: CommentId(id),
                parent: parent.map(CommentId),
                author,
                body,
                format,
                created_ms,
                edited_ms,
                likes,
                deleted,
                held,
                website,
                avatar,
            }
        },
    )
}

fn one_comment(json: &str) -> Result<Comment, String> {
    read_list(&format!("[{json}]"), "comments", fields::comment).map(|mut v| v.remove(0))
}

proptest! {
    #[test]
    fn every_comment_reads_back_as_written(c in comment()) {
        let json = serde_json::to_string(&c).unwrap();
        prop_assert_eq!(one_comment(&json), Ok(c));
    }

    #[test]
    fn every_draft_reads_back_as_written(parent in proptest::option::of(text()), author in text(), body in text(),
                                         key in text(), confirm in any::<bool>()) {
        let d = NewComment { parent: parent.map(CommentId), author, body, idempotency_key: key, confirm };
        let json = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(read_object(&json, "the draft", fields::new_comment), Ok(d));
    }

    /// Fields left out, null, or of the wrong kind: where serde's derive reads
    /// a comment, this reads the same one; where it refuses, so does this,
    /// except a null in a field that has a default (the default is read).
    #[test]
    fn comments_are_read_as_the_derive_reads_them(c in comment(), changes in proptest::collection::vec(0..20u8, 12)) {
        let Value::Object(mut map) = serde_json::to_value(&c).unwrap() else { unreachable!() };
        let names: Vec<String> = map.keys().cloned().collect();
        let mut null_only_in_defaulted = true;
        // Most fields as written; each of the others left out, null or wrong.
        for (name, change) in names.iter().zip(changes) {
            match change {
                0 => drop(map.remove(name)),
                1 => {
                    map.insert(name.clone(), Value::Null);
                    null_only_in_defaulted &= !matches!(name.as_str(), "id" | "author" | "body");
                }
                2 => drop(map.insert(name.clone(), json!([1]))),
                _ => {}
            }
        }
        let json = Value::Object(map).to_string();
        let derived = serde_json::from_str::<Comment>(&json);
        let ours = one_comment(&json);
        match derived {
            Ok(d) => prop_assert_eq!(ours, Ok(d)),
            Err(_) if ours.is_ok() => prop_assert!(null_only_in_defaulted && json.contains("null"), "{json}"),
            Err(_) => {}
        }
    }
}

#[test]
fn unknown_fields_of_a_stored_comment_are_ignored() {
    let c = one_comment(r#"{"id":"1","author":"Ani","body":"Hi","mood":"calm","format":"markdown"}"#).unwrap();
    assert_eq!((c.id.as_str(), c.format, c.likes, c.parent), ("1", BodyFormat::Markdown, 0, None));
}

#[test]
fn mistakes_say_where_they_are() {
    let wrong = |json: &str| one_comment(json).unwrap_err();
    assert_eq!(wrong(r#"{"author":"A","body":"b"}"#), "missing field `[0].id`");
    assert_eq!(wrong(r#"{"id":"1","author":7,"body":"b"}"#), "[0].author must be a string, not a number");
    assert_eq!(
        wrong(r#"{"id":"1","author":"A","body":"b","likes":-1}"#),
        "[0].likes must be a whole number from 0 to 4294967295, not -1"
    );
    assert_eq!(
        wrong(r#"{"id":"1","author":"A","body":"b","created_ms":1.5}"#),
        "[0].created_ms must be a whole number, not 1.5"
    );
    assert_eq!(
        wrong(r#"{"id":"1","author":"A","body":"b","format":"rtf"}"#),
        r#"[0].format = "rtf" is not one of text, markdown, html"#
    );
    assert_eq!(one_comment("7").unwrap_err(), "[0] must be an object, not a number");
    assert_eq!(
        read_list("{}", "held comments", fields::comment).unwrap_err(),
        "held comments must be a list, not an object"
    );
    assert!(read_list("[{", "held comments", fields::comment).unwrap_err().contains("EOF"));
    // The first mistake is the one told, however many follow.
    let two = r#"[{"id":"1","author":"A","body":"b"},{"id":2},{"id":[]}]"#;
    assert_eq!(read_list(two, "comments", fields::comment).unwrap_err(), "[1].id must be a string, not a number");
}

#[test]
fn a_shape_that_takes_no_more_refuses_what_it_did_not_take() {
    let read = |json: &str| {
        read_object(json, "the settings", |mut o: Obj| {
            let top = o.size("top");
            let dark = o.opt_flag("dark");
            o.done();
            (top, dark)
        })
    };
    assert_eq!(read(r#"{"top":5,"dark":null}"#), Ok((Some(5), None)));
    assert_eq!(read(r#"{"top":5,"colour":"red"}"#).unwrap_err(), "unknown field `colour`, expected one of top, dark");
    assert_eq!(read("[]").unwrap_err(), "the settings must be an object, not an array");
    assert_eq!(read(r#"{"dark":"yes"}"#).unwrap_err(), "dark must be true or false, not a string");
}

#[test]
fn maps_and_id_sets_read_as_written() {
    let ids: BTreeSet<CommentId> = ["1", "b", "ш"].into_iter().map(CommentId::from).collect();
    assert_eq!(fields::read_ids(&serde_json::to_string(&ids).unwrap()), Ok(ids.clone()));
    assert_eq!(fields::read_ids(r#"["1",2]"#).unwrap_err(), "[1] must be a string, not a number");
    let state = CollapseState::from_json(r#"["1","b","ш"]"#).unwrap();
    assert!(ids.iter().all(|id| state.is_collapsed(id)));
    assert!(CollapseState::from_json(r#"{"1":true}"#).unwrap_err().contains("must be a list"));
    let owned = read_object(r#"{"1":"secret","2":"other"}"#, "owned", |o| o.strings()).unwrap();
    assert_eq!(owned.get("2").map(String::as_str), Some("other"));
    assert_eq!(read_object(r#"{"1":3}"#, "owned", |o| o.strings()).unwrap_err(), "1 must be a string, not a number");
    let likes = fields::read_map(r#"{"1":3,"2":0}"#, "likes").unwrap();
    assert_eq!(likes.get("1"), Some(&json!(3)));
    assert_eq!(fields::read_map("[3]", "likes").unwrap_err(), "likes must be an object, not an array");
}

#[test]
fn body_format_names_are_the_ones_serde_writes() {
    for (name, format) in threadline_core::BodyFormat::NAMES {
        assert_eq!(serde_json::to_value(format).unwrap(), serde_json::json!(name));
    }
}
