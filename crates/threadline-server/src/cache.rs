//! Serialized thread listings, kept per thread until the next write to it.
//!
//! Readers poll far more often than anyone writes, so a listing is built
//! from SQLite once per change and then served from memory; this is what
//! lets one core answer thousands of list requests per second.

use crate::queries::ApiComment;
use axum::body::Bytes;
use flate2::write::GzEncoder;
use flate2::Compression;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::sync::{Arc, Mutex};

/// How many pages of one snapshot are kept serialized.
const PAGES_PER_THREAD: usize = 32;
/// Beyond this many cached threads the cache starts over; the working set of
/// a news site is its few current articles.
const THREADS: usize = 512;

/// Which page: `limit` top-level threads from `offset`, and no more than
/// `max` comments unless the first thread alone has more; of each thread,
/// with `replies`/`depth`, only each comment's first `replies` replies,
/// `depth` levels below the top (a first screen; `page` counts what it leaves out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Window {
    pub offset: usize,
    pub limit: Option<usize>,
    pub max: Option<usize>,
    pub replies: Option<usize>,
    pub depth: Option<usize>,
}

pub struct Snapshot {
    pub cursor: i64,
    /// The server's edit window, told to readers with every page.
    edit_window_ms: u64,
    comments: Vec<ApiComment>,
    /// Indices of top-level comments, oldest first.
    top_level: Vec<usize>,
    /// Replies of each comment, oldest first (as the widget sorts them by default).
    children: HashMap<usize, Vec<usize>>,
    /// How many comments are below each one.
    below: Vec<usize>,
    pages: Mutex<HashMap<Window, Bytes>>,
    /// The same pages gzipped, made when a browser first asks for one.
    gzipped: Mutex<HashMap<Window, Bytes>>,
}

#[derive(Serialize)]
struct Listing<'a> {
    thread: &'a str,
    comments: Vec<&'a ApiComment>,
    /// With `replies`/`depth`: how many comments the page left out below
    /// each listed comment that has any left out (`{}` when none: a client
    /// must not take a missing object for nothing left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    unlisted: Option<BTreeMap<&'a str, usize>>,
    total: usize,
    top_level_total: usize,
    next_offset: Option<usize>,
    cursor: String,
    /// How long after posting its author may edit a comment: the widget
    /// takes Edit away then, instead of letting a rewrite be refused.
    edit_window_ms: u64,
}

impl Snapshot {
    pub fn new(cursor: i64, comments: Vec<ApiComment>, edit_window_ms: u64) -> Snapshot {
        let index: HashMap<&str, usize> =
            comments.iter().enumerate().map(|(i, c)| (c.comment.id.as_str(), i)).collect();
        let mut top_level = Vec::new();
        let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, c) in comments.iter().enumerate() {
            // A reply whose parent is not listed (never expected, but seed
            // data is outside our control) is shown as top-level rather than lost.
            match c.comment.parent.as_ref().and_then(|p| index.get(p.as_str())) {
                Some(&p) if p != i => children.entry(p).or_default().push(i),
                _ => top_level.push(i),
            }
        }
        // Rows come in posting order; the widget orders replies by time, then listing order.
        for kids in children.values_mut() {
            kids.sort_by_key(|&k| (comments[k].comment.created_ms.unwrap_or(i64::MIN), k));
        }
        let below = subtree_sizes(comments.len(), &top_level, &children);
        Snapshot {
            cursor,
            edit_window_ms,
            comments,
            top_level,
            children,
            below,
            pages: Mutex::default(),
            gzipped: Mutex::default(),
        }
    }

    /// The page's JSON: top-level comments from `offset`, each with its whole
    /// subtree (or, with `replies`/`depth`, the part of it a first screen
    /// shows), in posting order; `limit` of them, or fewer when the next
    /// would take the page past `max` comments (a first screen needs only a
    /// screenful, and a big thread's first 20 threads can be thousands).
    pub fn page(&self, thread: &str, w: Window) -> Bytes {
        if let Some(b) = self.pages.lock().ok().and_then(|p| p.get(&w).cloned()) {
            return b;
        }
        let last = match w.limit {
            Some(n) => w.offset.saturating_add(n).min(self.top_level.len()),
            None => self.top_level.len(),
        };
        let mut end = w.offset.min(last);
        let mut picked: Vec<usize> = Vec::new();
        let mut unlisted = BTreeMap::new();
        // Each comment is its one parent's child or top-level (`new`), so a
        // walk down from a top-level comment meets each at most once.
        while end < last {
            let mut tree = Vec::new();
            let mut left_out = Vec::new();
            let mut stack = vec![(self.top_level[end], 0usize)];
            while let Some((i, depth)) = stack.pop() {
                tree.push(i);
                let kids = self.children.get(&i).map_or(&[][..], Vec::as_slice);
                let listed = if w.depth.is_some_and(|d| depth >= d) { 0 } else { w.replies.unwrap_or(usize::MAX) };
                let (shown, rest) = kids.split_at(listed.min(kids.len()));
                let missing: usize = rest.iter().map(|&k| self.below[k] + 1).sum();
                if missing > 0 {
                    left_out.push((i, missing));
                }
                stack.extend(shown.iter().map(|&k| (k, depth + 1)));
            }
            if !picked.is_empty() && w.max.is_some_and(|m| picked.len() + tree.len() > m) {
                break;
            }
            picked.extend(tree);
            unlisted.extend(left_out.into_iter().map(|(i, n)| (self.comments[i].comment.id.as_str(), n)));
            end += 1;
        }
        picked.sort_unstable();
        let listing = Listing {
            thread,
            comments: picked.iter().map(|&i| &self.comments[i]).collect(),
            unlisted: (w.replies.is_some() || w.depth.is_some()).then_some(unlisted),
            total: self.comments.len(),
            top_level_total: self.top_level.len(),
            next_offset: (end < self.top_level.len()).then_some(end),
            cursor: self.cursor.to_string(),
            edit_window_ms: self.edit_window_ms,
        };
        let bytes = Bytes::from(serde_json::to_vec(&listing).unwrap_or_default());
        keep(&self.pages, w, &bytes);
        bytes
    }

    /// `page` gzipped: the benchmark's 10,000-comment thread's first 20
    /// threads are 652 KB of JSON, 42 KB gzipped (its text is generated; real
    /// comments compress less). Compressed once per snapshot, like the page.
    /// None only if compressing failed (it writes to memory), and then the
    /// page goes out as it is.
    pub fn page_gzip(&self, thread: &str, w: Window) -> Option<Bytes> {
        if let Some(b) = self.gzipped.lock().ok().and_then(|p| p.get(&w).cloned()) {
            return Some(b);
        }
        let bytes = gzip(&self.page(thread, w), Compression::default())?;
        keep(&self.gzipped, w, &bytes);
        Some(bytes)
    }
}

/// The number of comments below each one, children before parents.
fn subtree_sizes(n: usize, top_level: &[usize], children: &HashMap<usize, Vec<usize>>) -> Vec<usize> {
    let mut order = Vec::with_capacity(n);
    let mut stack = top_level.to_vec();
    while let Some(i) = stack.pop() {
        order.push(i);
        stack.extend(children.get(&i).into_iter().flatten());
    }
    let mut below = vec![0; n];
    for &i in order.iter().rev() {
        for &k in children.get(&i).into_iter().flatten() {
            below[i] += below[k] + 1;
        }
    }
    below
}

/// `bytes` gzipped; None only if that failed (it writes to memory).
pub fn gzip(bytes: &[u8], level: Compression) -> Option<Bytes> {
    let mut gz = GzEncoder::new(Vec::with_capacity(bytes.len() / 4), level);
    gz.write_all(bytes).and_then(|()| gz.finish()).ok().map(Bytes::from)
}

fn keep(pages: &Mutex<HashMap<Window, Bytes>>, key: Window, bytes: &Bytes) {
    if let Ok(mut pages) = pages.lock() {
        if pages.len() >= PAGES_PER_THREAD {
            pages.clear();
        }
        pages.insert(key, bytes.clone());
    }
}

#[derive(Default)]
pub struct ListCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    snapshots: HashMap<String, Arc<Snapshot>>,
    /// The newest cursor each thread is known to have reached. A snapshot
    /// read before a write committed must not be stored after that write
    /// invalidated the thread, or it would be served stale indefinitely.
    latest: HashMap<String, i64>,
}

impl ListCache {
    pub fn get(&self, thread: &str) -> Option<Arc<Snapshot>> {
        self.inner.lock().ok()?.snapshots.get(thread).cloned()
    }

    pub fn put(&self, thread: &str, snap: Arc<Snapshot>) {
        if let Ok(mut inner) = self.inner.lock() {
            if inner.latest.get(thread).is_some_and(|&l| snap.cursor < l) {
                return;
            }
            if inner.snapshots.len() >= THREADS {
                inner.snapshots.clear();
            }
            inner.snapshots.insert(thread.to_owned(), snap);
        }
    }

    /// Called after a write to `thread` committed with change `cursor`.
    pub fn invalidate(&self, thread: &str, cursor: i64) {
        if let Ok(mut inner) = self.inner.lock() {
            let latest = inner.latest.entry(thread.to_owned()).or_insert(cursor);
            *latest = (*latest).max(cursor);
            if inner.snapshots.get(thread).is_some_and(|s| s.cursor < cursor) {
                inner.snapshots.remove(thread);
            }
        }
    }
}
