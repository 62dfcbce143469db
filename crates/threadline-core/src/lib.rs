//! Threadline's pure core: the comment model, tree building, collapse state and
//! the flat list of visible rows the view renders, paged by a `Window`. No browser, no I/O: every
//! behaviour here runs under plain `cargo test`.

pub mod backend;
pub mod changes;
pub mod collapse;
pub mod fields;
pub mod keyed;
pub mod model;
pub mod rows;
pub mod seed;
pub mod sort;
pub mod tree;
mod unlisted;
pub mod window;

pub use backend::{Backend, BackendError, BoxFuture, Capabilities, Edit, FirstScreen, Listed, Page};
pub use collapse::CollapseState;
pub use model::{BodyFormat, Comment, CommentId, NewComment};
pub use rows::{visible_rows, window_rows, Row, RowKey, RowKind};
pub use seed::{Article, PolicyText, SeedDocument};
pub use sort::{Ordering, SortOrder};
pub use tree::{InsertError, Thread, TreeWarning};
pub use window::Window;
