use threadline_markup::{markdown, to_plain_text, Block, Inline};

mod common;
use common::{link, p, t};

#[test]
fn inline_formatting() {
    assert_eq!(
        markdown("*a* _b_ **c** __d__ ~~e~~ `f`"),
        vec![p(vec![
            Inline::Emphasis(vec![t("a")]),
            t(" "),
            Inline::Emphasis(vec![t("b")]),
            t(" "),
            Inline::Strong(vec![t("c")]),
            t(" "),
            Inline::Strong(vec![t("d")]),
            t(" "),
            Inline::Strike(vec![t("e")]),
            t(" "),
            Inline::Code("f".into()),
        ])]
    );
}

#[test]
fn soft_and_hard_breaks_are_line_breaks() {
    assert_eq!(
        markdown("one\ntwo  \nthree\\\nfour\n\nfive"),
        vec![
            p(vec![t("one"), Inline::Break, t("two"), Inline::Break, t("three"), Inline::Break, t("four")]),
            p(vec![t("five")])
        ]
    );
}

#[test]
fn headings_are_bold_paragraphs() {
    assert_eq!(
        markdown("# Title *x*"),
        vec![p(vec![Inline::Strong(vec![t("Title "), Inline::Emphasis(vec![t("x")])])])]
    );
    assert_eq!(markdown("Sub\n---"), vec![p(vec![Inline::Strong(vec![t("Sub")])])]);
}

#[test]
fn quotes_lists_and_code_blocks() {
    assert_eq!(
        markdown("> q\n> > qq\n\n- a\n- b\n\n3. x\n4. y\n\n```rust\nfn x() {}\n```\n\n    indented"),
        vec![
            Block::Quote(vec![p(vec![t("q")]), Block::Quote(vec![p(vec![t("qq")])])]),
            Block::List { ordered: false, start: 1, items: vec![vec![p(vec![t("a")])], vec![p(vec![t("b")])]] },
            Block::List { ordered: true, start: 3, items: vec![vec![p(vec![t("x")])], vec![p(vec![t("y")])]] },
            Block::Code("fn x() {}".into()),
            Block::Code("indented".into()),
        ]
    );
}

#[test]
fn links_pass_through_safe_href() {
    assert_eq!(
        markdown("[ok](https://e.com \"title\") [bad](javascript:alert(1)) [rel](/x) [ref][r]\n\n[r]: HTTP://r.org"),
        vec![p(vec![link("https://e.com", "ok"), t(" bad rel "), link("http://r.org", "ref")])]
    );
}

#[test]
fn autolinks() {
    assert_eq!(
        markdown("<https://auto.org> <a@b.org> <javascript:alert(1)>"),
        vec![p(vec![
            link("https://auto.org", "https://auto.org"),
            t(" "),
            link("mailto:a@b.org", "a@b.org"),
            t(" javascript:alert(1)")
        ])]
    );
}

#[test]
fn links_never_nest_and_empty_links_show_their_target() {
    assert_eq!(markdown("[](https://x.org)"), vec![p(vec![link("https://x.org", "https://x.org")])]);
    assert_eq!(markdown("[![pic](https://i.org/p.png)](https://l.org)"), vec![p(vec![link("https://l.org", "pic")])]);
}

#[test]
fn images_load_nothing() {
    assert_eq!(
        markdown("![alt *text*](https://i.org/p.png) ![](https://i.org/q.png) ![x](data:image/png;base64,AAAA) ![](javascript:alert(1))"),
        vec![p(vec![
            link("https://i.org/p.png", "alt text"),
            t(" "),
            link("https://i.org/q.png", "image"),
            t(" x image"),
        ])]
    );
}

#[test]
fn raw_html_is_shown_as_typed() {
    assert_eq!(
        markdown("a <b>bold</b> <img src=x onerror=alert(1)>"),
        vec![p(vec![t("a <b>bold</b> <img src=x onerror=alert(1)>")])]
    );
    assert_eq!(
        markdown("<div onclick=\"x()\">\n<script>alert(1)</script>\n</div>\n\nafter"),
        vec![
            p(vec![
                t("<div onclick=\"x()\">"),
                Inline::Break,
                t("<script>alert(1)</script>"),
                Inline::Break,
                t("</div>")
            ]),
            p(vec![t("after")])
        ]
    );
}

#[test]
fn entities_and_escapes_are_text() {
    assert_eq!(markdown("&lt;b&gt; &amp; \\*not\\* &#0;"), vec![p(vec![t("<b> & *not* \u{fffd}")])]);
}

#[test]
fn what_renders_nothing_is_shown_as_typed() {
    for src in ["-", ">", "#", "***", "[a]: https://x.org", "1."] {
        assert_eq!(to_plain_text(&markdown(src)), src, "{src:?}");
    }
    assert_eq!(markdown("  \n\n "), vec![]);
}

#[test]
fn thematic_break_is_kept_between_paragraphs() {
    assert_eq!(markdown("a\n\n---\n\nb"), vec![p(vec![t("a")]), p(vec![t("---")]), p(vec![t("b")])]);
}

#[test]
fn tables_and_footnotes_are_plain_text() {
    assert_eq!(to_plain_text(&markdown("| a | b |\n|---|---|\n| 1 | 2 |")), "| a | b |\n|---|---|\n| 1 | 2 |");
    assert_eq!(to_plain_text(&markdown("x[^1] y")), "x[^1] y");
    // Without footnotes, a definition is a link definition (to a relative URL, so refused).
    assert_eq!(to_plain_text(&markdown("x[^1]\n\n[^1]: note")), "x^1");
}
