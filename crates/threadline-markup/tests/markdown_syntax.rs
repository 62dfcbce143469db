//! The markdown reader's syntax, construct by construct: what commenters
//! type, read as CommonMark reads it (the expectations follow the spec's
//! examples), and the small entity table.

use threadline_markup::{markdown, to_plain_text, Block, Inline};

mod common;
use common::{link, p, t};

fn em(children: Vec<Inline>) -> Inline {
    Inline::Emphasis(children)
}

fn strong(children: Vec<Inline>) -> Inline {
    Inline::Strong(children)
}

fn strike(children: Vec<Inline>) -> Inline {
    Inline::Strike(children)
}

fn item(text: &str) -> Vec<Block> {
    vec![p(vec![t(text)])]
}

#[test]
fn named_entities_are_a_small_common_set() {
    assert_eq!(
        to_plain_text(&markdown(
            "&amp;&lt;&gt;&quot;&apos;&nbsp;&copy;&reg;&trade;&deg;&times;&euro;&pound;&larr;&rarr;&bull;&middot;"
        )),
        "&<>\"'\u{a0}©®™°×€£←→•·"
    );
    assert_eq!(
        to_plain_text(&markdown("&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&laquo;&raquo;")),
        "…—–‘’“”«»"
    );
    // Names outside the set, wrong case and a missing `;` stay as typed.
    assert_eq!(to_plain_text(&markdown("&eacute; &hearts; &AMP; &amp &foo;")), "&eacute; &hearts; &AMP; &amp &foo;");
}

#[test]
fn numeric_entities_follow_commonmark() {
    assert_eq!(
        to_plain_text(&markdown("&#x1F600; &#128512; &#X41; &#65; &#0; &#xD800;")),
        "😀 😀 A A \u{fffd} \u{fffd}"
    );
    // Too many digits, or no `;`: text.
    assert_eq!(to_plain_text(&markdown("&#12345678; &#x1234567; &#123 &#x;")), "&#12345678; &#x1234567; &#123 &#x;");
}

#[test]
fn entities_in_destinations_but_not_in_code() {
    assert_eq!(
        markdown("`&amp;` [a](https://x.org/?a=1&amp;b=2)"),
        vec![p(vec![Inline::Code("&amp;".into()), t(" "), link("https://x.org/?a=1&b=2", "a")])]
    );
}

#[test]
fn emphasis_follows_the_delimiter_rules() {
    assert_eq!(markdown("*foo**bar**baz*"), vec![p(vec![em(vec![t("foo"), strong(vec![t("bar")]), t("baz")])])]);
    // The rule of three.
    assert_eq!(markdown("*foo**bar*"), vec![p(vec![em(vec![t("foo**bar")])])]);
    assert_eq!(markdown("***a***"), vec![p(vec![em(vec![strong(vec![t("a")])])])]);
    assert_eq!(markdown("**foo*"), vec![p(vec![t("*"), em(vec![t("foo")])])]);
    // `*` works inside words, `_` does not.
    assert_eq!(markdown("2*3*4 snake_case_word"), vec![p(vec![t("2"), em(vec![t("3")]), t("4 snake_case_word")])]);
    assert_eq!(markdown("a * b * c"), vec![p(vec![t("a * b * c")])]);
    assert_eq!(markdown("*a\nb*"), vec![p(vec![em(vec![t("a"), Inline::Break, t("b")])])]);
}

#[test]
fn strikethrough_takes_one_or_two_tildes() {
    assert_eq!(
        markdown("~one~ ~~two~~ ~~~three~~~ a~~b~~c ~~a~"),
        vec![p(vec![
            strike(vec![t("one")]),
            t(" "),
            strike(vec![t("two")]),
            t(" ~~~three~~~ a"),
            strike(vec![t("b")]),
            t("c ~~a~"),
        ])]
    );
}

#[test]
fn code_spans_take_any_run_of_backticks() {
    assert_eq!(
        markdown("``a ` b`` and ` `` ` and `a\nb`"),
        vec![p(vec![
            Inline::Code("a ` b".into()),
            t(" and "),
            Inline::Code("``".into()),
            t(" and "),
            Inline::Code("a b".into())
        ])]
    );
    assert_eq!(markdown("``not closed` *x*"), vec![p(vec![t("``not closed` "), em(vec![t("x")])])]);
    assert_eq!(markdown("`*a*` \\`b`"), vec![p(vec![Inline::Code("*a*".into()), t(" `b`")])]);
    // An escaped backtick is text; the rest of its run may still open a span.
    assert_eq!(markdown("\\`` a` b"), vec![p(vec![t("`"), Inline::Code(" a".into()), t(" b")])]);
}

#[test]
fn inline_links_and_their_destinations() {
    assert_eq!(
        markdown("[a](<https://x.org/a b> \"t\") [b](https://x.org/(p) 't') [c](https://x.org/\\_x_ (t)) [d]() [e](\nhttps://e.org\n)"),
        vec![p(vec![
            link("https://x.org/a%20b", "a"),
            t(" "),
            link("https://x.org/(p)", "b"),
            t(" "),
            link("https://x.org/_x_", "c"),
            t(" d "),
            link("https://e.org", "e"),
        ])]
    );
    assert_eq!(
        markdown("[a [b](https://b.org)](https://a.org) *[c](https://c.org)*"),
        vec![p(vec![
            t("[a "),
            link("https://b.org", "b"),
            t("](https://a.org) "),
            em(vec![link("https://c.org", "c")])
        ])]
    );
    assert_eq!(markdown("[a](https://x.org \"unclosed)"), vec![p(vec![t("[a](https://x.org \"unclosed)")])]);
}

#[test]
fn reference_links_match_labels_loosely() {
    assert_eq!(
        markdown("[t][Ref] [Ref][] [Ref] [x][nope] [ the  REF ]\n\n[ref]: https://one.org\n[REF]: https://two.org\n[the ref]: <https://three.org> \"T\""),
        vec![p(vec![
            link("https://one.org", "t"),
            t(" "),
            link("https://one.org", "Ref"),
            t(" "),
            link("https://one.org", "Ref"),
            t(" [x][nope] "),
            link("https://three.org", " the  REF "),
        ])]
    );
    // A definition cannot interrupt a paragraph; a title may be on its own line.
    assert_eq!(
        markdown("text\n[a]: https://a.org\n\n[b]:\n  https://b.org\n  'title'\n[a] [b]"),
        vec![
            p(vec![t("text"), Inline::Break, t("[a]: https://a.org")]),
            p(vec![t("[a] "), link("https://b.org", "b")])
        ]
    );
}

#[test]
fn the_first_of_many_definitions_wins() {
    // Out of order and repeated, so that finding them needs the sort.
    let defs: String = (0..200).rev().map(|i| format!("[l{}]: https://{}.org/{i}\n", i % 50, i / 50)).collect();
    let uses: String = (0..50).map(|i| format!("[L{i}] ")).collect();
    let blocks = markdown(&(defs + "\n" + &uses));
    let mut hrefs = Vec::new();
    if let [Block::Paragraph(inlines)] = blocks.as_slice() {
        for inline in inlines {
            if let Inline::Link { href, .. } = inline {
                hrefs.push(href.clone());
            }
        }
    }
    let expected: Vec<String> = (0..50).map(|i| format!("https://3.org/{}", i + 150)).collect();
    assert_eq!(hrefs, expected);
}

#[test]
fn images_inside_links_and_links_inside_images() {
    assert_eq!(
        markdown("![a [b](https://b.org) c](https://i.org/p.png)"),
        vec![p(vec![link("https://i.org/p.png", "a b c")])]
    );
}

#[test]
fn list_items_nest_by_indentation() {
    assert_eq!(
        markdown("- a\n  - b\n    - c\n- d"),
        vec![Block::List {
            ordered: false,
            start: 1,
            items: vec![
                vec![
                    p(vec![t("a")]),
                    Block::List {
                        ordered: false,
                        start: 1,
                        items: vec![vec![
                            p(vec![t("b")]),
                            Block::List { ordered: false, start: 1, items: vec![item("c")] },
                        ]],
                    },
                ],
                item("d"),
            ],
        }]
    );
}

#[test]
fn lists_continue_over_blank_lines_and_end_on_a_new_marker() {
    assert_eq!(
        markdown("- a\n\n  second\n- b\n\n\n- c\n+ d\n\n1) x\n2) y"),
        vec![
            Block::List {
                ordered: false,
                start: 1,
                items: vec![vec![p(vec![t("a")]), p(vec![t("second")])], item("b"), item("c")],
            },
            Block::List { ordered: false, start: 1, items: vec![item("d")] },
            Block::List { ordered: true, start: 1, items: vec![item("x"), item("y")] },
        ]
    );
}

#[test]
fn only_a_list_starting_at_one_interrupts_a_paragraph() {
    assert_eq!(markdown("The year\n1986. was good"), vec![p(vec![t("The year"), Inline::Break, t("1986. was good")])]);
    assert_eq!(
        markdown("Steps:\n1. one\n- two"),
        vec![
            p(vec![t("Steps:")]),
            Block::List { ordered: true, start: 1, items: vec![item("one")] },
            Block::List { ordered: false, start: 1, items: vec![item("two")] },
        ]
    );
}

#[test]
fn lazy_lines_continue_a_paragraph() {
    assert_eq!(
        markdown("> a\nlazy\n\nafter"),
        vec![Block::Quote(vec![p(vec![t("a"), Inline::Break, t("lazy")])]), p(vec![t("after")])]
    );
    assert_eq!(
        markdown("- a\nlazy"),
        vec![Block::List { ordered: false, start: 1, items: vec![vec![p(vec![t("a"), Inline::Break, t("lazy")])]] }]
    );
}

#[test]
fn headings_atx_and_setext() {
    assert_eq!(
        markdown("# Title ##\n#hashtag\n####### seven\nSub\n==="),
        vec![
            p(vec![strong(vec![t("Title")])]),
            p(vec![strong(vec![t("#hashtag"), Inline::Break, t("####### seven"), Inline::Break, t("Sub")])])
        ]
    );
}

#[test]
fn fenced_code() {
    assert_eq!(markdown("~~~py\ncode\n~~~~\nafter"), vec![Block::Code("code".into()), p(vec![t("after")])]);
    assert_eq!(markdown("  ```\n  indented\n    more\n  ```"), vec![Block::Code("indented\n  more".into())]);
    assert_eq!(markdown("```\nunclosed\n\nstill code"), vec![Block::Code("unclosed\n\nstill code".into())]);
    assert_eq!(
        markdown("> ```\n> a\n>\n> b\n\nc"),
        vec![Block::Quote(vec![Block::Code("a\n\nb".into())]), p(vec![t("c")])]
    );
    assert_eq!(
        markdown("- ```\n  x\n  ```\n- y"),
        vec![Block::List { ordered: false, start: 1, items: vec![vec![Block::Code("x".into())], item("y")] }]
    );
}

#[test]
fn raw_html_keeps_markdown_inside_it_as_typed() {
    assert_eq!(
        markdown("<span title=\"*x*\">y</span> *z*"),
        vec![p(vec![t("<span title=\"*x*\">y</span> "), em(vec![t("z")])])]
    );
    assert_eq!(markdown("a <!-- *b* --> c"), vec![p(vec![t("a <!-- *b* --> c")])]);
    // A script block runs to its end tag, blank lines included.
    assert_eq!(
        markdown("<script>\na\n\n*b*\n</script>\n*after*"),
        vec![
            p(vec![
                t("<script>"),
                Inline::Break,
                t("a"),
                Inline::Break,
                Inline::Break,
                t("*b*"),
                Inline::Break,
                t("</script>")
            ]),
            p(vec![em(vec![t("after")])])
        ]
    );
}

#[test]
fn tabs_line_endings_and_escapes() {
    assert_eq!(
        markdown("-\tx\n>\tq"),
        vec![Block::List { ordered: false, start: 1, items: vec![item("x")] }, Block::Quote(vec![p(vec![t("q")])])]
    );
    assert_eq!(
        markdown("a\r\nb\r\n\r\nc\rd"),
        vec![p(vec![t("a"), Inline::Break, t("b")]), p(vec![t("c"), Inline::Break, t("d")])]
    );
    assert_eq!(markdown("\\# \\- \\[x\\] \\a 1986\\. \\\\"), vec![p(vec![t("# - [x] \\a 1986. \\")])]);
}
