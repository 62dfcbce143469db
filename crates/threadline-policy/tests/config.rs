//! Policy JSON loading.

use threadline_policy::{Action, Policy};

#[test]
fn shipped_json_matches_builtin() {
    let shipped = Policy::from_json(include_str!("../policies/asbarez.json")).expect("asbarez.json loads");
    assert_eq!(shipped, Policy::asbarez());
    let round = Policy::from_json(&serde_json::to_string(&Policy::asbarez()).unwrap()).unwrap();
    assert_eq!(round, Policy::asbarez());
}

#[test]
fn missing_fields_keep_defaults() {
    let p = Policy::from_json(r#"{"limits": {"max_links": 5}}"#).unwrap();
    assert_eq!(p.limits.max_links, 5);
    assert_eq!(p.limits.min_length, Policy::asbarez().limits.min_length);
    assert_eq!(p.rules.shouting.action, Action::Nudge);
}

#[test]
fn unknown_field_is_named_with_its_path() {
    let e = Policy::from_json("{\n  \"rules\": {\n    \"profanty\": {\"action\": \"block\"}\n  }\n}").unwrap_err();
    let s = e.to_string();
    assert!(s.contains("profanty"), "{s}");
    assert_eq!(e.path, "rules.profanty");
    assert_eq!(e.line, 3);
}

#[test]
fn wrong_type_and_bad_variant_are_explained() {
    let e = Policy::from_json(r#"{"limits": {"max_links": "two"}}"#).unwrap_err();
    assert_eq!(e.path, "limits.max_links");
    assert!(e.message.contains("invalid type"), "{e}");
    let e = Policy::from_json(r#"{"rules": {"shouting": {"action": "warn"}}}"#).unwrap_err();
    assert_eq!(e.path, "rules.shouting.action");
    assert!(e.to_string().contains("warn"), "{e}");
    let e = Policy::from_json(r#"{"blocked_authors": ["a", 3]}"#).unwrap_err();
    assert_eq!(e.path, "blocked_authors[1]");
}

#[test]
fn invalid_values_and_syntax() {
    let e = Policy::from_json(r#"{"limits": {"shouting_ratio": 1.5}}"#).unwrap_err();
    assert_eq!(e.path, "limits.shouting_ratio");
    // Each check of a site's policy names the value that is wrong.
    for (json, path, says) in [
        (r#"{"limits": {"min_length": 50, "max_length": 10}}"#, "limits.max_length", "below limits.min_length (50)"),
        (r#"{"limits": {"repeated_char_run": 1}}"#, "limits.repeated_char_run", "at least 2, got 1"),
        (r#"{"allow_words": ["fine", " "]}"#, "allow_words[1]", "is empty"),
        (r#"{"deny_words": [""]}"#, "deny_words[0]", "is empty"),
    ] {
        let e = Policy::from_json(json).unwrap_err();
        assert_eq!(e.path, path, "{json}");
        assert!(e.to_string().contains(says), "{json}: {e}");
    }
    let e = Policy::from_json(r#"{"rules": "#).unwrap_err();
    assert!(e.line >= 1, "{e}");
    assert!(Policy::from_json("").is_err());
    assert!(Policy::from_json("[]").is_err());
}
