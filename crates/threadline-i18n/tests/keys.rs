//! Every key in every language: present, well formed, with the same
//! placeholders, really translated; plus `fill`, `from_tag` and the helpers.

use std::collections::BTreeSet;
use threadline_i18n::{count, fill, forms, t, toggle_label, Key, Lang, Noun, Plural};

/// The placeholders a string uses, in order of first use.
fn placeholders(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

fn without_placeholders(s: &str) -> String {
    let mut s = s.to_owned();
    for p in placeholders(&s.clone()) {
        s = s.replace(&format!("{{{p}}}"), "");
    }
    s
}

fn has_script(lang: Lang, s: &str) -> bool {
    match lang {
        Lang::En => s.chars().any(|c| c.is_ascii_alphabetic()),
        Lang::Hy => s.chars().any(|c| ('\u{531}'..='\u{587}').contains(&c)),
        Lang::Ru => s.chars().any(|c| ('\u{410}'..='\u{451}').contains(&c)),
    }
}

fn check_well_formed(what: &str, s: &str) {
    assert!(!s.trim().is_empty(), "{what} is empty");
    assert_eq!(s, s.trim(), "{what} has surrounding whitespace: {s:?}");
    assert!(!s.contains("  ") && !s.contains('\n'), "{what} has stray whitespace: {s:?}");
    assert_eq!(s.matches('{').count(), s.matches('}').count(), "{what} has unbalanced braces: {s:?}");
}

const KNOWN_PLACEHOLDERS: &[&str] = &["name", "replies", "reason", "code", "message", "text", "detail"];

#[test]
fn every_key_is_translated_and_well_formed() {
    let all: BTreeSet<_> = Key::ALL.iter().map(|k| format!("{k:?}")).collect();
    assert_eq!(all.len(), Key::ALL.len(), "a key is listed twice");
    for &key in Key::ALL {
        let english = t(Lang::En, key);
        let mut expected: Vec<&str> = placeholders(english);
        expected.sort();
        for p in &expected {
            assert!(KNOWN_PLACEHOLDERS.contains(p), "{key:?}: unknown placeholder {{{p}}}");
        }
        for lang in Lang::ALL {
            let s = t(lang, key);
            let what = format!("{lang:?} {key:?}");
            check_well_formed(&what, s);
            let mut found = placeholders(s);
            found.sort();
            assert_eq!(found, expected, "{what}: placeholders differ from English");
            // Strings that are words in English must be words in the language's own script.
            if has_script(Lang::En, &without_placeholders(english)) {
                assert!(has_script(lang, &without_placeholders(s)), "{what} looks untranslated: {s:?}");
            }
            // A sentence ends as a sentence in each language.
            let ends_sentence = match lang {
                Lang::Hy => s.ends_with('։'),
                _ => s.ends_with('.'),
            };
            assert_eq!(english.ends_with('.'), ends_sentence, "{what} ends differently from English: {s:?}");
        }
    }
}

#[test]
fn every_counted_phrase_is_translated_and_well_formed() {
    for &noun in Noun::ALL {
        for lang in Lang::ALL {
            let f = forms(lang, noun);
            for p in [Plural::One, Plural::Few, Plural::Many, Plural::Other] {
                let s = f.get(p);
                let what = format!("{lang:?} {noun:?} {p:?}");
                check_well_formed(&what, s);
                assert_eq!(placeholders(s), ["n"], "{what}: {s:?}");
                assert!(has_script(lang, &without_placeholders(s)), "{what} looks untranslated: {s:?}");
            }
        }
    }
}

#[test]
fn translations_differ_from_english() {
    // Catches a language file that was copied and never translated.
    for lang in [Lang::Hy, Lang::Ru] {
        let same: Vec<_> = Key::ALL.iter().filter(|&&k| t(lang, k) == t(Lang::En, k)).collect();
        assert!(same.len() <= 1, "{lang:?} has English strings: {same:?}");
    }
}

#[test]
fn fill_replaces_in_one_pass() {
    assert_eq!(fill("reply to {name}", &[("name", "Ani")]), "reply to Ani");
    // A value is never expanded again, whatever it contains.
    assert_eq!(fill("{name} and {replies}", &[("name", "{replies}"), ("replies", "4")]), "{replies} and 4");
    assert_eq!(fill("{name}{name}", &[("name", "x")]), "xx");
    // What is not an argument stays, so a missing one shows.
    assert_eq!(fill("{name} {missing}", &[("name", "x")]), "x {missing}");
    assert_eq!(fill("a { b", &[("b", "x")]), "a { b");
    assert_eq!(fill("a {b", &[("b", "x")]), "a {b");
    assert_eq!(fill("}{", &[]), "}{");
    assert_eq!(fill("{}", &[("", "empty")]), "empty");
    assert_eq!(fill("«{text}»", &[("text", "ёж")]), "«ёж»");
    assert_eq!(fill("", &[("a", "b")]), "");
}

#[test]
fn tags() {
    let cases = [
        ("hy", Lang::Hy),
        ("hy-AM", Lang::Hy),
        ("HY-am", Lang::Hy),
        ("hy_AM", Lang::Hy),
        ("hye", Lang::Hy),
        ("hyw", Lang::Hy),
        ("ru", Lang::Ru),
        ("ru-RU", Lang::Ru),
        ("RU", Lang::Ru),
        ("ru-Latn-UA", Lang::Ru),
        (" ru ", Lang::Ru),
        ("en", Lang::En),
        ("en-GB", Lang::En),
        ("", Lang::En),
        ("-", Lang::En),
        ("de-DE", Lang::En),
        ("rue", Lang::En),
        ("hyx", Lang::En),
        ("r", Lang::En),
        ("ру", Lang::En),
    ];
    for (tag, lang) in cases {
        assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
    }
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.tag()), lang);
        assert_eq!(lang.t(Key::Reply), t(lang, Key::Reply));
    }
    assert_eq!(Lang::default(), Lang::En);
}

#[test]
fn toggle_labels() {
    assert_eq!(toggle_label(Lang::En, false, "Ani", 0), "Collapse comment by Ani");
    assert_eq!(toggle_label(Lang::En, false, "Ani", 1), "Collapse comment by Ani and its 1 reply");
    assert_eq!(toggle_label(Lang::En, true, "Ani", 4), "Expand comment by Ani and its 4 replies");
    assert_eq!(toggle_label(Lang::Ru, true, "Ани", 22), "Развернуть комментарий пользователя Ани и 22 ответа");
    assert_eq!(toggle_label(Lang::Hy, false, "Անի", 3), "Ծալել մեկնաբանությունը (հեղինակ՝ Անի) և 3 պատասխան");
    // An author name is text, never a template.
    assert_eq!(toggle_label(Lang::En, false, "{replies}", 2), "Collapse comment by {replies} and its 2 replies");
}

#[test]
fn counts_compose_with_keys() {
    let collapsed = format!("[+] {}", count(Lang::Ru, Noun::Replies, 5));
    assert_eq!(collapsed, "[+] 5 ответов");
    let status = fill(t(Lang::En, Key::ErrStatus), &[("code", "503")]);
    assert_eq!(status, "The comment server answered with error 503.");
    let storage = fill(t(Lang::Ru, Key::DraftNotSaved), &[("reason", t(Lang::Ru, Key::StorageFull))]);
    assert_eq!(
        storage,
        "Черновик не сохранён в этом браузере: хранилище переполнено или отключено; ничего не сохранено"
    );
}
