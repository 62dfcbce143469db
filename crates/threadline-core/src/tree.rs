//! Builds the reply tree from a flat list of comments with parent ids.
//!
//! Everything is iterative (explicit stacks and queues, never recursion), so a
//! 100,000-long reply chain costs memory, not stack. Hostile shapes never panic:
//! each is resolved the same way every time and reported as a warning.

use crate::model::{Comment, CommentId};
use crate::sort::Ordering;
use std::collections::{HashMap, VecDeque};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeWarning {
    /// A second comment with an id already seen; the first one is kept.
    DuplicateId { id: CommentId },
    /// A comment naming itself as parent; shown as a top-level comment.
    SelfParent { id: CommentId },
    /// A reply whose parent is not in the list; shown as a top-level comment.
    MissingParent { id: CommentId, parent: CommentId },
    /// Parent links that loop; the loop is cut at `promoted`, its first comment in input order.
    Cycle { promoted: CommentId, members: Vec<CommentId> },
}

impl fmt::Display for TreeWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TreeWarning::DuplicateId { id } => {
                write!(f, "comment {id} appears twice; the later copy is ignored")
            }
            TreeWarning::SelfParent { id } => {
                write!(f, "comment {id} replies to itself; shown at top level")
            }
            TreeWarning::MissingParent { id, parent } => {
                write!(f, "comment {id} replies to {parent}, which is missing; shown at top level")
            }
            TreeWarning::Cycle { promoted, members } => write!(
                f,
                "comments {} reply to each other in a loop; {promoted} is shown at top level",
                members.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InsertError {
    DuplicateId(CommentId),
    UnknownParent(CommentId),
}

impl fmt::Display for InsertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InsertError::DuplicateId(id) => {
                write!(f, "a comment with id {id} is already in the thread")
            }
            InsertError::UnknownParent(id) => {
                write!(f, "the parent comment {id} is not in this thread")
            }
        }
    }
}

#[derive(Clone, Debug)]
pub struct Node {
    pub comment: Comment,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub depth: usize,
    /// Size of the subtree below this comment (what collapsing it hides),
    /// counting `unlisted`.
    pub descendants: usize,
    /// Comments below this one that a shortened listing left out (see `unlisted.rs`).
    pub unlisted: usize,
    /// Bumped whenever the comment's content changes, so views redraw it.
    pub revision: u32,
}

/// Up to this many new comments a merge inserts them one by one (keeping the
/// arena stable); more are folded in by one linear rebuild.
const INCREMENTAL_LIMIT: usize = 64;

#[derive(Clone, Debug, Default)]
pub struct Thread {
    pub(crate) nodes: Vec<Node>,
    pub(crate) roots: Vec<usize>,
    index: HashMap<CommentId, usize>,
    warnings: Vec<TreeWarning>,
    /// How sibling lists are ordered (see `sort.rs`); inserts keep it.
    pub(crate) order: Ordering,
}

impl Thread {
    pub fn build(comments: Vec<Comment>) -> Thread {
        let mut t = Thread::default();
        for c in comments {
            if t.index.contains_key(&c.id) {
                t.warnings.push(TreeWarning::DuplicateId { id: c.id });
                continue;
            }
            t.index.insert(c.id.clone(), t.nodes.len());
            t.nodes.push(Node {
                comment: c,
                parent: None,
                children: Vec::new(),
                depth: 0,
                descendants: 0,
                unlisted: 0,
                revision: 0,
            });
        }
        t.link_parents();
        t.cut_cycles();
        t.recompute_shape();
        // Sibling lists follow the (default) order from the start, so later
        // inserts land where that order puts them.
        t.sort(Ordering::default());
        t
    }

    fn link_parents(&mut self) {
        for i in 0..self.nodes.len() {
            let Some(pid) = self.nodes[i].comment.parent.clone() else {
                continue;
            };
            match self.index.get(&pid).copied() {
                Some(p) if p == i => self.warnings.push(TreeWarning::SelfParent { id: pid }),
                Some(p) => self.nodes[i].parent = Some(p),
                None => {
                    self.warnings.push(TreeWarning::MissingParent { id: self.nodes[i].comment.id.clone(), parent: pid })
                }
            }
        }
    }

    /// A node is in (or hangs below) a loop exactly when walking up its parents
    /// never reaches a root. Walks are memoised so the whole pass is linear.
    fn cut_cycles(&mut self) {
        const UNKNOWN: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![UNKNOWN; self.nodes.len()];
        let mut path = Vec::new();
        for start in 0..self.nodes.len() {
            let mut cur = start;
            while state[cur] == UNKNOWN {
                state[cur] = ON_PATH;
                path.push(cur);
                match self.nodes[cur].parent {
                    Some(p) => cur = p,
                    None => break,
                }
            }
            if state[cur] == ON_PATH && self.nodes[cur].parent.is_some() {
                // `cur` was met twice on this walk: the loop is path[pos..].
                let pos = path.iter().position(|&n| n == cur).unwrap_or(0);
                let mut members: Vec<usize> = path[pos..].to_vec();
                // By position, through the crate's one sort (the key is the position alone).
                crate::sort::sort_indices(&mut members, &|i| (std::cmp::Reverse(0), 0, i));
                let promoted = members[0];
                self.nodes[promoted].parent = None;
                self.warnings.push(TreeWarning::Cycle {
                    promoted: self.nodes[promoted].comment.id.clone(),
                    members: members.iter().map(|&m| self.nodes[m].comment.id.clone()).collect(),
                });
            }
            for n in path.drain(..) {
                state[n] = DONE;
            }
        }
    }

    /// Rebuilds children lists, depths and subtree sizes from parent links.
    fn recompute_shape(&mut self) {
        self.roots.clear();
        for n in &mut self.nodes {
            n.children.clear();
        }
        for i in 0..self.nodes.len() {
            match self.nodes[i].parent {
                Some(p) => self.nodes[p].children.push(i),
                None => self.roots.push(i),
            }
        }
        // Breadth-first from the roots gives depths; the reverse of that order
        // visits every child before its parent, which sums subtree sizes.
        let mut order = Vec::with_capacity(self.nodes.len());
        let mut queue: VecDeque<usize> = self.roots.iter().copied().collect();
        for &r in &self.roots {
            self.nodes[r].depth = 0;
        }
        while let Some(i) = queue.pop_front() {
            order.push(i);
            let depth = self.nodes[i].depth + 1;
            for k in 0..self.nodes[i].children.len() {
                let c = self.nodes[i].children[k];
                self.nodes[c].depth = depth;
                queue.push_back(c);
            }
        }
        for n in &mut self.nodes {
            n.descendants = 0;
        }
        for &i in order.iter().rev() {
            if let Some(p) = self.nodes[i].parent {
                self.nodes[p].descendants += self.nodes[i].descendants + 1;
            }
        }
    }

    /// Adds one comment (a reader's reply) without rebuilding the tree.
    pub fn insert(&mut self, comment: Comment) -> Result<usize, InsertError> {
        if self.index.contains_key(&comment.id) {
            return Err(InsertError::DuplicateId(comment.id));
        }
        let parent = match &comment.parent {
            Some(pid) => Some(*self.index.get(pid).ok_or_else(|| InsertError::UnknownParent(pid.clone()))?),
            None => None,
        };
        let i = self.nodes.len();
        let depth = parent.map_or(0, |p| self.nodes[p].depth + 1);
        self.index.insert(comment.id.clone(), i);
        self.nodes.push(Node {
            comment,
            parent,
            children: Vec::new(),
            depth,
            descendants: 0,
            unlisted: 0,
            revision: 0,
        });
        self.place(parent, i);
        let mut up = parent;
        while let Some(a) = up {
            self.nodes[a].descendants = self.nodes[a].descendants.saturating_add(1);
            up = self.nodes[a].parent;
        }
        Ok(i)
    }

    /// Folds a fresh listing from the backend into the thread without
    /// rebuilding it (so what the reader has open stays open): new comments
    /// are added under their parents, changed ones updated in place. Returns
    /// the ids of the comments that were new. A reply whose parent is in
    /// neither is shown at top level, as `build` does.
    pub fn merge(&mut self, listing: Vec<Comment>) -> Vec<CommentId> {
        let mut added = Vec::new();
        let mut waiting = Vec::new();
        for c in listing {
            match self.find(&c.id) {
                Some(i) => {
                    let node = &mut self.nodes[i];
                    let same_parent = node.comment.parent == c.parent;
                    if node.comment != c && same_parent {
                        node.comment = c;
                        node.revision = node.revision.wrapping_add(1);
                    }
                }
                None => waiting.push(c),
            }
        }
        if waiting.len() > INCREMENTAL_LIMIT {
            return self.rebuild_with(waiting);
        }
        // Parents may come after their replies in a listing: insert in rounds.
        loop {
            let before = waiting.len();
            let mut rest = Vec::new();
            for c in waiting {
                let parent_known = c.parent.as_ref().is_none_or(|p| self.index.contains_key(p));
                if parent_known {
                    let id = c.id.clone();
                    if self.insert(c).is_ok() {
                        added.push(id);
                    }
                } else {
                    rest.push(c);
                }
            }
            waiting = rest;
            if waiting.is_empty() || waiting.len() == before {
                break;
            }
        }
        for c in waiting {
            let id = c.id.clone();
            if let Some(parent) = c.parent.clone() {
                self.warnings.push(TreeWarning::MissingParent { id: id.clone(), parent });
            }
            if self.insert(Comment { parent: None, ..c }).is_ok() {
                added.push(id);
            }
        }
        added
    }

    /// Many new comments at once (a busy thread after a long pause, a chain
    /// listed replies first): one linear rebuild instead of an insert each,
    /// which would walk every ancestor per comment. Ids are what the view and
    /// collapse state hold on to, so nothing on screen is lost; revisions are kept.
    fn rebuild_with(&mut self, new: Vec<Comment>) -> Vec<CommentId> {
        let added: Vec<CommentId> = new.iter().map(|c| c.id.clone()).collect();
        // The index's map type (revisions widened to usize and back): one
        // map type less in the widget's code.
        let revisions: HashMap<CommentId, usize> =
            self.nodes.iter().filter(|n| n.revision > 0).map(|n| (n.comment.id.clone(), n.revision as usize)).collect();
        // The rebuild re-reports every oddity of the whole thread, old and new.
        self.rebuild_from(|nodes| nodes.into_iter().map(|n| n.comment).chain(new).collect());
        for n in &mut self.nodes {
            n.revision = revisions.get(&n.comment.id).map_or(0, |&r| r as u32);
        }
        added.into_iter().filter(|id| self.index.contains_key(id)).collect()
    }

    /// Replaces a comment shown before the backend confirmed it (a pending
    /// id) by the stored one. When the stored one is already in the thread
    /// (a list fetched meanwhile had it), the placeholder just goes.
    pub fn confirm(&mut self, pending: &CommentId, stored: Comment) {
        let Some(i) = self.find(pending) else {
            let _ = self.insert(stored);
            return;
        };
        if self.index.contains_key(&stored.id) || !self.nodes[i].children.is_empty() {
            self.remove_leaf(pending);
            let _ = self.insert(stored);
            return;
        }
        self.index.remove(pending);
        self.index.insert(stored.id.clone(), i);
        let parent = std::mem::replace(&mut self.nodes[i].comment, stored).parent;
        self.nodes[i].comment.parent = parent;
    }

    /// Takes out a comment with no replies (a pending post the reader takes
    /// back). Anything else stays: removing a subtree would lose replies.
    pub fn remove_leaf(&mut self, id: &CommentId) -> bool {
        let Some(i) = self.find(id) else { return false };
        // Replies not listed yet are replies too.
        if !self.nodes[i].children.is_empty() || self.nodes[i].unlisted > 0 {
            return false;
        }
        self.without(|k| k == i);
        true
    }

    /// The thread without the nodes `drop` names (leaves: no reply is lost),
    /// its warnings kept.
    pub(crate) fn without(&mut self, drop: impl Fn(usize) -> bool) {
        let warnings = std::mem::take(&mut self.warnings);
        self.rebuild_from(|nodes| {
            nodes.into_iter().enumerate().filter(|(k, _)| !drop(*k)).map(|(_, n)| n.comment).collect()
        });
        self.warnings = warnings;
    }

    /// The thread built again from the comments `keep` makes of its nodes:
    /// in the same order, with the counts of replies not listed yet said again.
    fn rebuild_from(&mut self, keep: impl FnOnce(Vec<Node>) -> Vec<Comment>) {
        let order = self.order;
        let unlisted = self.unlisted_counts();
        *self = Thread::build(keep(std::mem::take(&mut self.nodes)));
        self.sort(order);
        self.set_unlisted(&unlisted);
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
    pub fn roots(&self) -> &[usize] {
        &self.roots
    }
    pub fn node(&self, i: usize) -> Option<&Node> {
        self.nodes.get(i)
    }
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }
    pub fn find(&self, id: &CommentId) -> Option<usize> {
        self.index.get(id).copied()
    }
    pub fn get(&self, id: &CommentId) -> Option<&Node> {
        self.find(id).and_then(|i| self.nodes.get(i))
    }
    pub fn warnings(&self) -> &[TreeWarning] {
        &self.warnings
    }
}
