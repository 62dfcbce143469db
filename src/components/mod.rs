//! The view: components that only wire the core to the DOM.

pub mod body;
pub mod comment;
pub mod draft_check;
pub mod edit_form;
mod live_check;
pub mod more;
pub mod policy;
pub mod policy_wait;
pub mod reply_form;
mod row_parts;
mod rows;
pub mod thread;

pub use edit_form::EditForm;
pub use more::MoreRow;
pub use policy::PolicyView;
pub use reply_form::ReplyForm;
pub use thread::{permalink_in_url, ThreadView};

/// Deeper replies keep this indentation so they stay readable on a phone.
/// Keep in step with the `data-indent` rules in style/threadline.css.
pub const MAX_INDENT: usize = 6;
