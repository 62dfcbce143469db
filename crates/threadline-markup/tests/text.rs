use threadline_markup::{parse, text, to_plain_text, Block, Format, Inline};

fn t(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

#[test]
fn paragraphs_split_on_blank_lines_and_newlines_break() {
    let blocks = text("one\ntwo\r\n\r\n  \nthree\rfour\n\n\n");
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph(vec![t("one"), Inline::Break, t("two")]),
            Block::Paragraph(vec![t("three"), Inline::Break, t("four")])
        ]
    );
}

#[test]
fn text_is_never_markup() {
    let src = "<b>*not bold*</b> [x](javascript:alert(1)) &amp;";
    assert_eq!(text(src), vec![Block::Paragraph(vec![t(src)])]);
    assert_eq!(text(""), vec![]);
    assert_eq!(text("\n \n\t\n"), vec![]);
}

#[test]
fn parse_picks_the_reader() {
    assert_eq!(parse("*a*", Format::Text), text("*a*"));
    assert_eq!(parse("*a*", Format::Markdown), vec![Block::Paragraph(vec![Inline::Emphasis(vec![t("a")])])]);
    assert_eq!(parse("<em>a</em>", Format::Html), vec![Block::Paragraph(vec![Inline::Emphasis(vec![t("a")])])]);
}

#[test]
fn format_spells_like_the_backend_descriptions() {
    assert_eq!(Format::default(), Format::Text);
    for (format, name) in [(Format::Text, "\"text\""), (Format::Markdown, "\"markdown\""), (Format::Html, "\"html\"")] {
        assert_eq!(serde_json::to_string(&format).unwrap(), name);
        assert_eq!(serde_json::from_str::<Format>(name).unwrap(), format);
    }
}

#[test]
fn plain_text_of_every_node() {
    let blocks = vec![
        Block::Paragraph(vec![
            t("a "),
            Inline::Emphasis(vec![t("b")]),
            Inline::Strong(vec![t("c")]),
            Inline::Strike(vec![t("d")]),
            Inline::Code("e".into()),
            Inline::Break,
            Inline::Link { href: "https://x.org".into(), children: vec![t("f")] },
        ]),
        Block::Quote(vec![Block::Paragraph(vec![t("q1")]), Block::Paragraph(vec![t("q2")])]),
        Block::List {
            ordered: true,
            start: 3,
            items: vec![vec![Block::Paragraph(vec![t("i1")])], vec![Block::Paragraph(vec![t("i2")])]],
        },
        Block::Code("x\ny".into()),
    ];
    assert_eq!(to_plain_text(&blocks), "a bcde\nf\n\nq1\n\nq2\n\ni1\ni2\n\nx\ny");
    assert_eq!(to_plain_text(&[]), "");
}
