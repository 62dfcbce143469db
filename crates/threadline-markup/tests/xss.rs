//! OWASP-style payloads through both readers: no link may point anywhere but
//! http(s)/mailto, and the text a browser would have shown stays visible.

use threadline_markup::{html, markdown, safe_href, to_plain_text, Block, Inline};

/// (payload, text that must stay visible through html() and markdown()).
const PAYLOADS: &[(&str, &[&str])] = &[
    ("<script>alert('XSS')</script>", &["alert('XSS')"]),
    ("<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>", &[]),
    ("<IMG SRC=\"javascript:alert('XSS');\">", &[]),
    ("<IMG SRC=JaVaScRiPt:alert('XSS')>", &[]),
    ("<img src=x onerror=alert(1)>", &[]),
    ("<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">", &[]),
    ("<a href=\"javascript:alert(1)\">click1</a>", &["click1"]),
    ("<a href=\"JaVaScRiPt:alert(1)\">click2</a>", &["click2"]),
    ("<a href=\" javascript:alert(1)\">click3</a>", &["click3"]),
    ("<a href=\"jav&#x09;ascript:alert(1)\">click4</a>", &["click4"]),
    ("<a href=\"jav&#x0A;ascript:alert(1)\">click5</a>", &["click5"]),
    ("<a href=\"jav\tascript:alert(1)\">click6</a>", &["click6"]),
    ("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click7</a>", &["click7"]),
    ("<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">click8</a>", &["click8"]),
    ("<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">click9</a>", &["click9"]),
    ("<a href=\"javascript&colon;alert(1)\">click10</a>", &["click10"]),
    ("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click11</a>", &["click11"]),
    ("<a href=\"vbscript:msgbox(1)\">click12</a>", &["click12"]),
    ("<a href=\"&#1;javascript:alert(1)\">click13</a>", &["click13"]),
    ("<a href=javascript:alert(1)>click14</a>", &["click14"]),
    ("<a href=\"//evil.example/x\">click15</a>", &["click15"]),
    ("<a href=\"\u{0}javascript:alert(1)\">click16</a>", &["click16"]),
    ("<a href=\"  &#x20;javascript:alert(1)\">click17</a>", &["click17"]),
    ("<a href=\"https://ok.example\" onclick=\"alert(1)\">fine1</a>", &["fine1"]),
    ("<a href=\"https://ok.example/\" onmouseover=alert(1)>fine2</a>", &["fine2"]),
    ("<a href=\"javascript:alert(1)\"", &["<a href=\"javascript:alert(1)\""]),
    ("<body onload=alert('XSS')>bodytext", &["bodytext"]),
    ("<p onclick=\"alert(1)\">para</p>", &["para"]),
    ("<svg/onload=alert('XSS')>", &[]),
    ("<svg><script>alert(2)</script></svg>", &["alert(2)"]),
    ("<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">svgtext</text></a></svg>", &["svgtext"]),
    ("<iframe src=\"javascript:alert(1)\"></iframe>", &[]),
    ("<iframe srcdoc=\"<script>alert(1)</script>\">framed</iframe>", &["framed"]),
    ("<object data=\"javascript:alert(1)\">fallback</object>", &["fallback"]),
    ("<embed src=\"data:text/html,<script>alert(1)</script>\">", &[]),
    ("<div style=\"background-image: url(javascript:alert(1))\">styled</div>", &["styled"]),
    ("<style>@import 'http://evil.example/x.css';</style>after", &["@import 'http://evil.example/x.css';", "after"]),
    ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", &[]),
    ("<input onfocus=alert(1) autofocus>", &[]),
    ("<details open ontoggle=alert(1)>summary text</details>", &["summary text"]),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(3)>", &["<img src=x onerror=alert(3)>"]),
    ("<<SCRIPT>alert(\"XSS\");//<</SCRIPT>", &["alert(\"XSS\");//<"]),
    ("<IMG \"\"\"><SCRIPT>alert(\"XSS4\")</SCRIPT>\">", &["alert(\"XSS4\")"]),
    ("<scr<script>ipt>alert(5)</scr</script>ipt>", &["alert(5)"]),
    ("\"><script>alert(document.cookie)</script>", &["alert(document.cookie)"]),
    ("<!--<script>alert(1)</script>-->visible", &["visible"]),
    ("<form action=\"javascript:alert(1)\"><button>go</button></form>", &["go"]),
    ("<base href=\"javascript:alert(1)//\">", &[]),
    ("<link rel=stylesheet href=javascript:alert(1)>", &[]),
    ("<x onclick=alert(1)>custom</x>", &["custom"]),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert(6)>\">", &["<p title=\""]),
    ("<a href=\"data:text/html,%3Cscript%3Ealert(1)%3C/script%3E\">d1</a>", &["d1"]),
    ("[mdclick1](javascript:alert(1))", &["mdclick1"]),
    ("[mdclick2](JaVaScRiPt:alert(1))", &["mdclick2"]),
    ("[mdclick3](&#106;avascript:alert(1))", &["mdclick3"]),
    ("[mdclick4](<java\tscript:alert(1)>)", &["mdclick4"]),
    ("[mdclick5]( javascript:alert(1) )", &["mdclick5"]),
    ("[mdclick6](data:text/html;base64,PHNjcmlwdD4=)", &["mdclick6"]),
    ("[mdclick7](vbscript:msgbox(1))", &["mdclick7"]),
    ("[mdclick8](//evil.example)", &["mdclick8"]),
    ("![mdimg](javascript:alert(1))", &["mdimg"]),
    // An autolink to markdown (its text is kept, tests/markdown.rs), an unknown tag to HTML.
    ("<javascript:alert(1)>", &[]),
    ("[mdref][r]\n\n[r]: javascript:alert(1)", &["mdref"]),
    ("[mdclick9](java%0ascript:alert(1))", &["mdclick9"]),
];

fn links<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
    fn inlines<'a>(list: &'a [Inline], out: &mut Vec<&'a str>) {
        for inline in list {
            match inline {
                Inline::Link { href, children } => {
                    out.push(href);
                    inlines(children, out);
                }
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) => inlines(c, out),
                _ => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(list) => inlines(list, out),
            Block::Quote(inner) => links(inner, out),
            Block::List { items, .. } => items.iter().for_each(|item| links(item, out)),
            Block::Code(_) => {}
        }
    }
}

#[test]
fn there_are_enough_payloads() {
    assert!(PAYLOADS.len() >= 60, "{}", PAYLOADS.len());
}

#[test]
fn no_link_leaves_http_https_mailto() {
    for (payload, _) in PAYLOADS {
        for (reader, blocks) in [("html", html(payload)), ("markdown", markdown(payload))] {
            let mut hrefs = Vec::new();
            links(&blocks, &mut hrefs);
            for href in hrefs {
                let scheme_ok = ["http://", "https://", "mailto:"].iter().any(|s| href.starts_with(s));
                assert!(scheme_ok, "{reader} {payload:?} -> {href:?}");
                assert_eq!(safe_href(href).as_deref(), Some(href), "{reader} {payload:?}");
                assert!(!href.to_ascii_lowercase().contains("script:"), "{reader} {payload:?} -> {href:?}");
            }
        }
    }
}

#[test]
fn visible_text_survives_both_readers() {
    for (payload, shown) in PAYLOADS {
        for (reader, blocks) in [("html", html(payload)), ("markdown", markdown(payload))] {
            let text = to_plain_text(&blocks);
            for expected in *shown {
                assert!(text.contains(expected), "{reader} {payload:?}: {expected:?} not in {text:?}");
            }
        }
    }
}

#[test]
fn markdown_shows_raw_html_exactly_as_typed() {
    let mut checked = 0;
    for (payload, _) in PAYLOADS {
        let plain_in_markdown = !payload.contains(['*', '_', '\\', '[', ']', '!', '&', '`', '\n', '\t', '\0']);
        let autolink = payload.starts_with("<javascript:");
        if payload.starts_with('<') && plain_in_markdown && !autolink {
            assert_eq!(to_plain_text(&markdown(payload)), *payload);
            checked += 1;
        }
    }
    assert!(checked >= 30, "{checked}");
}

#[test]
fn html_never_shows_the_tags_it_understood() {
    for (payload, _) in PAYLOADS {
        let text = to_plain_text(&html(payload)).to_ascii_lowercase();
        for tag in ["<a ", "<img", "<svg", "<iframe", "<body", "<object"] {
            // Only where the payload itself puts the tag inside text (a raw-text element or an unterminated tag).
            if text.contains(tag) {
                assert!(
                    payload.contains("<style>") || payload.contains("<noscript>") || !payload.contains('>'),
                    "{payload:?}: {text:?}"
                );
            }
        }
    }
}
