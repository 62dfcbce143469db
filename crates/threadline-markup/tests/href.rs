use threadline_markup::safe_href;

#[test]
fn accepts_http_https_mailto_and_normalizes() {
    let cases = [
        ("https://example.com/a?b=c#d", "https://example.com/a?b=c#d"),
        ("http://example.com", "http://example.com"),
        ("HTTPS://EXAMPLE.com", "https://EXAMPLE.com"),
        ("  https://example.com  ", "https://example.com"),
        ("\u{0}\u{1f}https://example.com", "https://example.com"),
        ("ht\ttp\ns://exa\rmple.com", "https://example.com"),
        ("https:example.com", "https://example.com"),
        ("https:\\\\example.com", "https://example.com"),
        ("https:///example.com", "https://example.com"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
        ("MAILTO:someone@example.com?subject=hi", "mailto:someone@example.com?subject=hi"),
        ("https://javascript:alert(1)@example.com", "https://javascript:alert(1)@example.com"),
    ];
    for (input, expected) in cases {
        assert_eq!(safe_href(input).as_deref(), Some(expected), "{input:?}");
    }
}

#[test]
fn refuses_other_schemes_with_every_evasion() {
    let refused = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "\u{0}javascript:alert(1)",
        "\u{8}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "\tjavascript:alert(1)",
        "j\na\tv\ra script:alert(1)",
        "javascript\t:alert(1)",
        "\u{a0}javascript:alert(1)",
        "\u{feff}javascript:alert(1)",
        "ｊａｖａｓｃｒｉｐｔ:alert(1)",
        "javascript&colon;alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,<script>alert(1)</script>",
        " data:image/svg+xml,<svg onload=alert(1)>",
        "file:///etc/passwd",
        "ftp://example.com",
        "blob:https://example.com/uuid",
        "about:blank",
        "//evil.example",
        "\\\\evil.example",
        "/relative/path",
        "relative.html",
        "?q=1",
        "#fragment",
        "./x:y",
        "1http://example.com",
        "http//example.com",
        "",
        "   ",
        "http:",
        "https://",
        "http:?x",
        "mailto:",
    ];
    for input in refused {
        assert_eq!(safe_href(input), None, "{input:?}");
    }
}
