//! Reading a backend description from JSON: what each field defaults to, and
//! what a site owner is told for each kind of mistake.

use serde_json::{json, Value};
use threadline_sync::description::{Credentials, TimeFormat};
use threadline_sync::{preset, BackendDescription};

fn minimal() -> Value {
    json!({
        "name": "mine",
        "list": {"url": "{base}/c?t={thread}"},
        "create": {"url": "{base}/c", "method": "POST"},
        "fields": {"id": "/id", "parent": "/parent", "author": "/author", "body": "/body"},
        "create_body": {"body": "{body}"}
    })
}

fn says(v: &Value) -> String {
    BackendDescription::from_json(&v.to_string()).unwrap_err().to_string()
}

#[test]
fn every_preset_reads_back_as_written() {
    for name in threadline_sync::presets::names() {
        let d = preset(name, "").unwrap();
        let again = BackendDescription::from_json(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(again, d, "{name}");
    }
}

#[test]
fn what_is_left_out_takes_its_default() {
    let mut v = minimal();
    v["stream"] = json!({"url": "{base}/s?t={thread}"});
    v["edit"] = Value::Null;
    let d = BackendDescription::from_json(&v.to_string()).unwrap();
    assert_eq!(d.list.method, "GET");
    assert!(d.list.headers.is_empty());
    assert_eq!(d.create.method, "POST");
    assert_eq!((d.base.as_str(), d.comments.as_str(), d.item.as_str(), d.created.as_str()), ("", "", "", ""));
    assert_eq!(d.credentials, Credentials::SameOrigin);
    assert_eq!(d.time_format, TimeFormat::Iso8601);
    assert!(d.body_format.is_text());
    assert_eq!((d.timeout_ms, d.poll_ms), (15_000, 30_000));
    assert_eq!(d.edit_body, json!({"body": "{body}"}));
    assert_eq!(d.stream.unwrap().event, "comment");
    assert!(d.edit.is_none() && d.paging.is_none() && d.fields.deleted.is_none());
}

#[test]
fn each_mistake_is_named_with_where_it_is() {
    let refused = |change: &dyn Fn(&mut Value), expected: &str| {
        let mut v = minimal();
        change(&mut v);
        let e = says(&v);
        assert!(e.contains(expected), "expected {expected:?} in {e:?}");
    };
    refused(&|v| drop(v.as_object_mut().unwrap().remove("name")), "missing field `name`");
    refused(&|v| drop(v.as_object_mut().unwrap().remove("list")), "missing field `list`");
    refused(&|v| drop(v.as_object_mut().unwrap().remove("create_body")), "missing field `create_body`");
    refused(&|v| drop(v["fields"].as_object_mut().unwrap().remove("author")), "missing field `fields.author`");
    refused(&|v| v["list"] = json!("{base}/c"), "list must be an object, not a string");
    refused(&|v| v["list"]["headers"] = json!({"X-Key": 1}), "list.headers.X-Key must be a string, not a number");
    refused(&|v| v["fields"]["colour"] = json!("/c"), "unknown field `colour` in fields");
    refused(&|v| v["fields"]["deleted"] = json!({"pointer": "/d", "is": 1}), "unknown field `is` in fields.deleted");
    refused(&|v| v["name"] = json!(7), "name must be a string, not a number");
    refused(&|v| v["poll_ms"] = json!("soon"), "poll_ms must be a whole number from 0 to 4294967295, not \"soon\"");
    refused(&|v| v["timeout_ms"] = json!(-1), "timeout_ms must be a whole number");
    refused(&|v| v["timeout_ms"] = json!(1.5), "timeout_ms must be a whole number");
    refused(&|v| v["credentials"] = json!("all"), "credentials = \"all\" is not one of omit, same-origin, include");
    refused(&|v| v["time_format"] = json!("unix"), "is not one of iso8601, unix_seconds, unix_millis");
    refused(&|v| v["body_format"] = json!("bbcode"), "is not one of text, markdown, html");
    refused(
        &|v| {
            v["paging"] = json!({"size": 10, "limit_param": "l", "offset_param": "o", "next": "/n", "top_level": "yes"})
        },
        "paging.top_level must be true or false, not a string",
    );
    refused(
        &|v| v["paging"] = json!({"limit_param": "l", "offset_param": "o", "next": "/n"}),
        "missing field `paging.size`",
    );
    // The first mistake is the one told.
    refused(
        &|v| {
            v["name"] = json!(1);
            v["zzz"] = json!(1);
        },
        "name must be a string",
    );
    assert_eq!(says(&json!([1])), "backend description: the description must be an object, not an array");
    assert!(says(&json!("x")).contains("must be an object"));
}
