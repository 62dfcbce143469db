//! Focused tests per rule, per evasion trick, and for span correctness.

use threadline_policy::{Action, CheckContext, Draft, Outcome, Participants, Policy, Verdict};

fn check_ctx(text: &str, ctx: &CheckContext) -> Verdict {
    Policy::asbarez().check(&Draft { text, author: "Reader" }, ctx)
}

fn check(text: &str) -> Verdict {
    let ctx = CheckContext {
        participants: vec!["Armenian".into(), "Danoog".into(), "H. Boghossian".into()].into(),
        ..Default::default()
    };
    check_ctx(text, &ctx)
}

fn rules(text: &str) -> Vec<String> {
    check(text).findings.into_iter().map(|f| f.rule).collect()
}

fn has(text: &str, rule: &str) -> bool {
    rules(text).iter().any(|r| r == rule)
}

fn span_of(text: &str, rule: &str) -> &'static str {
    let v = check(text);
    let f = v.findings.iter().find(|f| f.rule == rule).unwrap_or_else(|| panic!("no {rule} in {text:?}: {v:?}"));
    Box::leak(text[f.start..f.end].to_string().into_boxed_str())
}

#[test]
fn profanity_en_ru_hy() {
    for t in ["this is fucking stupid", "bullshit", "Хуй знает", "пошли нахуй", "заебали", "Քունեմ", "kunem"]
    {
        assert!(has(t, "profanity"), "{t}");
    }
    assert_eq!(check("total bullshit").outcome, Outcome::Block);
}

#[test]
fn personal_attacks_target_people_not_public_figures() {
    for t in
        ["you are an idiot", "you moron", "@Danoog you're stupid", "Armenian is a moron", "Ты идиот", "Դու ապուշ ես"]
    {
        assert!(has(t, "personal_attack"), "{t}");
    }
    for t in [
        "Aliyev and his family are busy to embezzle",
        "Putin's crappy trade organization",
        "the Kremlin lies",
        "I disagree with the government. It is corrupt.",
        "you are wrong about the numbers",
        "Putin is an idiot",
        "Путин — идиот",
        "you are not an idiot",
    ] {
        assert_eq!(check(t).outcome, Outcome::Allow, "{t}: {:?}", rules(t));
    }
}

#[test]
fn threats_and_self_harm() {
    for t in ["I will kill you", "I'm gonna stab u", "Я тебя убью", "Կսպանեմ քեզ"] {
        assert!(has(t, "threat"), "{t}");
    }
    for t in ["kill yourself", "go hang yourself", "kys", "Иди повесься", "Գնա կախվի"] {
        assert!(has(t, "self_harm"), "{t}");
    }
    assert_eq!(check("We should kill this rumour").outcome, Outcome::Allow);
}

#[test]
fn slurs_and_sexual() {
    for t in ["faggots", "dirty Armenians", "Turks are subhuman", "хачи", "русня"] {
        assert!(has(t, "slur"), "{t}");
    }
    assert!(has("send nudes", "sexual"));
    assert!(has("порно", "sexual"));
    assert_eq!(check("Khachaturian and Хачатурян wrote Spartacus; хачапури is bread").outcome, Outcome::Allow);
}

#[test]
fn scunthorpe_words_are_clean() {
    for t in [
        "Scunthorpe",
        "assassin",
        "cocktail",
        "Essex",
        "Middlesex",
        "therapist",
        "shiitake",
        "Hancock",
        "analyse",
        "Dickens",
        "Assad",
        "Cockburn",
        "niggardly",
        "spicy",
        "Sussex",
        "cumulative",
        "I disagree with the government. It is corrupt.",
        "хлеб",
        "ребята",
        "себе",
        "Себастьян",
        "застрахуй",
        "мандат",
        "педикюр",
        "хулиганы",
        "употреблять",
        "waaaaaay",
        "Hmm……",
    ] {
        assert_eq!(check(t).outcome, Outcome::Allow, "{t}: {:?}", rules(t));
    }
}

#[test]
fn evasions_are_caught() {
    for t in [
        "f u c k",
        "f.u.c.k",
        "f-u-c-k",
        "fuuuuuck",
        "sh1t",
        "$hit",
        "a$$hole",
        "f\u{200b}uck",
        "fu\u{ad}ck",
        "ｆｕｃｋ",
        "fuсk",
        "ѕhit",
        "fück",
        "f*ck",
        "f**k",
        "fu.ck",
        "xуй",
        "п и з д е ц",
        "FUCK",
        "\u{1d41f}\u{1d42e}\u{1d41c}\u{1d424}",
    ] {
        assert!(has(t, "profanity"), "{t:?}: {:?}", rules(t));
    }
    assert!(has("you are an 1d10t", "personal_attack"));
    assert!(has("k y s", "self_harm"));
}

#[test]
fn russian_stays_russian() {
    // "сор" would read "cop" in Latin look-alikes; a pure Cyrillic word is never rewritten.
    assert_eq!(check("сор в избе").outcome, Outcome::Allow);
    assert!(has("сука", "profanity"));
}

#[test]
fn spans_point_into_the_original_text() {
    assert_eq!(span_of("well, fuck this", "profanity"), "fuck");
    assert_eq!(span_of("well f\u{200b}u\u{200b}c\u{200b}k this", "profanity"), "f\u{200b}u\u{200b}c\u{200b}k");
    assert_eq!(span_of("so fuсk it", "profanity"), "fuсk");
    assert_eq!(span_of("Ну ты и ｆｕｃｋ", "profanity"), "ｆｕｃｋ");
    assert_eq!(span_of("ok f.u.c.k. ok", "profanity"), "f.u.c.k");
    assert_eq!(span_of("Hey, you are an idiot!", "personal_attack"), "you are an idiot");
    assert_eq!(span_of("Да пошли они нахуй!", "profanity"), "нахуй");
    for t in ["é fuck ü", "日本 sh1t 語", "Ⓕⓤⓒⓚ!"] {
        for f in check(t).findings {
            assert!(t.is_char_boundary(f.start) && t.is_char_boundary(f.end) && f.start <= f.end, "{t}");
        }
    }
}

#[test]
fn shouting_and_repeated_chars_nudge() {
    let v = check("THIS IS AN OUTRAGE AND EVERYONE SHOULD KNOW IT");
    assert_eq!(v.outcome, Outcome::Nudge);
    assert!(v.findings.iter().any(|f| f.rule == "shouting" && f.action == Action::Nudge));
    assert_eq!(check("NATO!").outcome, Outcome::Allow);
    assert_eq!(span_of("Really!!!!!!!!!!!! ok", "repeated_chars"), "!!!!!!!!!!!!");
    assert_eq!(check("waaaaaay more …..“ and ?…….. ok").outcome, Outcome::Allow);
}

#[test]
fn spam_links_and_repeats() {
    let v = check("a http://a.com b http://b.com c http://c.com");
    assert_eq!(v.outcome, Outcome::Hold);
    assert!(has("buy now buy now buy now buy now", "repeated_text"));
    assert_eq!(check("see https://asbarez.com/x and sipri.org").outcome, Outcome::Allow);
}

#[test]
fn length_limits() {
    let v = check("");
    assert_eq!(v.outcome, Outcome::Block);
    assert_eq!((v.findings[0].rule.as_str(), v.findings[0].start, v.findings[0].end), ("too_short", 0, 0));
    let long = "word ".repeat(1100);
    assert!(has(&long, "too_long"));
}

#[test]
fn context_rules() {
    let ctx = CheckContext { now_ms: Some(10_000), last_post_ms: Some(5_000), ..Default::default() };
    let v = check_ctx("A perfectly fine comment.", &ctx);
    let f = v.findings.iter().find(|f| f.rule == "cooldown").expect("cooldown");
    assert!(f.message.en.contains("15"), "{}", f.message.en);
    // Nothing in the text is to change: the wait ends by itself.
    assert!(f.message.en.ends_with("once the wait is over."), "{}", f.message.en);
    assert!(!f.message.ru.contains("исправлено") && !f.message.hy.contains("չի փոխվել"));
    let ctx = CheckContext { recent_own: vec!["Russia  is acting for its own interest".into()], ..Default::default() };
    assert!(check_ctx("russia is acting for its own INTEREST", &ctx).findings.iter().any(|f| f.rule == "duplicate"));
    let mut p = Policy::asbarez();
    p.blocked_authors.push("Troll King".into());
    let v = p.check(&Draft { text: "hello there", author: "troll  king" }, &CheckContext::default());
    assert!(v.findings.iter().any(|f| f.rule == "blocked_author"));
}

#[test]
fn allow_and_deny_lists() {
    let mut p = Policy::asbarez();
    p.deny_words = vec!["gasbag".into(), "fake news".into()];
    p.allow_words = vec!["bugger".into()];
    let ctx = CheckContext::default();
    let c = |t: &str| p.check(&Draft { text: t, author: "x" }, &ctx);
    assert!(c("what a gasbag").findings.iter().any(|f| f.rule == "deny_word"));
    assert!(c("that is fake news").findings.iter().any(|f| f.rule == "deny_word"));
    assert_eq!(c("silly bugger").outcome, Outcome::Allow);
}

#[test]
fn findings_are_sorted_and_messages_filled() {
    let v = check("you idiot, fuck off!!!!!!!!!!!!");
    let keys: Vec<(usize, String)> = v.findings.iter().map(|f| (f.start, f.rule.clone())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    for f in &v.findings {
        assert!(!f.message.en.is_empty() && !f.message.hy.is_empty() && !f.message.ru.is_empty());
        assert!(!f.message.en.contains("{x}") && !f.message.en.contains("{n}"));
    }
}

#[test]
fn disabled_rule_is_silent() {
    let p = Policy::from_json(r#"{"rules": {"profanity": {"enabled": false, "action": "block"}}}"#).unwrap();
    let v = p.check(&Draft { text: "fuck", author: "x" }, &CheckContext::default());
    assert_eq!(v.outcome, Outcome::Allow);
}

#[test]
fn participants_are_matched_by_whole_name_and_by_surname() {
    let names = Participants::new(["Anna Maria Petrosyan", "", "...", "Danoog"]);
    // Names that fold to no word are not counted.
    assert_eq!(names.len(), 2);
    let ctx = CheckContext { participants: names, ..Default::default() };
    for t in ["Anna Maria Petrosyan is an idiot", "Petrosyan is an idiot", "Danoog is a moron"] {
        assert!(check_ctx(t, &ctx).findings.iter().any(|f| f.rule == "personal_attack"), "{t}");
    }
    // Part of a name is not the name: "Anna" alone is nobody here.
    assert_eq!(check_ctx("Anna is an idiot", &ctx).outcome, Outcome::Allow);
    assert!(Participants::default().is_empty());
}

#[test]
fn counts_in_messages_take_their_plural_form() {
    let p = Policy::from_json(r#"{"limits": {"max_links": 1, "min_length": 22}}"#).unwrap();
    let message = |text: &str, rule: &str| {
        let v = p.check(&Draft { text, author: "x" }, &CheckContext::default());
        v.findings.into_iter().find(|f| f.rule == rule).map(|f| f.message).unwrap()
    };
    let links = message("a http://a.com b http://b.com", "spam_links");
    assert!(links.en.contains("more than 1 link;"), "{}", links.en);
    assert!(links.ru.contains("больше 1 ссылки;"), "{}", links.ru);
    let short = message("too short", "too_short");
    assert!(short.en.contains("at least 22 characters."), "{}", short.en);
    assert!(short.ru.contains("не меньше 22 символов."), "{}", short.ru);
    // A second left of the wait.
    let ctx = CheckContext { now_ms: Some(19_500), last_post_ms: Some(0), ..Default::default() };
    let v = p.check(&Draft { text: "a second thought, typed quickly", author: "x" }, &ctx);
    let wait = v.findings.iter().find(|f| f.rule == "cooldown").map(|f| &f.message).unwrap();
    assert!(wait.en.contains("wait 1 more second."), "{}", wait.en);
    assert!(wait.ru.contains("ещё 1 с."), "{}", wait.ru);
}

#[test]
fn leetspeak_of_a_slang_spelling_is_an_insult_too() {
    // "st00pid" reads back as "stoopid": the test once passed on a finding
    // left from the draft before it.
    assert!(has("y0u st00pid m0r0n", "personal_attack"));
    assert!(has("you stoopid", "personal_attack"));
}
