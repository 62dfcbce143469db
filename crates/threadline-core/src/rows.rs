//! The flat list of rows the view renders: the tree in reading order with
//! collapsed subtrees left out. Rendering a flat, keyed list (instead of
//! nested components) keeps deep chains off the stack and lets a collapse
//! touch only the rows that change.

use crate::collapse::CollapseState;
use crate::model::CommentId;
use crate::tree::Thread;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub id: CommentId,
    /// Index of the node in the thread's arena.
    pub node: usize,
    pub depth: usize,
    pub collapsed: bool,
    /// Replies below this comment (all depths).
    pub replies: usize,
    /// The comment's content revision (see `Node::revision`).
    pub revision: u32,
}

pub fn visible_rows(thread: &Thread, collapse: &CollapseState) -> Vec<Row> {
    let mut rows = Vec::with_capacity(thread.len());
    let mut stack: Vec<usize> = thread.roots().iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        let Some(n) = thread.node(i) else { continue };
        let collapsed = collapse.is_collapsed(&n.comment.id);
        rows.push(Row {
            id: n.comment.id.clone(),
            node: i,
            depth: n.depth,
            collapsed,
            replies: n.descendants,
            revision: n.revision,
        });
        if !collapsed {
            stack.extend(n.children.iter().rev().copied());
        }
    }
    rows
}
