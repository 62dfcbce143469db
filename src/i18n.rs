//! The reader's language in the view: every string a component shows comes
//! from `threadline_i18n` through these helpers, and backend errors are put
//! into words here (their `Display` is English, for logs).

use crate::state::ThreadState;
use threadline_core::BackendError;
pub use threadline_i18n::{fill, Key, Lang, Noun};

/// `lang="…"` on the widget's element wins, then `<html lang>`, then English.
pub fn page_lang() -> Lang {
    let tag = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    Lang::from_tag(&tag)
}

impl ThreadState {
    pub fn t(self, key: Key) -> &'static str {
        threadline_i18n::t(self.lang, key)
    }

    pub fn count(self, noun: Noun, n: usize) -> String {
        threadline_i18n::count(self.lang, noun, n as u64)
    }

    pub fn error_text(self, e: &BackendError) -> String {
        error_text(self.lang, e)
    }
}

pub fn error_text(lang: Lang, e: &BackendError) -> String {
    let t = |k| threadline_i18n::t(lang, k);
    match e {
        BackendError::Network(m) if m.contains("in time") => t(Key::ErrTimeout).to_owned(),
        BackendError::Network(_) => t(Key::ErrOffline).to_owned(),
        BackendError::Status { code, message } if message.trim().is_empty() => {
            fill(t(Key::ErrStatus), &[("code", &code.to_string())])
        }
        BackendError::Status { code, message } => {
            fill(t(Key::ErrStatusMessage), &[("code", &code.to_string()), ("message", message)])
        }
        // The backend's (or the policy's) own words about this comment.
        BackendError::Rejected(reason) | BackendError::Nudged(reason) | BackendError::Wait { message: reason, .. } => {
            fill(t(Key::ErrRejected), &[("reason", reason)])
        }
        BackendError::UnknownParent(_) => t(Key::ErrUnknownParent).to_owned(),
        BackendError::Storage(reason) => fill(t(Key::ErrStorage), &[("reason", &storage_reason(lang, reason))]),
        // The detail is technical but it is what a site owner needs; readers get the sentence first.
        BackendError::Invalid(detail) => format!("{} ({detail})", t(Key::ErrInvalidAnswer)),
    }
}

/// A storage failure (`storage.rs` says it in English) in `lang`; any other
/// text is given as it is.
pub fn storage_reason(lang: Lang, reason: &str) -> String {
    const REASONS: [Key; 5] = [
        Key::StorageUnavailable,
        Key::StorageDisabled,
        Key::StorageUnreadable,
        Key::StorageFull,
        Key::StorageUnwritable,
    ];
    REASONS
        .iter()
        .find(|k| threadline_i18n::t(Lang::En, **k) == reason)
        .map_or_else(|| reason.to_owned(), |k| threadline_i18n::t(lang, *k).to_owned())
}

pub fn draft_error_text(lang: Lang, e: &threadline_core::model::DraftError) -> String {
    use threadline_core::model::DraftError;
    match e {
        DraftError::EmptyBody => threadline_i18n::t(lang, Key::EmptyBody).to_owned(),
        DraftError::EmptyAuthor => threadline_i18n::t(lang, Key::EmptyAuthor).to_owned(),
        DraftError::AuthorTooLong { max } => threadline_i18n::count(lang, Noun::NameTooLong, *max as u64),
        DraftError::BodyTooLong { max } => threadline_i18n::count(lang, Noun::BodyTooLong, *max as u64),
        DraftError::ControlInAuthor { code } => control(lang, Key::ControlInName, *code),
        DraftError::ControlInBody { code } => control(lang, Key::ControlInBody, *code),
    }
}

fn control(lang: Lang, key: Key, code: u32) -> String {
    threadline_i18n::fill(threadline_i18n::t(lang, key), &[("code", &format!("U+{code:04X}"))])
}
