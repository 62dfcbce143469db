//! How much of a big thread is on screen: a page of top-level comments, the
//! first few replies of each comment, deep chains cut at a depth and opened
//! "in place" on request, and comments that must stay visible whatever the
//! paging (the reader's own new post, a permalink target). Kept apart from the
//! tree so paging never changes what the thread *is*, only what is drawn.

use crate::collapse::CollapseState;
use crate::model::CommentId;
use crate::tree::Thread;
use std::collections::{BTreeSet, HashMap};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// Top-level comments shown at first and added per "Show more comments".
    pub top_page: usize,
    /// Replies shown under a comment before "N more replies".
    pub replies_first: usize,
    /// Replies added per click on "N more replies".
    pub replies_page: usize,
    /// Relative depth whose replies open as "Continue this thread" instead.
    pub continue_depth: usize,
    shown_top: usize,
    shown_replies: HashMap<CommentId, usize>,
    /// Roots of "Continue this thread", innermost last; empty = whole thread.
    focus: Vec<CommentId>,
    pinned: BTreeSet<CommentId>,
}

impl Default for Window {
    fn default() -> Self {
        // A first screen that reads like a discussion, not a wall: 20 top-level
        // comments with their first 3 replies at each level.
        Window::new(20, 3, 20, 6)
    }
}

impl Window {
    pub fn new(top_page: usize, replies_first: usize, replies_page: usize, continue_depth: usize) -> Window {
        // Zero would show nothing and offer a "more" button that adds nothing.
        let top_page = top_page.max(1);
        Window {
            top_page,
            replies_first,
            replies_page: replies_page.max(1),
            continue_depth: continue_depth.max(1),
            shown_top: top_page,
            shown_replies: HashMap::new(),
            focus: Vec::new(),
            pinned: BTreeSet::new(),
        }
    }

    /// The default window with a site's (or a page's) own limits where given.
    pub fn with_limits(top: Option<usize>, replies: Option<usize>, depth: Option<usize>) -> Window {
        let d = Window::default();
        Window::new(
            top.unwrap_or(d.top_page),
            replies.unwrap_or(d.replies_first),
            d.replies_page,
            depth.unwrap_or(d.continue_depth),
        )
    }

    /// Everything at once: small threads and tests that check the whole tree.
    pub fn unlimited() -> Window {
        Window::new(usize::MAX, usize::MAX, usize::MAX, usize::MAX)
    }

    pub fn shown_top(&self) -> usize {
        self.shown_top
    }

    pub fn shown_replies(&self, parent: &CommentId) -> usize {
        self.shown_replies.get(parent).copied().unwrap_or(self.replies_first)
    }

    pub fn show_more_top(&mut self) {
        self.shown_top = self.shown_top.saturating_add(self.top_page);
    }

    pub fn show_more_replies(&mut self, parent: &CommentId) {
        let now = self.shown_replies(parent).saturating_add(self.replies_page);
        self.shown_replies.insert(parent.clone(), now);
    }

    pub fn focus(&self) -> Option<&CommentId> {
        self.focus.last()
    }

    /// Depth of "Continue this thread" nesting (for a "back" control).
    pub fn focus_depth(&self) -> usize {
        self.focus.len()
    }

    pub fn continue_thread(&mut self, id: &CommentId) {
        if self.focus.last() != Some(id) {
            self.focus.push(id.clone());
        }
    }

    /// One step back out of "Continue this thread"; returns the comment it came from.
    pub fn back(&mut self) -> Option<CommentId> {
        self.focus.pop()
    }

    pub fn whole_thread(&mut self) {
        self.focus.clear();
    }

    /// Keeps a comment (and the path to it) on screen whatever the paging.
    pub fn pin(&mut self, id: &CommentId) {
        self.pinned.insert(id.clone());
    }

    pub fn pinned(&self) -> &BTreeSet<CommentId> {
        &self.pinned
    }

    /// Opens whatever hides a comment (collapsed ancestors, paging, a deep
    /// chain) so a permalink lands on it. False when the thread has no such
    /// comment. The comment itself keeps its own collapse state.
    pub fn reveal(&mut self, thread: &Thread, collapse: &mut CollapseState, id: &CommentId) -> bool {
        let Some(target) = thread.find(id) else { return false };
        let mut path = Vec::new();
        let mut up = thread.node(target).and_then(|n| n.parent);
        while let Some(a) = up {
            path.push(a);
            up = thread.node(a).and_then(|n| n.parent);
        }
        path.reverse();
        for &a in &path {
            if let Some(n) = thread.node(a) {
                collapse.set(&n.comment.id, false);
            }
        }
        let depth = path.len();
        self.focus.clear();
        if depth > self.continue_depth {
            // Land the way "Continue this thread" clicks would have: at a
            // multiple of the cut depth, with the target inside the window.
            let at = (depth - 1) / self.continue_depth * self.continue_depth;
            if let Some(n) = path.get(at).and_then(|&a| thread.node(a)) {
                self.focus.push(n.comment.id.clone());
            }
        }
        self.pin(id);
        true
    }

    /// Nodes that must be drawn whatever the paging: the pinned ones and
    /// every ancestor of them. (Depth cuts still apply: see `rows.rs`.)
    pub(crate) fn must_show(&self, thread: &Thread) -> std::collections::HashSet<usize> {
        let mut set = std::collections::HashSet::new();
        for id in &self.pinned {
            let mut cur = thread.find(id);
            while let Some(i) = cur {
                if !set.insert(i) {
                    break;
                }
                cur = thread.node(i).and_then(|n| n.parent);
            }
        }
        set
    }

    pub(crate) fn pinned_nodes(&self, thread: &Thread) -> std::collections::HashSet<usize> {
        self.pinned.iter().filter_map(|id| thread.find(id)).collect()
    }

    /// Pending ids become stored ids once the backend confirms a post.
    pub fn rename(&mut self, from: &CommentId, to: &CommentId) {
        if self.pinned.remove(from) {
            self.pinned.insert(to.clone());
        }
        if let Some(n) = self.shown_replies.remove(from) {
            self.shown_replies.insert(to.clone(), n);
        }
    }
}
