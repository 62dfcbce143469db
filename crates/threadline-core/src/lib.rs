//! Threadline's pure core: the comment model, tree building, collapse state and
//! the flat list of visible rows the view renders. No browser, no I/O: every
//! behaviour here runs under plain `cargo test`.

pub mod backend;
pub mod collapse;
pub mod model;
pub mod rows;
pub mod seed;
pub mod tree;

pub use backend::{Backend, BackendError, BoxFuture};
pub use collapse::CollapseState;
pub use model::{Comment, CommentId, NewComment};
pub use rows::{visible_rows, Row};
pub use seed::{Article, PolicyText, SeedDocument};
pub use tree::{InsertError, SortOrder, Thread, TreeWarning};
