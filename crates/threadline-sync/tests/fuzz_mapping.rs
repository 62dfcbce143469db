//! Property tests of the JSON mapping, for every preset: answers shaped from
//! the preset's own pointers with wrong types mixed into every field (ids as
//! bools or objects, times of 1e308 or "yesterday", 24-digit numbers, MB-long
//! strings), arbitrary JSON, random bytes through the browser's parse step,
//! 10,000-deep reply nesting, and random drafts through the request templates.
//!
//! Counts: the seed is fixed so CI runs the same cases every time. Each run
//! writes `target/report/fuzz-mapping.json` in the workspace (next to, not
//! inside, whatever CARGO_TARGET_DIR is) so `scripts/report.sh` can print it
//! without `--nocapture`; the same line goes to stderr as `FUZZ-REPORT {...}`.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};
use std::time::Instant;
use threadline_core::{CommentId, NewComment};
use threadline_sync::description::{BackendDescription, TimeFormat};
use threadline_sync::json::dismantle;
use threadline_sync::{build_create_body, parse_created, parse_list, preset, presets};

const SEED: u64 = 0x6d61_7070_696e;
const CASES: u32 = 256;
const SUITE: &str = "mapping";

#[path = "../../threadline-core/tests/support/fuzz_harness.rs"]
mod harness;
use harness::{check, record};

fn presets() -> Vec<(&'static str, BackendDescription)> {
    presets::names().map(|n| (n, preset(n, "http://127.0.0.1:1").unwrap())).collect()
}

// ---- generators

/// What a broken or hostile backend puts where a value should be.
fn wrong() -> BoxedStrategy<Value> {
    let big: Value = serde_json::from_str("123456789012345678901234").unwrap();
    prop::sample::select(vec![
        Value::Null,
        json!(true),
        json!(1e308),
        json!(-1e308),
        json!(-1),
        json!(0.5),
        json!(u64::MAX),
        json!(i64::MIN),
        big,
        json!(""),
        json!("yesterday"),
        json!("2024-13-45T99:00:00Z"),
        json!("NaN"),
        json!("1e400"),
        json!({"a": [1, {"b": null}]}),
        json!([[], {}]),
    ])
    .boxed()
}

fn text() -> BoxedStrategy<Value> {
    prop_oneof![
        24 => ".{0,20}".prop_map(Value::from),
        3 => "[\u{0}-\u{1f}\"\\\\<>&;#x\u{7f}\u{2028}]{0,30}".prop_map(Value::from),
        // Rare: each one costs a debug build milliseconds in every clone, print and parse.
        1 => (any::<char>(), 65_536usize..400_000).prop_map(|(c, n)| Value::from(c.to_string().repeat(n))),
        3 => wrong(),
    ]
    .boxed()
}

fn id_value() -> BoxedStrategy<Value> {
    prop_oneof![4 => (0u32..16).prop_map(Value::from), 4 => (0u32..16).prop_map(|n| json!(format!("c{n}"))), 1 => wrong()]
        .boxed()
}

/// Years 0000..=9999, the range every time format accepts.
const MIN_MS: i64 = -62_167_219_200_000;
const MAX_MS: i64 = 253_402_300_799_999;

/// A good time in the preset's format (with the milliseconds it stands for), or garbage.
fn time_value(format: TimeFormat) -> BoxedStrategy<(Value, Option<i64>)> {
    let good = (MIN_MS..=MAX_MS).prop_map(move |ms| match format {
        TimeFormat::Iso8601 => (Value::from(iso(ms)), Some(ms)),
        TimeFormat::UnixSeconds => (Value::from(ms.div_euclid(1000)), Some(ms.div_euclid(1000) * 1000)),
        TimeFormat::UnixMillis => (Value::from(ms), Some(ms)),
    });
    prop_oneof![3 => good, 1 => wrong().prop_map(|v| (v, None))].boxed()
}

/// RFC 3339 in UTC, from days since the epoch (H. Hinnant's civil_from_days).
fn iso(ms: i64) -> String {
    let (days, rem) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let z = days + 719_468;
    let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097));
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let (d, m) = (doy - (153 * mp + 2) / 5 + 1, if mp < 10 { mp + 3 } else { mp - 9 });
    let y = yoe + era * 400 + i64::from(m <= 2);
    let (h, min, s, milli) = (rem / 3_600_000, rem / 60_000 % 60, rem / 1000 % 60, rem % 1000);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
}

/// Writes `v` at an RFC 6901 pointer, making objects along the way.
fn set_at(root: &mut Value, pointer: &str, v: Value) {
    if pointer.is_empty() {
        *root = v;
        return;
    }
    let mut cur = root;
    for part in pointer[1..].split('/') {
        let key = part.replace("~1", "/").replace("~0", "~");
        if !cur.is_object() {
            *cur = json!({});
        }
        cur = cur.as_object_mut().unwrap().entry(key).or_insert(Value::Null);
    }
    *cur = v;
}

/// One comment's fields: (pointer, value) pairs, plus the time the created value stands for.
type Fields = (Vec<(String, Value)>, Option<i64>);

fn fields(d: &BackendDescription) -> BoxedStrategy<Fields> {
    let f = d.fields.clone();
    let opt = |p: &Option<String>| p.clone().unwrap_or_default();
    let deleted = f.deleted.as_ref().map(|x| x.pointer.clone()).unwrap_or_default();
    let parent = prop_oneof![3 => id_value(), 1 => Just(Value::Null)];
    let likes = prop_oneof![(0u32..100).prop_map(Value::from), wrong()];
    let flag = prop_oneof![any::<bool>().prop_map(Value::from), (0i64..6).prop_map(Value::from), wrong()];
    let (ptrs, format) =
        ([f.id, opt(&f.parent), f.author, f.body, opt(&f.likes), deleted, opt(&f.website)], d.time_format);
    let edited = opt(&f.edited);
    let created = opt(&f.created);
    (id_value(), parent, text(), text(), likes, flag, text(), time_value(format), time_value(format))
        .prop_map(move |(id, parent, author, body, likes, del, site, (c, ms), (e, _))| {
            let values = [id, parent, author, body, likes, del, site];
            let mut out: Vec<(String, Value)> = ptrs.iter().cloned().zip(values).collect();
            out.extend([(created.clone(), c), (edited.clone(), e)]);
            out.retain(|(p, _)| !p.is_empty());
            (out, if created.is_empty() { None } else { ms })
        })
        .boxed()
}

/// A list answer in the preset's shape (nesting included), or arbitrary JSON.
fn answer(d: &BackendDescription) -> BoxedStrategy<Value> {
    let d = d.clone();
    let entry = (fields(&d), any::<Option<usize>>(), prop::bool::weighted(0.05), prop::option::weighted(0.05, wrong()));
    let shaped = prop::collection::vec(entry, 0..20).prop_map(move |entries| {
        let n = entries.len();
        let mut built: Vec<Option<Value>> = Vec::with_capacity(n);
        let mut parent_of = Vec::with_capacity(n);
        for (i, ((fields, ms), parent, _, junk)) in entries.iter().enumerate() {
            let mut c = json!({});
            fields.iter().for_each(|(p, v)| set_at(&mut c, p, v.clone()));
            if let Some(ms) = ms {
                c["__ms"] = json!(ms); // the oracle's note; no preset reads it
            }
            let mut e = json!({});
            set_at(&mut e, &d.item, c);
            built.push(Some(junk.clone().unwrap_or(e)));
            parent_of.push(parent.filter(|_| i > 0 && d.children.is_some()).map(|p| p % i));
        }
        // Children have higher indices than parents: build from the last up.
        let mut kids: Vec<Vec<Value>> = vec![Vec::new(); n];
        for i in (0..n).rev() {
            let mut e = built[i].take().unwrap();
            if let (Some(ptr), true) = (&d.children, e.is_object()) {
                let mine: Vec<Value> = std::mem::take(&mut kids[i]).into_iter().rev().collect();
                set_at(&mut e, ptr, if entries[i].2 { json!("nope") } else { Value::Array(mine) });
            }
            match parent_of[i] {
                Some(p) => kids[p].push(e),
                None => built[i] = Some(e),
            }
        }
        let mut doc = json!({});
        set_at(&mut doc, &d.comments, Value::Array(built.into_iter().flatten().collect()));
        doc
    });
    let leaf = prop_oneof![wrong(), text(), id_value()];
    let arbitrary = leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z/~]{0,6}|id|replies|comments|comment|text|body", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    prop_oneof![6 => shaped, 1 => arbitrary].boxed()
}

// ---- the oracle: what parse_list promises, read straight off the input

fn id_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

struct Expected<'a> {
    comments: Vec<(String, Option<String>, &'a Value)>,
    skipped: usize,
    bad_replies: usize,
}

/// Every entry is a comment or one "skipped" warning; every replies value that
/// is not a list is one warning. None: there is no list at all.
fn expect<'a>(d: &BackendDescription, answer: &'a Value) -> Option<Expected<'a>> {
    let top = answer.pointer(&d.comments)?.as_array()?;
    let mut x = Expected { comments: Vec::new(), skipped: 0, bad_replies: 0 };
    let mut stack: Vec<(&Value, Option<String>)> = top.iter().rev().map(|v| (v, None)).collect();
    while let Some((entry, nest)) = stack.pop() {
        let c = entry.pointer(&d.item).filter(|c| c.is_object());
        let id = c.and_then(|c| id_of(c.pointer(&d.fields.id)));
        match (c, &id) {
            (Some(c), Some(id)) => {
                // Nesting names the parent; the parent field counts only outside it.
                let field = || d.fields.parent.as_ref().and_then(|p| id_of(c.pointer(p)));
                x.comments.push((id.clone(), nest.or_else(field), c));
            }
            _ => x.skipped += 1,
        }
        match d.children.as_ref().and_then(|p| entry.pointer(p)) {
            None | Some(Value::Null) => {}
            Some(Value::Array(kids)) => stack.extend(kids.iter().rev().map(|k| (k, id.clone()))),
            Some(_) => x.bad_replies += 1,
        }
    }
    Some(x)
}

/// `notes`: the answer is as generated, so its `__ms` notes still tell the time.
fn check_list(d: &BackendDescription, answer: &Value, notes: bool) -> Result<(), TestCaseError> {
    let got = parse_list(d, answer);
    let Some(want) = expect(d, answer) else {
        let e = got.err().ok_or_else(|| TestCaseError::fail("no list, yet Ok"))?.to_string();
        prop_assert!(e.contains(&format!("{:?}", d.comments)), "error names where the list should be: {}", e);
        return Ok(());
    };
    let p = got.map_err(|e| TestCaseError::fail(format!("a list, yet Err: {e}")))?;
    let count = |s: &str| p.warnings.iter().filter(|w| w.contains(s)).count();
    prop_assert!(p.warnings.iter().all(|w| !w.is_empty()));
    prop_assert_eq!(count("skipped"), want.skipped, "every unusable entry reported once");
    prop_assert_eq!(p.skipped, want.skipped, "and counted, for the reader");
    prop_assert_eq!(count("not a list"), want.bad_replies);
    prop_assert_eq!(p.comments.len(), want.comments.len(), "every usable entry returned");
    for (c, (id, parent, src)) in p.comments.iter().zip(&want.comments) {
        prop_assert_eq!(&c.id.0, id);
        prop_assert_eq!(c.parent.as_ref().map(|p| &p.0), parent.as_ref());
        prop_assert_eq!(c.format, d.body_format);
        let warned = |what: &str| p.warnings.iter().any(|w| w.starts_with(&format!("comment {id}: {what}")));
        for (ptr, got, what) in [(&d.fields.author, &c.author, "author"), (&d.fields.body, &c.body, "body")] {
            match src.pointer(ptr) {
                Some(Value::String(s)) => prop_assert_eq!(got, s),
                None | Some(Value::Null) => prop_assert_eq!(got, ""),
                Some(_) => prop_assert!(got.is_empty() && warned(what), "wrong {} type reported", what),
            }
        }
        let raw = d.fields.created.as_ref().and_then(|p| src.pointer(p)).filter(|v| !v.is_null());
        match (src.get("__ms").and_then(Value::as_i64).filter(|_| notes), c.created_ms) {
            (Some(ms), got) => prop_assert_eq!(got, Some(ms), "time {:?}", raw),
            (None, Some(ms)) => prop_assert!((MIN_MS..=MAX_MS).contains(&ms), "{} is years 0..9999", ms),
            (None, None) => prop_assert!(raw.is_none() || warned("creation time"), "bad time reported"),
        }
        let likes = d.fields.likes.as_ref().and_then(|p| src.pointer(p)).and_then(Value::as_f64);
        prop_assert_eq!(c.likes, likes.filter(|n| n.is_finite() && *n > 0.0).map_or(0, |n| n as u32));
    }
    Ok(())
}

fn draft() -> impl Strategy<Value = NewComment> {
    let parent = prop::option::of(prop_oneof!["[0-9]{1,24}", "-?[0-9]{1,3}", ".{0,12}"]);
    (parent, text(), text(), ".{0,40}", any::<bool>()).prop_map(|(parent, author, body, key, confirm)| NewComment {
        parent: parent.map(CommentId),
        author: author.as_str().unwrap_or("\"},{").to_owned(),
        body: body.as_str().unwrap_or("\u{0}\\\"").to_owned(),
        idempotency_key: key,
        confirm,
    })
}

// ---- properties

#[test]
fn list_answers_for_every_preset() {
    for (name, d) in presets() {
        check(format!("list-{name}"), answer(&d), |a| check_list(&d, &a, true));
    }
}

#[test]
fn created_answers_for_every_preset() {
    for (name, d) in presets() {
        let created = prop_oneof![fields(&d).prop_map(|(f, _)| f), Just(Vec::new())];
        let base = prop_oneof![3 => Just(json!({})), 1 => wrong()];
        check(format!("created-{name}"), (base, created, draft()), |(mut a, f, draft)| {
            f.into_iter().for_each(|(p, v)| set_at(&mut a, &format!("{}{p}", d.created), v));
            match parse_created(&d, &a, &draft) {
                Err(e) => prop_assert!(!e.to_string().is_empty()),
                Ok(c) => {
                    prop_assert!(!c.id.0.is_empty());
                    prop_assert!(c.parent.is_some() || draft.parent.is_none(), "a reply stays a reply");
                }
            }
            Ok(())
        });
    }
}

/// What the browser does with an answer's text (`answer` in src/backend/http.rs):
/// serde_json, then the mapping. Bytes are random or a valid answer cut and patched.
#[test]
fn answer_text_from_random_bytes() {
    let all = presets();
    let valid = answer(&all[0].1).prop_map(|v| v.to_string().into_bytes());
    let cut = (valid, any::<usize>(), prop::collection::vec(any::<u8>(), 0..4)).prop_map(|(mut b, at, patch)| {
        let at = if b.is_empty() { 0 } else { at % b.len() };
        b.splice(at..(at + patch.len()).min(b.len()), patch);
        b
    });
    let bytes = prop_oneof![prop::collection::vec(any::<u8>(), 0..300), cut];
    check("answer-text", bytes, |b| {
        let text = String::from_utf8_lossy(&b);
        match serde_json::from_str::<Value>(&text) {
            Err(e) => prop_assert!(!e.to_string().is_empty()),
            Ok(v) => {
                for (_, d) in &all {
                    check_list(d, &v, false)?;
                }
            }
        }
        Ok(())
    });
}

#[test]
fn request_bodies_are_json_whatever_the_draft() {
    for (name, d) in presets() {
        check(format!("create-body-{name}"), (draft(), any::<i64>()), |(draft, now)| {
            let body = build_create_body(&d, "/thread?\"x\"", &draft, now);
            prop_assert!(body.is_object());
            let text = body.to_string();
            let back = serde_json::from_str::<Value>(&text).ok();
            prop_assert_eq!(back.as_ref(), Some(&body), "round trip");
            // Every filled slot carries the draft exactly, whatever it contains.
            let mut template = vec![(String::new(), &d.create_body)];
            while let Some((at, v)) = template.pop() {
                match v {
                    Value::Object(m) => template.extend(m.iter().map(|(k, v)| (format!("{at}/{k}"), v))),
                    Value::String(s) => {
                        let got = &body.pointer(&at);
                        match s.as_str() {
                            "{author}" => prop_assert_eq!(got, &Some(&json!(draft.author))),
                            "{body}" => prop_assert_eq!(got, &Some(&json!(draft.body))),
                            "{parent}" => prop_assert_eq!(*got, Some(&json!(draft.parent.as_ref().map(|p| &p.0)))),
                            "{parent_number}" => {
                                let n = draft.parent.as_ref().and_then(|p| p.0.parse::<i64>().ok());
                                prop_assert_eq!(*got, Some(&json!(n)));
                            }
                            "{now_ms}" => prop_assert_eq!(got, &Some(&json!(now))),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Ok(())
        });
    }
}

/// 10,000 levels of replies for each nested preset, walked on a 256 KB stack.
/// As text, serde_json alone refuses anything past 128 levels; `json::read`
/// reads up to its own bound (tests/json.rs).
#[test]
fn ten_thousand_deep_replies() {
    const DEPTH: usize = 10_000;
    for (name, d) in presets() {
        let Some(children) = d.children.clone() else { continue };
        let start = Instant::now();
        let mut doc = Value::Null;
        for i in (0..DEPTH).rev() {
            let mut c = json!({});
            set_at(&mut c, &d.fields.id, json!(i));
            set_at(&mut c, &d.fields.body, json!("b"));
            let mut e = json!({});
            set_at(&mut e, &d.item, c);
            set_at(&mut e, &children, Value::Array(if doc.is_null() { vec![] } else { vec![doc] }));
            doc = e;
        }
        let mut answer = json!({});
        set_at(&mut answer, &d.comments, Value::Array(vec![doc]));
        let (d2, walked) = (d.clone(), std::sync::Arc::new(answer));
        let a = walked.clone();
        let outcome = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || parse_list(&d2, &a).map(|p| (p.comments.len(), p.comments.last().cloned(), p.warnings)))
            .unwrap()
            .join();
        let text = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
        let refused = serde_json::from_str::<Value>(&text).map_err(|e| e.to_string());
        dismantle(std::sync::Arc::try_unwrap(walked).unwrap());
        record(format!("deep-{name}"), [1, u64::from(outcome.is_err()), 0, start.elapsed().as_millis() as u64]);
        let (n, last, warnings) = outcome.expect("no panic").expect("a list");
        assert_eq!((n, warnings), (DEPTH, Vec::<String>::new()));
        assert_eq!(last.unwrap().parent, Some(CommentId((DEPTH - 2).to_string())));
        assert!(refused.unwrap_err().contains("recursion limit"));
    }
}
