//! Random input through both readers: no panic, the depth bound holds, and
//! text stays visible.

use proptest::prelude::*;
use threadline_markup::{depth, html, markdown, to_plain_text, MAX_DEPTH};

const MARKDOWN_TOKENS: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "~~",
    "`",
    "```\n",
    "[",
    "]",
    "](https://x.org)",
    "](javascript:x)",
    "![",
    "> ",
    "- ",
    "1. ",
    "# ",
    "\n",
    "\n\n",
    "    ",
    "<b>",
    "</b>",
    "<script>",
    "\\",
    "&amp;",
    "&#0;",
    "<https://x.org>",
    "---\n",
    "|",
];

const HTML_TOKENS: &[&str] = &[
    "<p>",
    "</p>",
    "<em>",
    "</em>",
    "<i>",
    "<b>",
    "</b>",
    "<strong>",
    "<del>",
    "</s>",
    "<a href=https://x.org>",
    "<a href=javascript:x>",
    "<a href=\"/rel\">",
    "</a>",
    "<ul>",
    "</ul>",
    "<ol start=2>",
    "</ol>",
    "<li>",
    "</li>",
    "<blockquote>",
    "</blockquote>",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<br>",
    "<div>",
    "</div>",
    "<span>",
    "<script>",
    "</script>",
    "<h2>",
    "</h2>",
    "&amp;",
    "&#x41;",
    "&bogus;",
    "< ",
    ">",
    " ",
    "\n",
    "<td>",
    "</x>",
];

/// Random tokens and words `w0`, `w1`, …; returns the text and the words in it.
fn mix(tokens: &'static [&'static str]) -> impl Strategy<Value = (String, Vec<String>)> {
    let piece = prop_oneof![3 => prop::sample::select(tokens).prop_map(|t| (t.to_owned(), None)), 1 => (0u32..1000).prop_map(|n| (format!("w{n} "), Some(format!("w{n}"))))];
    prop::collection::vec(piece, 0..300).prop_map(|pieces| {
        let mut src = String::new();
        let mut words = Vec::new();
        for (text, word) in pieces {
            src.push_str(&text);
            words.extend(word);
        }
        (src, words)
    })
}

/// Deep nesting followed by a mix, to reach past the depth bound.
fn deep(opener: &'static str, tokens: &'static [&'static str]) -> impl Strategy<Value = (String, Vec<String>)> {
    (0usize..80, mix(tokens)).prop_map(move |(n, (rest, words))| (opener.repeat(n) + &rest, words))
}

fn has_text(s: &str) -> bool {
    s.chars().any(|c| !c.is_whitespace())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn markdown_of_any_string(src in any::<String>()) {
        let blocks = markdown(&src);
        prop_assert!(depth(&blocks) <= MAX_DEPTH);
        prop_assert_eq!(has_text(&to_plain_text(&blocks)), has_text(&src));
    }

    #[test]
    fn html_of_any_string(src in any::<String>()) {
        let blocks = html(&src);
        prop_assert!(depth(&blocks) <= MAX_DEPTH);
        if !src.contains(['<', '&']) {
            prop_assert_eq!(has_text(&to_plain_text(&blocks)), has_text(&src));
        }
    }

    #[test]
    fn markdown_of_markup_mixes((src, words) in prop_oneof![mix(MARKDOWN_TOKENS), deep("> ", MARKDOWN_TOKENS), deep("- ", MARKDOWN_TOKENS), deep("*a ", MARKDOWN_TOKENS)]) {
        let blocks = markdown(&src);
        prop_assert!(depth(&blocks) <= MAX_DEPTH);
        let text = to_plain_text(&blocks);
        prop_assert_eq!(has_text(&text), has_text(&src));
        // A code fence's info string (the language) is markdown syntax, not shown.
        if !src.contains("```") && !src.contains("~~~") {
            for word in &words {
                prop_assert!(text.contains(word.as_str()), "{} lost from {:?}: {:?}", word, src, text);
            }
        }
    }

    #[test]
    fn html_of_markup_mixes((src, words) in prop_oneof![mix(HTML_TOKENS), deep("<blockquote>", HTML_TOKENS), deep("<ul><li>", HTML_TOKENS), deep("<em><a href=https://x.org>", HTML_TOKENS)]) {
        let blocks = html(&src);
        prop_assert!(depth(&blocks) <= MAX_DEPTH);
        let text = to_plain_text(&blocks);
        for word in &words {
            prop_assert!(text.contains(word.as_str()), "{} lost from {:?}: {:?}", word, src, text);
        }
    }
}
