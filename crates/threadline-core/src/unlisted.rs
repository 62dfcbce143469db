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
        if counts.is_empty() {
            return;
        }
        for (id, n) in counts {
            if let Some(i) = self.find(id) {
                self.nodes[i].unlisted = *n;
            }
        }
        self.recount();
    }

    /// The threads of these comments arrived whole: their counts are the
    /// tree's own again. Others keep theirs (a first screen may reach past
    /// the first whole page).
    pub fn clear_unlisted_of<'a>(&mut self, ids: impl IntoIterator<Item = &'a CommentId>) {
        let mut cleared = false;
        for id in ids {
            if let Some(i) = self.find(id) {
                cleared |= std::mem::take(&mut self.nodes[i].unlisted) > 0;
            }
        }
        if cleared {
            self.recount();
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

    /// Subtree sizes again, children before parents, in one pass: walking
    /// up from each count would be quadratic on a long chain. Saturating: a
    /// backend's counts are not to be trusted to add up.
    fn recount(&mut self) {
        let mut order = Vec::with_capacity(self.nodes.len());
        let mut stack: Vec<usize> = self.roots.clone();
        while let Some(i) = stack.pop() {
            order.push(i);
            stack.extend(self.nodes[i].children.iter().copied());
        }
        for &i in order.iter().rev() {
            let below = self.nodes[i]
                .children
                .iter()
                .fold(0usize, |sum, &c| sum.saturating_add(self.nodes[c].descendants).saturating_add(1));
            self.nodes[i].descendants = below.saturating_add(self.nodes[i].unlisted);
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
        // Cleared only where a whole thread came.
        t.clear_unlisted_of([&CommentId::from("3")]);
        assert_eq!(sizes(&t), [43, 42, 1]);
        t.clear_unlisted_of(&[CommentId::from("2")]);
        assert_eq!(sizes(&t), [3, 2, 1]);
        assert!(!t.has_unlisted());
    }

    #[test]
    fn a_comment_whose_replies_are_not_here_yet_is_no_leaf() {
        let mut t = Thread::build(vec![c("1", None), c("2", Some("1"))]);
        t.set_unlisted(&[("2".into(), 4)]);
        assert!(!t.remove_leaf(&"2".into()));
        // Deleted, it stays as a placeholder over its replies.
        assert!(t.delete(&"2".into()));
        assert_eq!(t.get(&"2".into()).map(|n| (n.comment.deleted, n.descendants)), Some((true, 4)));
        assert_eq!(t.get(&"1".into()).map(|n| n.descendants), Some(5));
    }

    #[test]
    fn hostile_counts_neither_overflow_nor_take_long_on_a_long_chain() {
        let mut v = vec![c("0", None)];
        v.extend((1..50_000).map(|k| c(&k.to_string(), Some(&(k - 1).to_string()))));
        let mut t = Thread::build(v);
        let all: Vec<(CommentId, usize)> = (0..50_000).map(|k| (CommentId(k.to_string()), usize::MAX / 2)).collect();
        let started = std::time::Instant::now();
        t.set_unlisted(&all);
        assert_eq!(t.get(&"0".into()).map(|n| n.descendants), Some(usize::MAX));
        t.insert(c("x", Some("49999"))).unwrap();
        let ids: Vec<CommentId> = all.iter().map(|(id, _)| id.clone()).collect();
        t.clear_unlisted_of(&ids);
        assert_eq!(t.get(&"0".into()).map(|n| n.descendants), Some(50_000));
        // Linear: well under a second even unoptimized (it was 3.5 s optimized when quadratic).
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    }
}
