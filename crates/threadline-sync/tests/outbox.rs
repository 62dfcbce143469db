use threadline_core::{BodyFormat, Comment, CommentId, NewComment};
use threadline_sync::outbox::{same_comment, CLOCK_SLACK_MS, FIRST_RETRY_MS, MAX_RETRY_MS};
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
    o.push("t", draft("a"), 100, []);
    o.push("t", draft("a"), 100, []);
    o.push("other", draft("b"), 100, []);
    assert_eq!(o.len(), 2, "the same key is the same comment");
    let back = Outbox::from_json(&o.to_json()).unwrap();
    assert_eq!(back, o);
    assert_eq!(back.due("t", 100), vec![draft("a")]);
    assert!(Outbox::from_json("[oops").unwrap_err().contains("unsent comments could not be read"));
}

#[test]
fn retries_back_off_exponentially_with_jitter_and_cap() {
    let mut o = Outbox::default();
    o.push("t", draft("a"), 0, []);
    let mut waits = Vec::new();
    for _ in 0..12 {
        o.failed("a", "offline".into(), true, false, 0, 1.0);
        waits.push(o.get("a").unwrap().next_try_ms);
    }
    assert_eq!(waits[0], FIRST_RETRY_MS);
    assert_eq!(waits[1], 2 * FIRST_RETRY_MS);
    assert_eq!(waits[2], 4 * FIRST_RETRY_MS);
    assert_eq!(*waits.last().unwrap(), MAX_RETRY_MS);
    o.failed("a", "offline".into(), true, false, 0, 0.0);
    assert_eq!(o.get("a").unwrap().next_try_ms, MAX_RETRY_MS / 2, "jitter spreads over the upper half");
    o.failed("a", "offline".into(), true, false, 0, f64::NAN);
    assert!(o.due("t", 0).is_empty());
    assert_eq!(o.due("t", MAX_RETRY_MS).len(), 1);
    // The timer is armed for it, unless it is on its way (its answer decides).
    assert_eq!(o.next_due("t", |_| false), Some(o.get("a").unwrap().next_try_ms));
    assert_eq!(o.next_due("t", |key| key == "a"), None);
    assert_eq!(o.next_due("other thread", |_| false), None);
}

#[test]
fn a_refusal_sticks_until_the_reader_edits_and_the_key_is_kept() {
    let mut o = Outbox::default();
    o.push("t", draft("a"), 0, []);
    o.failed("a", "refused".into(), false, false, 0, 0.5);
    assert!(o.due("t", i64::MAX).is_empty());
    assert_eq!(o.next_due("t", |_| false), None);
    let mut edited = draft("zzz");
    edited.body = "better words".into();
    o.retry_now("a", 5, Some(edited));
    let due = o.due("t", 5);
    assert_eq!((due[0].body.as_str(), due[0].idempotency_key.as_str()), ("better words", "a"));
    assert_eq!(o.sent("a").unwrap().attempts, 1);
    assert!(o.is_empty());
    assert_eq!(o.sent("a"), None);
}

#[test]
fn a_nudge_is_kept_across_a_reload_until_the_reader_posts_anyway() {
    let mut o = Outbox::default();
    o.push("t", draft("a"), 0, []);
    o.failed("a", "are you sure?".into(), false, true, 0, 0.5);
    let mut back = Outbox::from_json(&o.to_json()).unwrap();
    let p = back.get("a").unwrap();
    assert!(p.nudged && p.stuck, "{p:?}");
    assert!(back.due("t", i64::MAX).is_empty(), "not sent again unasked");
    back.retry_now("a", 5, Some(NewComment { confirm: true, ..draft("a") }));
    assert!(!back.get("a").unwrap().nudged);
    assert!(back.due("t", 5)[0].confirm);
    // Outboxes written before nudges were kept still read.
    let old = r#"{"pending":[{"thread":"t","draft":{"parent":null,"author":"A","body":"b","idempotency_key":"k"},
        "attempts":1,"next_try_ms":0,"last_error":"x"}]}"#;
    assert!(!Outbox::from_json(old).unwrap().get("k").unwrap().nudged);
}

/// A comment as a backend lists it.
fn listed(parent: &str, author: &str, body: &str, format: BodyFormat, created_ms: Option<i64>) -> Comment {
    Comment {
        id: CommentId::from("s-1"),
        parent: Some(CommentId::from(parent)),
        author: author.into(),
        body: body.into(),
        format,
        created_ms,
        ..Comment::default()
    }
}

#[test]
fn a_failed_post_that_was_stored_after_all_is_recognised_when_listed() {
    let mut o = Outbox::default();
    let mut d = draft("k");
    d.body = "It is *not* over.\n\nSecond  paragraph.".into();
    o.push("t", d, 1_000_000, []);
    let stored_html =
        listed("7", "Ani ", "<p>It is <em>not</em> over.</p><p>Second paragraph.</p>", BodyFormat::Html, None);
    assert_eq!(o.landed("t", &stored_html), None, "never tried yet: nothing can have landed");
    o.failed("k", "timed out".into(), true, false, 1_000_000, 0.5);
    assert_eq!(o.landed("t", &stored_html), Some("k"), "Isso stores the markdown as HTML");
    let stored_raw = listed("7", "Ani", "It is *not* over.\n\nSecond  paragraph.", BodyFormat::Markdown, Some(999_000));
    assert_eq!(o.landed("t", &stored_raw), Some("k"), "json-server keeps it as written");
    for other in [
        listed("8", "Ani", "It is *not* over.\n\nSecond paragraph.", BodyFormat::Markdown, None),
        listed("7", "Bo", "It is *not* over.\n\nSecond paragraph.", BodyFormat::Markdown, None),
        listed("7", "Ani", "It is over.", BodyFormat::Markdown, None),
        // The same words posted long before this post was first tried.
        listed(
            "7",
            "Ani",
            "It is *not* over.\n\nSecond paragraph.",
            BodyFormat::Markdown,
            Some(1_000_000 - CLOCK_SLACK_MS - 1),
        ),
    ] {
        assert_eq!(o.landed("t", &other), None, "{other:?}");
    }
    assert_eq!(o.landed("another thread", &stored_raw), None);
    o.failed("k", "refused".into(), false, false, 1_000_000, 0.5);
    assert_eq!(o.landed("t", &stored_raw), None, "a refused post was not stored");
}

#[test]
fn an_outbox_saved_before_first_try_times_still_reads_and_matches() {
    let old = r#"{"pending":[{"thread":"t","draft":{"parent":"7","author":"Ani","body":"Hi","idempotency_key":"k","confirm":false},"attempts":2,"next_try_ms":5,"last_error":"x"}]}"#;
    let o = Outbox::from_json(old).unwrap();
    assert_eq!(o.get("k").unwrap().first_try_ms, None);
    assert_eq!(o.landed("t", &listed("7", "Ani", "Hi", BodyFormat::Text, Some(1))), Some("k"));
}

#[test]
fn a_comment_that_already_said_the_same_is_never_taken_for_the_new_post() {
    let mut o = Outbox::default();
    let mut earlier = listed("7", "Ani", "body k", BodyFormat::Markdown, Some(999_999));
    earlier.id = CommentId::from("old-1");
    let elsewhere = listed("9", "Ani", "body k", BodyFormat::Markdown, Some(999_999));
    o.push("t", draft("k"), 1_000_000, [&earlier, &elsewhere]);
    assert_eq!(o.get("k").unwrap().twins, vec!["old-1".to_string()]);
    o.failed("k", "timed out".into(), true, false, 1_000_000, 0.5);
    assert_eq!(o.landed("t", &earlier), None, "the earlier comment is not this post");
    let new = listed("7", "Ani", "body k", BodyFormat::Markdown, Some(1_000_050));
    assert_eq!(o.landed("t", &new), Some("k"));
    assert_eq!(Outbox::from_json(&o.to_json()).unwrap(), o, "twins are kept with the post");
}

/// Random posts and listed comments (few authors, parents and words, so that
/// near-misses are common): a comment is taken for a post only if it has the
/// post's parent, author and words, is no older than the first try, and was
/// not already shown; never for a post that was not tried or was refused.
#[test]
fn a_listed_comment_is_never_taken_for_a_post_it_is_not() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let word = || prop::sample::select(vec!["yes", "*yes*", "no", "Yes", "  yes ", "<b>yes</b>", "yes no"]);
    let who = || prop::sample::select(vec!["Ani", "Ani ", "Bo"]);
    let parent = || prop::sample::select(vec![None, Some("7"), Some("8")]);
    let format = prop::sample::select(vec![BodyFormat::Text, BodyFormat::Markdown, BodyFormat::Html]);
    let post = (parent(), who(), word(), 0u32..3, any::<bool>());
    let shown_comment = (parent(), who(), word(), format, prop::option::of(-2i64..3), any::<bool>());
    let mut runner = TestRunner::new_with_rng(
        Config { cases: 4096, failure_persistence: None, ..Config::default() },
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let outcome = runner.run(&(post, shown_comment), |((p, a, w, attempts, refused), (lp, la, lw, lf, age, shown))| {
        let now = 1_000_000_000;
        let draft = NewComment {
            parent: p.map(CommentId::from),
            author: a.into(),
            body: w.into(),
            idempotency_key: "k".into(),
            confirm: false,
        };
        let created = age.map(|steps| now + steps * CLOCK_SLACK_MS);
        let mut c = listed(lp.unwrap_or("7"), la, lw, lf, created);
        c.parent = lp.map(CommentId::from);
        let mut o = Outbox::default();
        o.push("t", draft.clone(), now, if shown { vec![&c] } else { vec![] });
        for _ in 0..attempts {
            o.failed("k", "x".into(), !refused, false, now, 0.5);
        }
        let taken = o.landed("t", &c).is_some();
        let twin = o.get("k").unwrap().twins.contains(&c.id.as_str().to_owned());
        let same_place = draft.parent == c.parent && draft.author.trim() == c.author.trim();
        if taken {
            prop_assert!(attempts > 0 && !refused, "untried or refused post taken");
            prop_assert!(same_place, "taken across parents or authors: {draft:?} / {c:?}");
            prop_assert!(!twin, "an already shown comment taken");
            prop_assert!(created.is_none_or(|t| t >= now - CLOCK_SLACK_MS), "an older comment taken");
        } else if attempts > 0 && !refused && same_place && !twin && lw == w && lf == BodyFormat::Markdown {
            prop_assert!(created.is_some_and(|t| t < now - CLOCK_SLACK_MS), "its own stored copy missed: {c:?}");
        }
        Ok(())
    });
    outcome.unwrap();
}

#[test]
fn a_stream_copy_of_a_comment_being_sent_is_recognised_whatever_its_formatting() {
    let ours = listed("7", "Ani", "Well *said*, truly.", BodyFormat::Markdown, None);
    let same = [
        listed("7", "Ani", "Well *said*, truly.", BodyFormat::Markdown, Some(1)),
        listed("7", " Ani ", "<p>Well <em>said</em>,\n truly.</p>", BodyFormat::Html, Some(1)),
    ];
    for c in &same {
        assert!(same_comment(&ours, c), "{c:?}");
    }
    let other = [
        listed("8", "Ani", "Well *said*, truly.", BodyFormat::Markdown, Some(1)),
        listed("7", "Anna", "Well *said*, truly.", BodyFormat::Markdown, Some(1)),
        listed("7", "Ani", "Well said, truly!", BodyFormat::Markdown, Some(1)),
    ];
    for c in &other {
        assert!(!same_comment(&ours, c), "{c:?}");
    }
}

/// The outbox is read by field lookups (`threadline_core::fields`), not by
/// serde's derive: whatever the derive reads, these read the same, and a
/// mistake says where it is.
#[test]
fn an_outbox_reads_as_the_derive_reads_it() {
    let mut o = Outbox::default();
    o.push("t", draft("a"), 100, [&listed("7", "Ani", "body a", BodyFormat::Text, Some(5))]);
    o.failed("a", "offline".into(), true, true, 0, 0.5);
    o.push("u", NewComment { parent: None, confirm: true, ..draft("b") }, 200, []);
    o.failed("b", "refused".into(), false, false, 0, 0.5);
    let json = o.to_json();
    assert!(
        json.contains("\"nudged\":true") && json.contains("\"twins\"") && json.contains("\"stuck\":true"),
        "{json}"
    );
    assert_eq!(Outbox::from_json(&json), Ok(serde_json::from_str::<Outbox>(&json).unwrap()));
    assert_eq!(Outbox::from_json(&json), Ok(o));
    let old = r#"{"pending":[{"thread":"t","draft":{"parent":null,"author":"A","body":"b","idempotency_key":"k"},
                  "attempts":2,"next_try_ms":9,"last_error":null}]}"#;
    assert_eq!(Outbox::from_json(old), Ok(serde_json::from_str::<Outbox>(old).unwrap()));
    let wrong = |json: &str| Outbox::from_json(json).unwrap_err();
    assert_eq!(
        wrong(&old.replace(r#""author":"A""#, r#""author":1"#)),
        "unsent comments could not be read (pending[0].draft.author must be a string, not a number)"
    );
    assert!(wrong(&old.replace(r#""attempts":2,"#, "")).ends_with("(missing field `pending[0].attempts`)"));
    assert!(wrong(r#"{"pending":{}}"#).ends_with("(pending must be a list, not an object)"));
    assert!(wrong("[]").ends_with("(the outbox must be an object, not an array)"));
}

#[test]
fn a_backends_wait_and_the_connection_coming_back_set_the_next_try() {
    let mut o = Outbox::default();
    o.push("t", draft("a"), 0, []);
    for _ in 0..6 {
        o.failed("a", "wait 20 s".into(), true, false, 0, 0.5);
    }
    // Its word, not the backoff of six failures (a minute and more).
    o.not_before("a", 20_000);
    assert!(o.due("t", 19_999).is_empty(), "not before the backend's wait is over");
    assert_eq!(o.due("t", 20_000).len(), 1);
    // Backing off for minutes after many failures: online again, it is due at once.
    for _ in 0..8 {
        o.failed("a", "offline".into(), true, false, 0, 0.5);
    }
    assert!(o.due("t", 1_000).is_empty());
    o.wake("t", 1_000);
    assert_eq!(o.due("t", 1_000).len(), 1);
    // A refusal stays where it is: only the reader can change it.
    o.failed("a", "refused".into(), false, false, 0, 0.5);
    o.wake("t", 2_000);
    assert!(o.due("t", 2_000).is_empty());
}
