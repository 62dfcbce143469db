//! The framing between the widget and the policy module: what goes in comes
//! out, whatever the text, and a damaged message is an error, never a panic.

use threadline_policy::wire::{decode_verdict, encode_verdict, CheckRequest};
use threadline_policy::{CheckContext, Draft, Policy};

#[test]
fn a_request_comes_out_as_it_went_in() {
    let cases = [
        CheckRequest::default(),
        CheckRequest {
            text: "Ты идиот 🙂\u{0}\n\"quoted\" ԱՅՈ".into(),
            author: "Sokimag".into(),
            now_ms: Some(-1),
            last_post_ms: Some(i64::MAX),
            recent_own: vec![String::new(), "earlier".into()],
            participants: Some(vec!["H. Boghossian".into(), "Danoog".into()]),
        },
        CheckRequest { participants: Some(vec![]), ..Default::default() },
    ];
    for req in cases {
        assert_eq!(CheckRequest::decode(&req.encode()).as_ref(), Ok(&req));
    }
}

#[test]
fn a_verdict_comes_out_as_it_went_in() {
    let policy = Policy::asbarez();
    let ctx = CheckContext { participants: vec!["Danoog".to_owned()].into(), ..Default::default() };
    for text in
        ["fine", "Danoog is a moron", "WHY IS NOBODY TALKING ABOUT THIS AT ALL", "shit, ты идиот, I will kill you"]
    {
        let v = policy.check(&Draft { text, author: "Reader" }, &ctx);
        assert_eq!(decode_verdict(&encode_verdict(&v)).as_ref(), Ok(&v), "{text}");
    }
}

#[test]
fn every_cut_or_damaged_message_is_an_error() {
    let req = CheckRequest { text: "some words".into(), recent_own: vec!["a".into()], ..Default::default() }.encode();
    for n in 0..req.len() {
        assert!(CheckRequest::decode(&req[..n]).is_err(), "cut at {n}");
    }
    let mut longer = req.clone();
    longer.push(0);
    assert!(CheckRequest::decode(&longer).is_err());
    let mut bad_utf8 = req.clone();
    bad_utf8[4] = 0xff;
    assert!(CheckRequest::decode(&bad_utf8).is_err());

    let v = Policy::asbarez().check(&Draft { text: "shit", author: "" }, &CheckContext::default());
    let bytes = encode_verdict(&v);
    for n in 0..bytes.len() {
        assert!(decode_verdict(&bytes[..n]).is_err(), "cut at {n}");
    }
    let mut unknown = bytes.clone();
    unknown[0] = 9;
    assert!(decode_verdict(&unknown).is_err());
}

#[test]
fn random_bytes_never_panic() {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..5000 {
        let len = (next() % 64) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| (next() % 8) as u8).collect();
        let _ = CheckRequest::decode(&bytes);
        let _ = decode_verdict(&bytes);
    }
}

#[test]
fn a_site_policy_crosses_whole_but_for_who_is_blocked() {
    use threadline_policy::wire::{decode_policy, encode_policy};
    use threadline_policy::{Action, Policy, ALL_RULES};
    let mut p = Policy::from_json(
        r#"{"name": "Սայթ", "allow_words": ["Scunthorpe"], "deny_words": ["bananas", "яблоко"],
            "limits": {"min_length": 3, "max_length": 900, "max_links": 0, "cooldown_seconds": 61,
                       "shouting_ratio": 0.55, "shouting_min_letters": 12, "repeated_char_run": 7},
            "blocked_authors": ["Troll"]}"#,
    )
    .unwrap();
    // Every rule's switch and action, each different from its neighbour's.
    for (i, rule) in ALL_RULES.into_iter().enumerate() {
        let s = p.rules.get_mut(rule);
        s.enabled = i % 2 == 0;
        s.action = [Action::Hold, Action::Nudge, Action::Block][i % 3];
    }
    let back = decode_policy(&encode_policy(&p)).unwrap();
    p.blocked_authors.clear();
    assert_eq!(back, p);
    assert_eq!(decode_policy(&encode_policy(&Policy::asbarez())).unwrap(), Policy::asbarez());
    let bytes = encode_policy(&p);
    for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
        assert!(decode_policy(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}
