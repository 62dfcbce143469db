use threadline_core::{CommentId, NewComment};
use threadline_sync::outbox::{FIRST_RETRY_MS, MAX_RETRY_MS};
use threadline_sync::Outbox;

fn draft(key: &str) -> NewComment {
    NewComment {
        parent: Some(CommentId::from("7")),
        author: "Ani".into(),
        body: format!("body {key}"),
        idempotency_key: key.into(),
        confirm: false,
    }
}

#[test]
fn pending_comments_survive_a_round_trip_through_storage() {
    let mut o = Outbox::default();
    o.push("t", draft("a"), 100);
    o.push("t", draft("a"), 100);
    o.push("other", draft("b"), 100);
    assert_eq!(o.len(), 2, "the same key is the same comment");
    let back = Outbox::from_json(&o.to_json()).unwrap();
    assert_eq!(back, o);
    assert_eq!(back.due("t", 100), vec![draft("a")]);
    assert!(Outbox::from_json("[oops").unwrap_err().contains("unsent comments could not be read"));
}

#[test]
fn retries_back_off_exponentially_with_jitter_and_cap() {
    let mut o = Outbox::default();
    o.push("t", draft("a"), 0);
    let mut waits = Vec::new();
    for _ in 0..12 {
        o.failed("a", "offline".into(), true, 0, 1.0);
        waits.push(o.get("a").unwrap().next_try_ms);
    }
    assert_eq!(waits[0], FIRST_RETRY_MS);
    assert_eq!(waits[1], 2 * FIRST_RETRY_MS);
    assert_eq!(waits[2], 4 * FIRST_RETRY_MS);
    assert_eq!(*waits.last().unwrap(), MAX_RETRY_MS);
    o.failed("a", "offline".into(), true, 0, 0.0);
    assert_eq!(o.get("a").unwrap().next_try_ms, MAX_RETRY_MS / 2, "jitter spreads over the upper half");
    o.failed("a", "offline".into(), true, 0, f64::NAN);
    assert!(o.due("t", 0).is_empty());
    assert_eq!(o.due("t", MAX_RETRY_MS).len(), 1);
}

#[test]
fn a_refusal_sticks_until_the_reader_edits_and_the_key_is_kept() {
    let mut o = Outbox::default();
    o.push("t", draft("a"), 0);
    o.failed("a", "refused".into(), false, 0, 0.5);
    assert!(o.due("t", i64::MAX).is_empty());
    assert_eq!(o.next_due("t"), None);
    let mut edited = draft("zzz");
    edited.body = "better words".into();
    o.retry_now("a", 5, Some(edited));
    let due = o.due("t", 5);
    assert_eq!((due[0].body.as_str(), due[0].idempotency_key.as_str()), ("better words", "a"));
    assert_eq!(o.sent("a").unwrap().attempts, 1);
    assert!(o.is_empty());
    assert_eq!(o.sent("a"), None);
}
