//! The whole labelled corpus against the Asbarez policy.

use threadline_policy::corpus::{parse_cases, rates, score};
use threadline_policy::{Outcome, Policy};

const CASES: &str = include_str!("../corpus/cases.jsonl");

#[test]
fn corpus_is_large_and_labelled() {
    let cases = parse_cases(CASES).expect("corpus parses");
    assert!(cases.len() >= 300, "only {} cases", cases.len());
    assert!(cases.iter().all(|c| c.label == "allow" || c.label == "flag"));
    assert!(cases.iter().all(|c| ["en", "ru", "hy"].contains(&c.lang.as_str())));
    let seed = cases.iter().filter(|c| c.category == "seed").count();
    assert_eq!(seed, 15, "every published seed comment is in the corpus");
    for lang in ["ru", "hy"] {
        for label in ["allow", "flag"] {
            assert!(cases.iter().any(|c| c.lang == lang && c.label == label), "{lang}/{label} missing");
        }
    }
}

#[test]
fn corpus_recall_and_false_flags() {
    let cases = parse_cases(CASES).expect("corpus parses");
    let scored = score(&Policy::asbarez(), &cases);
    let (recall, false_flag) = rates(&scored);
    let wrong: Vec<String> = scored
        .iter()
        .filter(|s| !s.correct())
        .map(|s| format!("[{}] {:?} -> {:?} {:?}", s.case.label, s.case.text, s.outcome, s.rules))
        .collect();
    assert!(recall >= 0.95, "recall {recall:.3}; misclassified:\n{}", wrong.join("\n"));
    assert!(false_flag <= 0.02, "false-flag rate {false_flag:.3}; misclassified:\n{}", wrong.join("\n"));
}

#[test]
fn no_seed_comment_is_blocked_or_nudged() {
    let cases = parse_cases(CASES).expect("corpus parses");
    for s in score(&Policy::asbarez(), &cases).iter().filter(|s| s.case.category == "seed") {
        assert!(
            !matches!(s.outcome, Outcome::Block | Outcome::Nudge),
            "seed comment by {} got {:?} {:?}",
            s.case.author,
            s.outcome,
            s.rules
        );
    }
}
