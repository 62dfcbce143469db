//! The view: components that only wire the core to the DOM.

pub mod article;
pub mod comment;
pub mod draft_check;
pub mod policy;
pub mod reply_form;
pub mod thread;

pub use article::ArticleView;
pub use comment::CommentRow;
pub use policy::PolicyView;
pub use reply_form::ReplyForm;
pub use thread::ThreadView;

/// Deeper replies keep this indentation so they stay readable on a phone.
/// Keep in step with the `data-indent` rules in style/threadline.css.
pub const MAX_INDENT: usize = 6;

pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
