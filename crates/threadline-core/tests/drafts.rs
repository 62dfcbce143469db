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
