//! Which comments a reader has collapsed. Kept by id (not by position) so it
//! survives reloads, new comments and re-sorting.

use crate::model::CommentId;
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CollapseState {
    collapsed: BTreeSet<CommentId>,
}

impl CollapseState {
    pub fn is_collapsed(&self, id: &CommentId) -> bool {
        self.collapsed.contains(id)
    }

    /// Returns whether the comment is collapsed afterwards.
    pub fn toggle(&mut self, id: &CommentId) -> bool {
        if self.collapsed.remove(id) {
            false
        } else {
            self.collapsed.insert(id.clone());
            true
        }
    }

    pub fn set(&mut self, id: &CommentId, collapsed: bool) {
        if collapsed {
            self.collapsed.insert(id.clone());
        } else {
            self.collapsed.remove(id);
        }
    }

    pub fn len(&self) -> usize {
        self.collapsed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.collapsed.is_empty()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.collapsed).unwrap_or_else(|_| "[]".to_owned())
    }

    /// Stored state written by an older version or edited by hand must not
    /// break the thread: anything unreadable is reported and ignored.
    pub fn from_json(json: &str) -> Result<CollapseState, String> {
        crate::fields::read_ids(json)
            .map(|collapsed| CollapseState { collapsed })
            .map_err(|e| format!("saved collapse state ignored: {e}"))
    }
}
