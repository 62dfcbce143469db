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
