//! Ordering of top-level comments and of reply lists. Readers choose the two
//! separately (newest discussions first, but each conversation oldest first
//! reads like a conversation), and a comment inserted later lands where the
//! current order puts it, so posting never shuffles what is on screen.

use crate::tree::{Node, Thread};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortOrder {
    #[default]
    Oldest,
    Newest,
    MostLiked,
}

impl SortOrder {
    pub const ALL: [SortOrder; 3] = [SortOrder::Oldest, SortOrder::Newest, SortOrder::MostLiked];

    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Oldest => "oldest",
            SortOrder::Newest => "newest",
            SortOrder::MostLiked => "most-liked",
        }
    }

    /// Unknown names (an old saved setting, a typo in a page's config) fall back to oldest.
    pub fn parse(name: &str) -> SortOrder {
        SortOrder::ALL.into_iter().find(|o| o.as_str() == name).unwrap_or_default()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ordering {
    pub top: SortOrder,
    pub replies: SortOrder,
}

impl From<SortOrder> for Ordering {
    fn from(o: SortOrder) -> Self {
        Ordering { top: o, replies: o }
    }
}

/// Comments without a time sort as oldest; arena index breaks ties, so the
/// backend's order is kept among equals and the result is deterministic.
type Key = (Reverse<u32>, i64, usize);

fn key(order: SortOrder, n: &Node, i: usize) -> Key {
    let time = n.comment.created_ms.unwrap_or(i64::MIN);
    match order {
        SortOrder::Oldest => (Reverse(0), time, i),
        // Negating keeps one key type; i64::MIN has no negation, so saturate.
        SortOrder::Newest => (Reverse(0), time.checked_neg().unwrap_or(i64::MAX), i),
        SortOrder::MostLiked => (Reverse(n.comment.likes), time, i),
    }
}

/// The one sort of the crate. The standard sort is generic: every call with
/// its own key closure ships its own copy of the algorithm (3–5 KB of wasm),
/// so all of them go through this one comparator type. Keys end in the
/// position, so they never tie and an unstable sort keeps input order.
pub(crate) fn sort_indices(list: &mut [usize], key: &dyn Fn(usize) -> Key) {
    list.sort_unstable_by_key(|&i| key(i));
}

impl Thread {
    pub fn ordering(&self) -> Ordering {
        self.order
    }

    /// Orders top-level comments and every reply list. Ties keep input order.
    pub fn sort(&mut self, order: impl Into<Ordering>) {
        let order = order.into();
        self.order = order;
        let nodes = &self.nodes;
        let mut roots = std::mem::take(&mut self.roots);
        sort_indices(&mut roots, &|i| key(order.top, &nodes[i], i));
        let mut lists: Vec<Vec<usize>> = self.nodes.iter_mut().map(|n| std::mem::take(&mut n.children)).collect();
        for list in &mut lists {
            sort_indices(list, &|i| key(order.replies, &self.nodes[i], i));
        }
        self.roots = roots;
        for (n, l) in self.nodes.iter_mut().zip(lists) {
            n.children = l;
        }
    }

    /// Puts a newly added node into its sibling list where the order says.
    pub(crate) fn place(&mut self, parent: Option<usize>, i: usize) {
        let (order, list) = match parent {
            Some(p) => (self.order.replies, &self.nodes[p].children),
            None => (self.order.top, &self.roots),
        };
        let k = key(order, &self.nodes[i], i);
        let at = list.partition_point(|&s| key(order, &self.nodes[s], s) <= k);
        match parent {
            Some(p) => self.nodes[p].children.insert(at, i),
            None => self.roots.insert(at, i),
        }
    }
}
