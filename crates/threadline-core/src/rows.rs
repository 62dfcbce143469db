//! The flat list of rows the view renders: the tree in reading order with
//! collapsed subtrees left out and big lists cut by the `Window` into
//! "more" rows. Rendering a flat list keyed by `RowKey` (instead of nested
//! components) keeps deep chains off the stack and lets a collapse, a page or
//! a new reply touch only the rows that change. The cost is proportional to
//! the rows drawn, not to the size of the thread.

use crate::collapse::CollapseState;
use crate::model::CommentId;
use crate::tree::Thread;
use crate::window::Window;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    Comment,
    /// "N more replies" under `Row::id`; `hidden` comments in all.
    MoreReplies {
        hidden: usize,
    },
    /// "Continue this thread" for the replies of `Row::id`.
    Continue {
        hidden: usize,
    },
    /// "Show N more comments" after the last top-level comment shown.
    MoreTop {
        hidden: usize,
    },
}

/// What a row is, independent of counts: the key a keyed view diffs on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowKey {
    Comment(CommentId),
    MoreReplies(CommentId),
    Continue(CommentId),
    MoreTop,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub kind: RowKind,
    /// The comment (for "more" rows: whose replies they stand for; empty for `MoreTop`).
    pub id: CommentId,
    /// Index of the node in the thread's arena.
    pub node: usize,
    /// Depth below the top of what is shown (the focus of "Continue this thread").
    pub depth: usize,
    pub collapsed: bool,
    /// Replies below this comment (all depths).
    pub replies: usize,
    /// The comment's content revision (see `Node::revision`).
    pub revision: u32,
}

impl Row {
    pub fn key(&self) -> RowKey {
        match self.kind {
            RowKind::Comment => RowKey::Comment(self.id.clone()),
            RowKind::MoreReplies { .. } => RowKey::MoreReplies(self.id.clone()),
            RowKind::Continue { .. } => RowKey::Continue(self.id.clone()),
            RowKind::MoreTop { .. } => RowKey::MoreTop,
        }
    }

    pub fn is_comment(&self) -> bool {
        self.kind == RowKind::Comment
    }
}

/// Every comment, nothing paged: for small threads and tests.
pub fn visible_rows(thread: &Thread, collapse: &CollapseState) -> Vec<Row> {
    window_rows(thread, collapse, &Window::unlimited())
}

enum Step {
    Node(usize, usize),
    Extra(Row),
}

pub fn window_rows(thread: &Thread, collapse: &CollapseState, window: &Window) -> Vec<Row> {
    let must = window.must_show(thread);
    let pinned = window.pinned_nodes(thread);
    let focus = window.focus().and_then(|id| thread.find(id));
    let mut rows = Vec::new();
    let mut stack: Vec<Step> = Vec::new();
    match focus {
        // Depths restart at the focus, so a continued thread starts at the left again.
        Some(f) => stack.push(Step::Node(f, 0)),
        None => {
            let (shown, more) = pick(thread.roots(), window.shown_top(), &must);
            if more > 0 {
                stack.push(Step::Extra(extra(RowKind::MoreTop { hidden: more }, CommentId::default(), 0, 0)));
            }
            stack.extend(shown.into_iter().rev().map(|i| Step::Node(i, 0)));
        }
    }
    while let Some(step) = stack.pop() {
        let (i, depth) = match step {
            Step::Extra(row) => {
                rows.push(row);
                continue;
            }
            Step::Node(i, depth) => (i, depth),
        };
        let Some(n) = thread.node(i) else { continue };
        let collapsed = collapse.is_collapsed(&n.comment.id);
        rows.push(Row {
            kind: RowKind::Comment,
            id: n.comment.id.clone(),
            node: i,
            depth,
            collapsed,
            replies: n.descendants,
            revision: n.revision,
        });
        // Replies not listed yet still get their "more" or "continue" row.
        if collapsed || (n.children.is_empty() && n.unlisted == 0) {
            continue;
        }
        // Paging yields to pins, but a depth cut only to a pinned direct reply
        // (the reader's own, posted right at the cut): a pin deep in a chain
        // must not unroll the whole chain; permalinks set the focus instead.
        let cut = depth >= window.continue_depth && !n.children.iter().any(|c| pinned.contains(c));
        if cut {
            let row = extra(RowKind::Continue { hidden: n.descendants }, n.comment.id.clone(), i, depth + 1);
            stack.push(Step::Extra(row));
            continue;
        }
        let (shown, _) = pick(&n.children, window.shown_replies(&n.comment.id), &must);
        let shown_total = shown
            .iter()
            .filter_map(|&c| thread.node(c))
            .fold(0usize, |sum, c| sum.saturating_add(c.descendants).saturating_add(1));
        let hidden = n.descendants - shown_total.min(n.descendants);
        if hidden > 0 {
            let row = extra(RowKind::MoreReplies { hidden }, n.comment.id.clone(), i, depth + 1);
            stack.push(Step::Extra(row));
        }
        stack.extend(shown.into_iter().rev().map(|c| Step::Node(c, depth + 1)));
    }
    rows
}

/// The first `limit` of a sibling list plus any that must show; and how many
/// of the list stay hidden.
fn pick(list: &[usize], limit: usize, must: &std::collections::HashSet<usize>) -> (Vec<usize>, usize) {
    let shown: Vec<usize> =
        list.iter().enumerate().filter(|(k, i)| *k < limit || must.contains(i)).map(|(_, &i)| i).collect();
    let hidden = list.len() - shown.len();
    (shown, hidden)
}

fn extra(kind: RowKind, id: CommentId, node: usize, depth: usize) -> Row {
    Row { kind, id, node, depth, collapsed: false, replies: 0, revision: 0 }
}
