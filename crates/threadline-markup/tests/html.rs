use threadline_markup::{html, to_plain_text, Block, Inline};

mod common;
use common::{link, p, t};

#[test]
fn what_isso_stores() {
    let stored = "<p>Hello <em>there</em>, <strong>you</strong>.</p>\n<blockquote>\n<p>quoted\nline</p>\n</blockquote>\n\
        <ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol start=\"4\">\n<li>four</li>\n</ol>\n\
        <pre><code>fn main() {\n    x();\n}\n</code></pre>\n<p><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener\">link</a> <del>old</del> <s>s</s> <i>i</i> <b>b</b> <code>c</code><br>\nnext</p>";
    assert_eq!(
        html(stored),
        vec![
            p(vec![t("Hello "), Inline::Emphasis(vec![t("there")]), t(", "), Inline::Strong(vec![t("you")]), t(".")]),
            Block::Quote(vec![p(vec![t("quoted line")])]),
            Block::List { ordered: false, start: 1, items: vec![vec![p(vec![t("one")])], vec![p(vec![t("two")])]] },
            Block::List { ordered: true, start: 4, items: vec![vec![p(vec![t("four")])]] },
            Block::Code("fn main() {\n    x();\n}".into()),
            p(vec![
                link("https://example.org/a?b=1&c=2", "link"),
                t(" "),
                Inline::Strike(vec![t("old")]),
                t(" "),
                Inline::Strike(vec![t("s")]),
                t(" "),
                Inline::Emphasis(vec![t("i")]),
                t(" "),
                Inline::Strong(vec![t("b")]),
                t(" "),
                Inline::Code("c".into()),
                Inline::Break,
                t("next"),
            ]),
        ]
    );
}

#[test]
fn other_tags_are_dropped_but_their_text_kept() {
    assert_eq!(html("<span style=\"x\">a</span> <font>b</font> <u>c</u>"), vec![p(vec![t("a b c")])]);
    assert_eq!(html("<div>a</div><div>b</div>"), vec![p(vec![t("a")]), p(vec![t("b")])]);
    assert_eq!(html("<table><tr><td>1</td><td>2</td></tr></table>"), vec![p(vec![t("1 2")])]);
    assert_eq!(html("<h2>Title</h2>text"), vec![p(vec![Inline::Strong(vec![t("Title")])]), p(vec![t("text")])]);
    assert_eq!(html("a<img src=x onerror=alert(1)>b<hr>c"), vec![p(vec![t("ab")]), p(vec![t("c")])]);
}

#[test]
fn script_and_style_content_is_shown_as_text() {
    assert_eq!(
        html("<script>alert('<b>x</b>')</script><style>p { color: red }</style>tail"),
        vec![p(vec![t("alert('<b>x</b>')p { color: red }tail")])]
    );
    assert_eq!(html("<SCRIPT>never closed <p>x"), vec![p(vec![t("never closed <p>x")])]);
    assert_eq!(html("<textarea>&lt;b&gt;</textarea>"), vec![p(vec![t("<b>")])]);
    assert_eq!(html("<plaintext><b>x</b>"), vec![p(vec![t("<b>x</b>")])]);
}

#[test]
fn entities() {
    assert_eq!(
        html(
            "&amp; &lt; &gt; &quot; &apos; &#39; &nbsp; &#65; &#x42; &#X43; &#0; &#xD800; &#1114112; &unknown; & &amp"
        ),
        vec![p(vec![t("& < > \" ' ' \u{a0} A B C \u{fffd} \u{fffd} \u{fffd} &unknown; & &amp")])]
    );
}

#[test]
fn links_through_safe_href() {
    assert_eq!(
        html("<a href=https://a.org>a</a> <a href='javascript:alert(1)'>b</a> <a>c</a> <a href=\"/rel\">d</a> <a href=\"jav&#x09;ascript:x\">e</a>"),
        vec![p(vec![link("https://a.org", "a"), t(" b c d e")])]
    );
    assert_eq!(html("<a href=\"https://a.org\"></a>"), vec![p(vec![link("https://a.org", "https://a.org")])]);
    assert_eq!(
        html("<a href=https://a.org>x<a href=https://b.org>y</a>z</a>"),
        vec![p(vec![link("https://a.org", "xyz")])]
    );
}

#[test]
fn malformed_input_keeps_its_text() {
    assert_eq!(html("</p>x<p>y"), vec![p(vec![t("x")]), p(vec![t("y")])]);
    assert_eq!(html("a < b > c <b unclosed"), vec![p(vec![t("a < b > c <b unclosed")])]);
    assert_eq!(html("<em>a<strong>b"), vec![p(vec![Inline::Emphasis(vec![t("a"), Inline::Strong(vec![t("b")])])])]);
    assert_eq!(
        html("<i>a<b>b</i>c</b>d"),
        vec![p(vec![Inline::Emphasis(vec![t("a"), Inline::Strong(vec![t("b")])]), t("cd")])]
    );
    assert_eq!(html("<a title=\"x>y\" href=https://a.org>t</a>"), vec![p(vec![link("https://a.org", "t")])]);
    assert_eq!(html("<a title=\"never closed>t"), vec![p(vec![t("t")])]);
    assert_eq!(html("<!-- hidden -->shown<!-- open"), vec![p(vec![t("shown<!-- open")])]);
    assert_eq!(html("<!DOCTYPE html><?xml x?>a</>b"), vec![p(vec![t("ab")])]);
    assert_eq!(html("x</ 1>y"), vec![p(vec![t("x</ 1>y")])]);
    assert_eq!(html("<li>stray</li><blockquote>q"), vec![p(vec![t("stray")]), Block::Quote(vec![p(vec![t("q")])])]);
    assert_eq!(
        html("<ul>loose<li>a<li>b</ul>"),
        vec![Block::List {
            ordered: false,
            start: 1,
            items: vec![vec![p(vec![t("loose")])], vec![p(vec![t("a")])], vec![p(vec![t("b")])]]
        }]
    );
}

#[test]
fn whitespace_collapses_like_in_browsers() {
    assert_eq!(html("  <p>  a \n\t b  </p>\n\n<p>c</p>  "), vec![p(vec![t("a b")]), p(vec![t("c")])]);
    assert_eq!(html("<pre>\n  keep   this\n</pre>"), vec![Block::Code("  keep   this".into())]);
    assert_eq!(to_plain_text(&html("a<br/>b<br />c</br>d")), "a\nb\nc\nd");
}

#[test]
fn ordered_list_start() {
    let starts: Vec<u64> = ["<ol start=7>", "<ol start=\" 2 \">", "<ol start=-1>", "<ol start=x>", "<ol>"]
        .iter()
        .map(|open| match html(&format!("{open}<li>a</li></ol>")).first() {
            Some(Block::List { start, .. }) => *start,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(starts, vec![7, 2, 1, 1, 1]);
}
