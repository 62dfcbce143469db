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
