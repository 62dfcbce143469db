//! Hostile shapes: nothing panics, nothing takes long, the tree stays within
//! MAX_DEPTH and the text survives. Time limits are loose because tests run
//! unoptimized; release timings are in the crate's report (all well under a
//! second).

use std::time::{Duration, Instant};

use threadline_markup::{depth, html, markdown, to_plain_text, Block, MAX_DEPTH};

const N: usize = 100_000;
const LIMIT: Duration = Duration::from_secs(4);

fn check(name: &str, reader: fn(&str) -> Vec<Block>, src: &str) -> String {
    let started = Instant::now();
    let blocks = reader(src);
    let took = started.elapsed();
    if std::env::var_os("MARKUP_TIMINGS").is_some() {
        eprintln!("{name:24} {:>8} bytes {took:>12.2?}", src.len());
    }
    assert!(took < LIMIT, "{name}: {took:?}");
    assert!(depth(&blocks) <= MAX_DEPTH, "{name}: depth {}", depth(&blocks));
    to_plain_text(&blocks)
}

fn hostile_inputs() -> Vec<(&'static str, String)> {
    vec![
        ("quotes", "> ".repeat(N) + "x"),
        ("stars", "*".repeat(N)),
        ("star-words", "*a ".repeat(N)),
        ("nested-emphasis", "*a _b ".repeat(N / 2) + &"c_ d*".repeat(N / 2)),
        ("brackets", "[".repeat(N)),
        ("nested-links", "[".repeat(N) + "x" + &"](https://x.org)".repeat(N)),
        ("open-links", "[a](".repeat(N)),
        ("images", "![".repeat(N) + "x"),
        ("backticks", "`a".repeat(N)),
        ("bullets", "- ".repeat(N) + "x"),
        ("numbers", "1. ".repeat(N) + "x"),
        ("indented-lists", (0..1000).map(|i| format!("{}- x{i}\n", "  ".repeat(i))).collect()),
        ("lt", "<".repeat(N)),
        ("b-tags", "<b>".repeat(N) + "x"),
        ("unclosed-tags", "<b".repeat(N)),
        ("quotes-tags", "<a title=\"".repeat(N) + ">x"),
        ("open-quote-tags", "<a x='>".repeat(N)),
        ("comments", "<!--".repeat(N)),
        ("blockquote-tags", "<blockquote>".repeat(N) + "x"),
        ("list-tags", "<ul><li>".repeat(N) + "x"),
        ("mixed-tags", "<em><a href=https://x.org><ol><li><blockquote><s>".repeat(N / 6) + "x"),
        ("closers", "</i>".repeat(N)),
        ("paragraphs", "<p>".repeat(N)),
        ("refused-then-paragraphs", "<a href=javascript:x>".repeat(300) + &"<p>y".repeat(N)),
        ("entities", "&#".repeat(N) + &"&#x1111111111111111111;".repeat(N / 10)),
        ("scripts", "<script>".repeat(N)),
        ("text-1mb", "hello world, this is a comment. ".repeat(1 << 15)),
        ("newlines", "a\n".repeat(N)),
    ]
}

#[test]
fn markdown_stays_fast_shallow_and_complete() {
    for (name, src) in hostile_inputs().into_iter().chain(markdown_inputs()) {
        let text = check(name, markdown, &src);
        assert!(!text.trim().is_empty(), "{name}");
    }
}

/// About 1 MB each, shaped against the markdown reader's own scanners:
/// each would take minutes if any of them read the rest of the text again
/// for every construct that starts. `check` bounds the time.
fn markdown_inputs() -> Vec<(&'static str, String)> {
    const MB: usize = 1 << 20;
    let fill = |unit: &str| unit.repeat(MB / unit.len());
    let half = |unit: &str| unit.repeat(MB / 2 / unit.len());
    vec![
        // Runs of 1, 2, 3, … backticks, none closed: each looks for its closer.
        ("ticks-growing", (1..1448).map(|n| "`".repeat(n) + " ").collect()),
        (
            "ticks-growing-closed",
            (1..1024).map(|n| "`".repeat(n) + " x ").chain((1..1024).rev().map(|n| "`".repeat(n) + " ")).collect(),
        ),
        ("link-parens", fill("[a](x()")),
        ("link-dest-spaceless", fill("[a](bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")),
        ("link-titles", fill("[a](b \"x [c](d 'y ")),
        ("link-angle", fill("[a](<b ")),
        ("inline-comments", "x ".to_owned() + &fill("<!--")),
        ("inline-tags-open-quotes", "x ".to_owned() + &fill("<a b=\"<a c='")),
        ("autolink-like", fill("<a:bbbbbbbb")),
        ("emails-like", fill("<a.b@c")),
        ("refs-and-uses", half("[a]: https://a.org\n[b]: https://b.org\n") + "\n" + &half("[a] [b][a] [a][] ")),
        ("ref-labels-long", "[a]: https://a.org\n\n".to_owned() + &fill(&("[".to_owned() + &"l".repeat(990) + "] "))),
        ("brackets-closing", "[a]: https://a.org\n\n".to_owned() + &"[".repeat(MB / 2) + &"]".repeat(MB / 2)),
        ("emphasis-mixed", fill("*a _b ~c ~~d **e __f ")),
        ("emphasis-closers", "*".repeat(MB / 4) + "a" + &"*".repeat(MB / 4) + "b" + &"*".repeat(MB / 4)),
        ("intraword-runs", fill("a**b__c~~d*")),
        ("deep-list-lazy", "- ".repeat(40) + "x\n" + &fill("lazy line\n")),
        ("deep-quote-lines", fill(&("> ".repeat(60) + "x\n"))),
        ("indented-spaces", " ".repeat(MB) + "x"),
        ("fence-unclosed", "```\n".to_owned() + &fill("`` code\n")),
        ("html-blocks", fill("<div>\n\n")),
        ("definitions-titles", fill("[a]: b\n\"t\n")),
        ("headings", fill("# a #\n===\n")),
        ("tabs", fill("\t-\t>\t")),
    ]
}

#[test]
fn html_stays_fast_shallow_and_complete() {
    for (name, src) in hostile_inputs() {
        let text = check(name, html, &src);
        // These are all tags (or a comment) to a browser; the rest has text outside tags.
        if !["open-quote-tags", "scripts", "comments", "closers", "paragraphs"].contains(&name) {
            assert!(!text.trim().is_empty(), "{name}");
        }
    }
}

#[test]
fn deep_nesting_is_flattened_not_dropped() {
    let quotes: String = (0..40).map(|i| format!("{} level{i}\n\n", ">".repeat(i + 1))).collect();
    let lists: String = (0..40).map(|i| format!("{}- item{i}\n", "  ".repeat(i))).collect();
    let emphasis = (0..40).map(|i| format!("*e{i} ")).collect::<String>() + &"*".repeat(40);
    let tags = (0..40).map(|i| format!("<blockquote><ul><li><em>t{i} ")).collect::<String>();
    for (name, reader, src, word) in [
        ("quotes", markdown as fn(&str) -> Vec<Block>, quotes, "level"),
        ("lists", markdown, lists, "item"),
        ("emphasis", markdown, emphasis, "e"),
        ("tags", html, tags, "t"),
    ] {
        let text = check(name, reader, &src);
        for i in 0..40 {
            let w = format!("{word}{i}");
            assert!(text.split(|c: char| !c.is_alphanumeric()).any(|x| x == w), "{name}: {w} lost");
        }
    }
}

#[test]
fn depth_is_used_up_to_the_cap() {
    // The cap flattens only what is deeper: 20 quotes are kept as 20 quotes.
    let twenty = markdown(&("> ".repeat(20) + "x"));
    assert_eq!(depth(&twenty), 22);
    let hundred = markdown(&("> ".repeat(100) + "x"));
    assert_eq!(depth(&hundred), MAX_DEPTH);
    assert_eq!(to_plain_text(&hundred), "x");
}
