use threadline_core::model::{DraftError, MAX_AUTHOR_CHARS};
use threadline_core::NewComment;

fn draft(author: &str, body: &str) -> NewComment {
    NewComment { parent: None, author: author.into(), body: body.into(), idempotency_key: "k".into(), confirm: false }
}

#[test]
fn drafts_are_trimmed_and_empty_ones_refused_with_a_reason() {
    assert_eq!(draft("  Ani ", "\n hello \n").validated().unwrap().body, "hello");
    assert_eq!(draft("Ani", " \n\t").validated(), Err(DraftError::EmptyBody));
    assert_eq!(draft("  ", "hi").validated(), Err(DraftError::EmptyAuthor));
    let long = "x".repeat(MAX_AUTHOR_CHARS + 1);
    assert!(matches!(draft(&long, "hi").validated(), Err(DraftError::AuthorTooLong { .. })));
    assert!(DraftError::EmptyBody.to_string().contains("Write something"));
}

/// The reference server refuses these (`api/validate.rs`, with the same
/// check): refused here, the reader is told before anything is sent,
/// instead of the comment waiting in the outbox for an answer that cannot change.
#[test]
fn control_characters_are_refused_before_sending_naming_the_character() {
    let body = draft("Ani", "one\u{c}two").validated();
    assert_eq!(body, Err(DraftError::ControlInBody { code: 0xC }));
    assert!(body.unwrap_err().to_string().contains("U+000C"));
    // At either end too, where trimming would have hidden it.
    assert_eq!(draft("Ani", "text\u{b}").validated(), Err(DraftError::ControlInBody { code: 0xB }));
    assert_eq!(draft("A\u{7}ni", "hi").validated(), Err(DraftError::ControlInAuthor { code: 7 }));
    assert_eq!(draft("A\tni", "hi").validated(), Err(DraftError::ControlInAuthor { code: 9 }));
    // Line breaks and tabs are how comments are laid out; Windows' line ends become plain ones.
    let ok = draft("Ani", "a\r\n\tb\nc").validated().unwrap();
    assert_eq!(ok.body, "a\n\tb\nc");
}

/// What a name shows must be what was typed: a name of invisible characters
/// would show as no name, and a bidi override shows "Admin\u{202E}live" as
/// "Adminevil", a way to pass for someone else.
#[test]
fn names_that_show_as_nothing_or_reordered_are_refused() {
    assert_eq!(draft("\u{3000}\u{a0}\u{200b}", "hi").validated(), Err(DraftError::EmptyAuthor));
    assert_eq!(draft("\u{feff}\u{2060}\u{3164}", "hi").validated(), Err(DraftError::EmptyAuthor));
    for blank in ["\u{2800}", "\u{fe0f}\u{e0041}", "\u{200f}", " \u{61c}\u{1d173} "] {
        assert_eq!(draft(blank, "hi").validated(), Err(DraftError::EmptyAuthor), "{blank:?}");
    }
    // A mark at the end of a right-to-left name is kept: it was typed to steer.
    assert_eq!(
        draft("\u{5e9}\u{5dc}\u{5d5}\u{5dd}\u{200f}", "hi").validated().unwrap().author,
        "\u{5e9}\u{5dc}\u{5d5}\u{5dd}\u{200f}"
    );
    assert_eq!(draft("\u{200b}Ani\u{200b} ", "hi").validated().unwrap().author, "Ani");
    for c in ['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}'] {
        let name = format!("Admin{c}live");
        assert_eq!(draft(&name, "hi").validated(), Err(DraftError::ControlInAuthor { code: c as u32 }));
    }
    // Inside a name, a joiner and the bidi marks are kept: scripts need them.
    for name in ["\u{5e9}\u{5dc}\u{200f} \u{5d5}\u{5dd}", "\u{915}\u{94d}\u{200d}\u{937}"] {
        assert_eq!(draft(name, "hi").validated().unwrap().author, name);
    }
    // Comments may still hold them: a quote in Hebrew needs its marks and isolates.
    assert!(draft("Ani", "\u{2067}\u{5e9}\u{5dc}\u{2069} ok").validated().is_ok());
}
