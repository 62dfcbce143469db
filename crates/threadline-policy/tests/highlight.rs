use threadline_policy::highlight::{segments, Segment};
use threadline_policy::{Action, CheckContext, Draft, Finding, Messages, Policy};

fn finding(start: usize, end: usize, action: Action) -> Finding {
    let m = String::new();
    Finding { rule: "x".into(), action, start, end, message: Messages { en: m.clone(), hy: m.clone(), ru: m } }
}

#[test]
fn pieces_cover_the_text_exactly_and_merge_overlaps() {
    let text = "aa bb cc dd";
    let s = segments(text, &[finding(3, 5, Action::Nudge), finding(4, 8, Action::Block)]);
    assert_eq!(
        s,
        [
            Segment { start: 0, end: 3, action: None },
            Segment { start: 3, end: 8, action: Some(Action::Block) },
            Segment { start: 8, end: 11, action: None }
        ]
    );
}

#[test]
fn bad_offsets_are_clamped_never_panic() {
    let text = "ժամ ok";
    let s =
        segments(text, &[finding(1, 3, Action::Block), finding(5, 999, Action::Hold), finding(9, 2, Action::Block)]);
    let rebuilt: String = s.iter().map(|p| &text[p.start..p.end]).collect();
    assert_eq!(rebuilt, text);
}

#[test]
fn a_real_finding_marks_the_offending_word() {
    let text = "Thanks. You are an idiot, and this is f.u.c.k.i.n.g sad.";
    let v = Policy::asbarez().check(&Draft { text, author: "Ani" }, &CheckContext::default());
    let marked: Vec<&str> =
        segments(text, &v.findings).iter().filter(|p| p.action.is_some()).map(|p| &text[p.start..p.end]).collect();
    assert!(!marked.is_empty(), "{v:?}");
    assert!(marked.iter().any(|m| m.contains("idiot")), "{marked:?}");
    assert!(marked.iter().any(|m| m.contains("f.u.c.k")), "{marked:?}");
}

/// An insult that is the whole draft is still marked (it was not when a
/// whole-text span over 40 bytes was taken for a finding about the draft);
/// a finding about the draft itself never paints it.
#[test]
fn words_that_are_the_whole_draft_are_marked_a_cooldown_is_not() {
    for text in ["you are an idiot \u{1f600}\u{1f600} you are an idiot", "\u{1d4ce}\u{1d45c}\u{1d4ca} \u{1d4b6}\u{1d4c7}\u{1d452} \u{1d4b6}\u{1d4c3} \u{1d4be}\u{1d4b9}\u{1d4be}\u{1d45c}\u{1d4c9}"] {
        let v = Policy::asbarez().check(&Draft { text, author: "Ani" }, &CheckContext::default());
        assert!(segments(text, &v.findings).iter().any(|p| p.action.is_some()), "{text}: {v:?}");
    }
    let text = "A perfectly civil comment that is long enough to be over forty bytes.";
    let ctx = CheckContext { now_ms: Some(10_000), last_post_ms: Some(9_000), ..CheckContext::default() };
    let v = Policy::asbarez().check(&Draft { text, author: "Ani" }, &ctx);
    assert!(v.findings.iter().any(|f| f.rule == "cooldown"), "{v:?}");
    assert!(segments(text, &v.findings).iter().all(|p| p.action.is_none()));
}
