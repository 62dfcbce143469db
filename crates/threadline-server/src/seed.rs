//! Importing a seed document (`{thread, comments:[{id,parent,author,body}]}`)
//! so the demo opens on the article's real comments.

use crate::db::Db;
use crate::queries::{self, NewRow};
use serde::Deserialize;
use std::path::Path;
use threadline_core::Comment;

/// Only what the server needs; the article and policy text are the widget's.
#[derive(Deserialize)]
struct SeedFile {
    thread: String,
    comments: Vec<Comment>,
}

/// Imports into the seed's thread only if that thread has no comments yet,
/// so restarts and edits made since are never overwritten. Returns a line
/// describing what happened.
pub fn import(db: &Db, path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read seed {}: {e}", path.display()))?;
    let seed: SeedFile =
        serde_json::from_str(&text).map_err(|e| format!("seed {} is not valid: {e}", path.display()))?;
    // A listing walks down from the top-level comments: one that answers a
    // comment not in the seed, or sits in a loop, would never be listed.
    check_tree(&seed.comments).map_err(|e| format!("seed {}: {e}; nothing imported", path.display()))?;
    db.write_now(|conn| -> Result<String, String> {
        let fail = |e: rusqlite::Error| format!("cannot import seed {}: {e}", path.display());
        let tx = conn.transaction().map_err(fail)?;
        if !queries::thread_is_empty(&tx, &seed.thread).map_err(fail)? {
            return Ok(format!("seed: thread {:?} already has comments, not imported", seed.thread));
        }
        let change = queries::next_change(&tx).map_err(fail)?;
        for c in &seed.comments {
            // Ids are global (the API addresses comments by id alone), so a
            // seed may not reuse one that exists in another thread.
            if queries::id_exists(&tx, c.id.as_str()).map_err(fail)? {
                return Err(format!(
                    "seed {}: comment id {:?} already exists; nothing imported",
                    path.display(),
                    c.id.as_str()
                ));
            }
            queries::insert(
                &tx,
                &NewRow {
                    id: c.id.as_str(),
                    thread: &seed.thread,
                    parent: c.parent.as_ref().map(|p| p.as_str()),
                    author: &c.author,
                    body: &c.body,
                    created_ms: c.created_ms,
                    held: false,
                    owner_token: None,
                    client: None,
                    network: None,
                    idem_key: None,
                    change,
                },
            )
            .map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        Ok(format!("seed: imported {} comments into {:?}", seed.comments.len(), seed.thread))
    })
}

/// Every parent is a comment of the seed, and no comment is its own
/// ancestor. Each comment is walked up once (ancestors already found to
/// reach the top are not walked again), so a deep chain costs no more than
/// a wide thread.
fn check_tree(comments: &[Comment]) -> Result<(), String> {
    use std::collections::{HashMap, HashSet};
    let parent: HashMap<&str, Option<&str>> =
        comments.iter().map(|c| (c.id.as_str(), c.parent.as_ref().map(|p| p.as_str()))).collect();
    let mut reach_top: HashSet<&str> = HashSet::with_capacity(comments.len());
    let (mut path, mut on_path) = (Vec::new(), HashSet::new());
    for c in comments {
        let mut at = c.id.as_str();
        while !reach_top.contains(at) {
            if !on_path.insert(at) {
                let start = path.iter().position(|p| *p == at).unwrap_or(0);
                let ring: Vec<&str> = path[start..].iter().copied().chain([at]).collect();
                return Err(format!("comment {at:?} is its own ancestor ({})", ring.join(" → ")));
            }
            path.push(at);
            match parent.get(at) {
                Some(Some(p)) if parent.contains_key(p) => at = p,
                Some(Some(p)) => return Err(format!("comment {at:?} answers {p:?}, which is not in the seed")),
                _ => break,
            }
        }
        on_path.clear();
        reach_top.extend(path.drain(..));
    }
    Ok(())
}
