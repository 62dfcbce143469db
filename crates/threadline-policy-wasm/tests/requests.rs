//! The module's calls and answers, natively (in the browser:
//! tests/e2e/policy.test.mjs).

use threadline_policy::wire::{decode_verdict, encode_policy, CheckRequest};
use threadline_policy::{Outcome, Policy, Verdict};
use threadline_policy_wasm::{answer, tl_alloc, tl_answer, tl_check};

fn ask(req: CheckRequest) -> Verdict {
    let out = answer(&req.encode());
    assert_eq!(out.first(), Some(&0), "{}", String::from_utf8_lossy(&out));
    decode_verdict(&out[1..]).expect("a verdict")
}

fn text(t: &str) -> CheckRequest {
    CheckRequest { text: t.into(), author: "Reader".into(), ..Default::default() }
}

#[test]
fn a_clean_draft_is_allowed() {
    let v = ask(text("The S-300 deal changes nothing about the balance."));
    assert_eq!((v.outcome, v.findings.len()), (Outcome::Allow, 0));
}

#[test]
fn profanity_is_found_where_it_is() {
    let v = ask(text("What a shit deal"));
    let f = &v.findings[0];
    assert_eq!((f.rule.as_str(), f.start, f.end), ("profanity", 7, 11));
    assert_ne!(v.outcome, Outcome::Allow);
    assert!(!f.message.hy.is_empty() && !f.message.ru.is_empty());
}

#[test]
fn participants_are_kept_until_replaced() {
    // Insulting a commenter by name is a personal attack; the names are sent once.
    let attack = |v: &Verdict| v.findings.iter().any(|f| f.rule == "personal_attack");
    let named = |names: Option<Vec<String>>| CheckRequest { participants: names, ..text("Danoog is a moron") };
    assert!(attack(&ask(named(Some(vec!["Danoog".into()])))));
    assert!(attack(&ask(named(None))), "the names were forgotten");
    assert_eq!(ask(named(Some(vec![]))).outcome, Outcome::Allow);
}

#[test]
fn a_broken_request_is_an_answer_not_a_trap() {
    let good = text("fine").encode();
    let mut long = good.clone();
    long.push(0);
    let mut huge_count = good.clone();
    huge_count.truncate(good.len() - 5);
    huge_count.extend_from_slice(&u32::MAX.to_le_bytes());
    for bad in [vec![], vec![255, 255, 255, 255], good[..good.len() - 1].to_vec(), long, huge_count] {
        let out = answer(&bad);
        assert_eq!(out[0], 1, "{bad:?}");
        assert!(String::from_utf8_lossy(&out[1..]).starts_with("the policy check could not read its request"));
    }
}

#[test]
fn the_exported_calls_round_trip() {
    let request = text("Fine words.").encode();
    let ptr = tl_alloc(request.len());
    // SAFETY: ptr is a fresh buffer of request.len() bytes.
    unsafe { std::ptr::copy_nonoverlapping(request.as_ptr(), ptr, request.len()) };
    // SAFETY: ptr/len are what tl_alloc gave.
    let n = unsafe { tl_check(ptr, request.len()) };
    // SAFETY: tl_answer points at n bytes until the next call.
    let out = unsafe { std::slice::from_raw_parts(tl_answer(), n) };
    assert_eq!((out[0], decode_verdict(&out[1..]).map(|v| v.outcome)), (0, Ok(Outcome::Allow)));
}

#[test]
fn a_site_policy_replaces_the_built_in_one_and_a_bad_one_is_refused_saying_why() {
    use threadline_policy_wasm::configure;
    let denied = |v: &Verdict| v.findings.iter().any(|f| f.rule == "deny_word");
    assert!(!denied(&ask(text("Bananas everywhere in Baku."))));
    let site = Policy::from_json(r#"{"name": "site", "deny_words": ["bananas"]}"#).unwrap();
    let encoded = encode_policy(&site);
    assert_eq!(configure(&encoded), vec![0]);
    assert!(denied(&ask(text("Bananas everywhere in Baku."))));
    let mut long = encoded.clone();
    long.push(0);
    let mut bad_action = encoded.clone();
    bad_action[4 + 4 + 1] = 9; // the first rule's action, after the name "site"
    for bad in [vec![], encoded[..encoded.len() - 1].to_vec(), long, bad_action] {
        let out = configure(&bad);
        assert_eq!(out[0], 1);
        assert!(String::from_utf8_lossy(&out[1..]).starts_with("the policy could not be read: "));
    }
    assert!(denied(&ask(text("Bananas everywhere in Baku."))), "the policy in use is kept");
}
