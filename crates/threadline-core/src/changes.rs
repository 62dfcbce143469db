//! Changes the reader makes to comments already in the thread: edits, likes,
//! deletions. Each bumps the comment's revision so the view redraws just it.

use crate::model::{Comment, CommentId};
use crate::tree::Thread;

impl Thread {
    /// Applies `change` to one comment; false when the thread has no such comment.
    pub fn update(&mut self, id: &CommentId, change: impl FnOnce(&mut Comment)) -> bool {
        let Some(i) = self.find(id) else { return false };
        let node = &mut self.nodes[i];
        let parent = node.comment.parent.clone();
        change(&mut node.comment);
        // The shape of the tree is not the change's to make.
        node.comment.id = id.clone();
        node.comment.parent = parent;
        node.revision = node.revision.wrapping_add(1);
        true
    }

    /// A deleted comment with replies stays as a placeholder so the replies
    /// keep their place; one without replies goes, and so does a placeholder
    /// it was the last reply of.
    pub fn delete(&mut self, id: &CommentId) -> bool {
        if self.remove_leaf(id) {
            self.drop_deleted_leaves();
            return true;
        }
        self.update(id, |c| {
            c.deleted = true;
            c.author.clear();
            c.body.clear();
            c.website = None;
            c.avatar = None;
        })
    }

    /// Deleted comments with nothing under them, listed or not yet, have
    /// nothing to show: a backend that keeps deleted records (json-server,
    /// with its preset's soft delete) lists them, and they are dropped, a
    /// chain of them too. One rebuild, whatever their number.
    pub fn drop_deleted_leaves(&mut self) {
        let mut gone = vec![false; self.nodes().len()];
        let mut stack: Vec<(usize, bool)> = self.roots().iter().map(|&r| (r, false)).collect();
        // Replies before their parent: a parent goes only if all of them went.
        while let Some((i, replies_done)) = stack.pop() {
            let Some(n) = self.node(i) else { continue };
            if replies_done {
                gone[i] = n.comment.deleted && n.unlisted == 0 && n.children.iter().all(|&c| gone[c]);
            } else {
                stack.push((i, true));
                stack.extend(n.children.iter().map(|&c| (c, false)));
            }
        }
        if gone.contains(&true) {
            self.without(|k| gone[k]);
        }
    }

    /// Where a reply to `parent` goes on a backend whose replies nest at
    /// most `max_depth` deep: `parent` itself, or its ancestor at depth
    /// `max_depth - 1` (the top-level comment when replies nest one deep,
    /// as on Isso), where the backend would store it anyway.
    pub fn reply_parent(&self, parent: &CommentId, max_depth: u32) -> CommentId {
        let mut at = parent;
        while let Some(n) = self.get(at) {
            match &n.comment.parent {
                Some(up) if n.depth >= max_depth as usize => at = up,
                _ => break,
            }
        }
        at.clone()
    }
}
