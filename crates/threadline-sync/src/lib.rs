//! How Threadline talks to a JSON backend it did not write: a `BackendDescription`
//! (URL templates and JSON pointers, loaded from configuration) and the pure
//! functions that turn a backend's answers into `threadline_core::Comment`s and
//! a draft into the backend's request. No HTTP here: the browser app sends what
//! this crate builds, so every mapping is tested natively on recorded answers.

pub mod answers;
pub mod description;
mod description_reader;
pub mod json;
pub mod mapping;
pub mod outbox;
pub mod presets;
pub mod screen;
pub mod template;
pub mod time;

pub use description::{BackendDescription, DescriptionError, Endpoint};
pub use mapping::{
    build_create_body, build_edit_body, parse_created, parse_created_at, parse_item, parse_list, MappingError, Parsed,
};
pub use outbox::{Outbox, Pending};
pub use presets::preset;
pub use template::expand_url;
