//! The SQLite store: schema, connections and the blocking-thread bridge.
//!
//! One writer connection behind a mutex serializes every write (SQLite allows
//! one writer anyway, and a queue in our process is cheaper than busy-waiting
//! on the file lock); readers use a small pool so listings never wait for a
//! write in WAL mode. Row-level queries live in `queries.rs`.

use crate::errors::ApiError;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS comments (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT, -- posting order, oldest first
    id          TEXT NOT NULL UNIQUE,              -- public id, seed ids kept verbatim
    thread      TEXT NOT NULL,
    parent      TEXT,
    author      TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_ms  INTEGER,
    edited_ms   INTEGER,
    likes       INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0,       -- placeholder or removed
    removed     INTEGER NOT NULL DEFAULT 0,       -- deleted with no replies: not listed
    held        INTEGER NOT NULL DEFAULT 0,       -- awaiting moderation: not listed
    owner_token TEXT,                              -- NULL for seed comments
    client      TEXT,                              -- X-Client-Id or ip:ADDR
    network     TEXT,                              -- client::network_key of its address
    idem_key    TEXT,
    change_seq  INTEGER NOT NULL                   -- global change counter at last change
);
CREATE UNIQUE INDEX IF NOT EXISTS comments_idem ON comments(thread, idem_key)
    WHERE idem_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS comments_thread ON comments(thread, seq);
CREATE INDEX IF NOT EXISTS comments_changes ON comments(thread, change_seq);
CREATE INDEX IF NOT EXISTS comments_parent ON comments(parent);
CREATE INDEX IF NOT EXISTS comments_client ON comments(client, seq);
CREATE TABLE IF NOT EXISTS likes (
    comment_id TEXT NOT NULL,
    client     TEXT NOT NULL,
    network    TEXT,                                -- one like per address too
    PRIMARY KEY (comment_id, client)
) WITHOUT ROWID;
-- Clients (the comments table's `client`) a moderator blocked from writing.
CREATE TABLE IF NOT EXISTS blocks (
    client     TEXT PRIMARY KEY,
    comment_id TEXT NOT NULL,                       -- the comment it was blocked for
    author     TEXT NOT NULL,                       -- that comment's author then (a delete empties it)
    created_ms INTEGER NOT NULL
) WITHOUT ROWID;
-- The addresses (client::network_key) blocked with a client: a new browser
-- id from there does not get round the block.
CREATE TABLE IF NOT EXISTS blocked_networks (
    network    TEXT PRIMARY KEY,
    client     TEXT NOT NULL,                       -- the block it came with
    comment_id TEXT NOT NULL,
    created_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS blocked_networks_client ON blocked_networks(client);
-- Readers' reports of comments they think break the policy, one per client.
CREATE TABLE IF NOT EXISTS reports (
    comment_id TEXT NOT NULL,
    client     TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    network    TEXT,                                -- one report per address too
    PRIMARY KEY (comment_id, client)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS comments_held ON comments(held, seq) WHERE held = 1;
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters (name, value) VALUES ('change', 0);
CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
";

/// Columns added since the first schema: a database made before them gains
/// them when it is opened (SQLite's `CREATE TABLE IF NOT EXISTS` keeps an old
/// table as it was). Their indexes come after them.
const ADDED: &[(&str, &str)] = &[("comments", "network"), ("reports", "network"), ("likes", "network")];
const AFTER_ADDED: &str = "
CREATE INDEX IF NOT EXISTS reports_network ON reports(comment_id, network) WHERE network IS NOT NULL;
CREATE INDEX IF NOT EXISTS likes_network ON likes(comment_id, network) WHERE network IS NOT NULL;
";

fn add_columns(conn: &Connection) -> rusqlite::Result<()> {
    for (table, column) in ADDED {
        let has: bool = conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM pragma_table_info('{table}') WHERE name = ?1)"),
            [column],
            |r| r.get(0),
        )?;
        if !has {
            conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} TEXT"))?;
        }
    }
    conn.execute_batch(AFTER_ADDED)
}

const READERS: usize = 4;

#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // WAL lets readers run beside the writer. NORMAL sync keeps every
    // committed transaction across a process crash (kill -9); only an OS
    // crash or power loss can lose the last few commits.
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    Ok(())
}

impl Db {
    pub fn open(path: &Path) -> Result<Db, String> {
        let conn = Connection::open(path).map_err(|e| format!("cannot open database {}: {e}", path.display()))?;
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(|e| format!("cannot switch {} to WAL: {e}", path.display()))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(format!("{} refused WAL mode (got {mode})", path.display()));
        }
        configure(&conn).map_err(|e| e.to_string())?;
        conn.execute_batch(SCHEMA)
            .and_then(|()| add_columns(&conn))
            .map_err(|e| format!("cannot create schema in {}: {e}", path.display()))?;
        Ok(Db {
            inner: Arc::new(Inner { path: path.to_owned(), writer: Mutex::new(conn), readers: Mutex::new(Vec::new()) }),
        })
    }

    fn reader(&self) -> rusqlite::Result<Connection> {
        let pooled = self.inner.readers.lock().ok().and_then(|mut v| v.pop());
        match pooled {
            Some(c) => Ok(c),
            None => {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let c = Connection::open_with_flags(&self.inner.path, flags)?;
                configure(&c)?;
                Ok(c)
            }
        }
    }

    fn give_back(&self, conn: Connection) {
        if let Ok(mut v) = self.inner.readers.lock() {
            if v.len() < READERS {
                v.push(conn);
            }
        }
    }

    /// Runs `f` on a pooled read connection on the blocking thread pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let db = self.clone();
        run_blocking(move || {
            let mut conn = db.reader()?;
            let out = f(&mut conn);
            db.give_back(conn);
            out
        })
        .await
    }

    /// Runs `f` with the single writer connection on the blocking thread pool.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let db = self.clone();
        run_blocking(move || {
            // A panic while holding the lock leaves the connection usable
            // (SQLite rolls back the open transaction when it is dropped or
            // restarted), so a poisoned lock is recovered rather than fatal.
            let mut conn = match db.inner.writer.lock() {
                Ok(g) => g,
                Err(p) => p.into_inner(),
            };
            f(&mut conn)
        })
        .await
    }

    /// The key of `client::network_key`, made once per database and kept in
    /// it, so a block still covers its address after a restart.
    pub fn network_secret(&self) -> Result<Vec<u8>, String> {
        let mut fresh = [0u8; 32];
        getrandom::fill(&mut fresh).map_err(|e| format!("no random source for the address key: {e}"))?;
        self.write_now(|conn| {
            conn.execute("INSERT OR IGNORE INTO secrets (name, value) VALUES ('network', ?1)", [&fresh[..]])?;
            conn.query_row("SELECT value FROM secrets WHERE name = 'network'", [], |r| r.get(0))
        })
        .map_err(|e: rusqlite::Error| format!("cannot keep the address key in {}: {e}", self.inner.path.display()))
    }

    /// Synchronous access for startup work (seeding) before serving.
    pub fn write_now<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        let mut conn = match self.inner.writer.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        f(&mut conn)
    }
}

async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r,
        Err(e) => Err(ApiError::internal("storage task", e)),
    }
}
