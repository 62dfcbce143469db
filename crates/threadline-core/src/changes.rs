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
    /// keep their place; one without replies goes.
    pub fn delete(&mut self, id: &CommentId) -> bool {
        if self.remove_leaf(id) {
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
}
