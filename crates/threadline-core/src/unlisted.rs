//! Comments a listing left out on purpose. A big thread's first page can be
//! cut to what the first screen shows (each comment's first few replies, a
//! few levels deep), saying how many comments it left below each comment it
//! lists. Counting those keeps "N more replies", "Continue this thread" and
//! a collapsed comment's count true before the rest of the thread arrives.

use crate::model::CommentId;
use crate::tree::Thread;

impl Thread {
    /// Records that `n` comments below each `id` were not listed (replacing
    /// what was said before). Ids not in the thread are ignored: a listing
    /// may name a comment it did not send.
    pub fn set_unlisted(&mut self, counts: &[(CommentId, usize)]) {
        for (id, n) in counts {
            let Some(i) = self.find(id) else { continue };
            let before = std::mem::replace(&mut self.nodes[i].unlisted, *n);
            self.adjust_up(i, *n, before);
        }
    }

    /// The whole thread is here now: every count is the tree's own again.
    pub fn clear_unlisted(&mut self) {
        for i in 0..self.nodes.len() {
            let before = std::mem::take(&mut self.nodes[i].unlisted);
            if before > 0 {
                self.adjust_up(i, 0, before);
            }
        }
    }

    /// Whether some comments are known to be missing below listed ones.
    pub fn has_unlisted(&self) -> bool {
        self.nodes.iter().any(|n| n.unlisted > 0)
    }

    /// What `set_unlisted` was told, for a rebuild to say again.
    pub(crate) fn unlisted_counts(&self) -> Vec<(CommentId, usize)> {
        self.nodes.iter().filter(|n| n.unlisted > 0).map(|n| (n.comment.id.clone(), n.unlisted)).collect()
    }

    /// Moves the subtree sizes of `i` and its ancestors from counting
    /// `before` unlisted comments to counting `now`.
    fn adjust_up(&mut self, i: usize, now: usize, before: usize) {
        let mut at = Some(i);
        while let Some(a) = at {
            let n = &mut self.nodes[a];
            n.descendants = n.descendants.saturating_sub(before).saturating_add(now);
            at = n.parent;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Comment, CommentId};
    use crate::tree::Thread;

    fn c(id: &str, parent: Option<&str>) -> Comment {
        Comment { id: id.into(), parent: parent.map(Into::into), author: "a".into(), ..Comment::default() }
    }

    fn sizes(t: &Thread) -> Vec<usize> {
        ["1", "2", "3"].iter().map(|id| t.get(&CommentId::from(*id)).map_or(usize::MAX, |n| n.descendants)).collect()
    }

    #[test]
    fn counts_what_was_left_out_until_the_rest_arrives() {
        let mut t = Thread::build(vec![c("1", None), c("2", Some("1")), c("3", Some("2"))]);
        t.set_unlisted(&[("2".into(), 40), ("3".into(), 5), ("nowhere".into(), 7)]);
        assert_eq!(sizes(&t), [47, 46, 5]);
        assert!(t.has_unlisted());
        // Said again (a second page naming it): replaced, not added.
        t.set_unlisted(&[("3".into(), 6)]);
        assert_eq!(sizes(&t), [48, 47, 6]);
        // A reply posted meanwhile counts on top.
        t.insert(c("4", Some("3"))).unwrap();
        assert_eq!(sizes(&t), [49, 48, 7]);
        // A big merge rebuilds the tree: the counts survive it.
        let many: Vec<Comment> = (0..100).map(|k| c(&format!("x{k}"), None)).collect();
        t.merge(many);
        assert_eq!(sizes(&t), [49, 48, 7]);
        t.clear_unlisted();
        assert_eq!(sizes(&t), [3, 2, 1]);
        assert!(!t.has_unlisted());
    }
}
