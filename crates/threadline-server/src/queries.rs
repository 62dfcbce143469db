//! Row-level SQL. Every function takes a connection or an open transaction
//! from the caller, who decides the transaction boundaries.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use threadline_core::{Comment, CommentId};

/// A comment as the API sends it: the core model plus what only a server
/// knows. Flattened so a client reading `threadline_core::Comment` just
/// ignores the extra keys.
#[derive(Clone, Debug, Serialize)]
pub struct ApiComment {
    #[serde(flatten)]
    pub comment: Comment,
}

/// A row with the fields only the server may see.
pub struct Stored {
    pub api: ApiComment,
    pub thread: String,
    pub owner_token: Option<String>,
    pub removed: bool,
}

pub(crate) const COLS: &str = "id, parent, author, body, created_ms, edited_ms, likes, deleted, held, \
                    thread, owner_token, removed";

pub(crate) fn stored(r: &Row<'_>) -> rusqlite::Result<Stored> {
    let likes: i64 = r.get(6)?;
    Ok(Stored {
        api: ApiComment {
            comment: Comment {
                id: CommentId(r.get(0)?),
                parent: r.get::<_, Option<String>>(1)?.map(CommentId),
                author: r.get(2)?,
                body: r.get(3)?,
                created_ms: r.get(4)?,
                edited_ms: r.get(5)?,
                likes: u32::try_from(likes).unwrap_or(u32::MAX),
                deleted: r.get(7)?,
                held: r.get(8)?,
                // Readers type markdown; the preset says so for the whole API.
                ..Comment::default()
            },
        },
        thread: r.get(9)?,
        owner_token: r.get(10)?,
        removed: r.get(11)?,
    })
}

fn api(r: &Row<'_>) -> rusqlite::Result<ApiComment> {
    stored(r).map(|s| s.api)
}

/// Bumps and returns the global change counter; the thread cursor is the
/// largest counter value among its rows.
pub fn next_change(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value", [], |r| r.get(0))
}

pub fn cursor(conn: &Connection, thread: &str) -> rusqlite::Result<i64> {
    conn.query_row("SELECT COALESCE(MAX(change_seq), 0) FROM comments WHERE thread = ?1", [thread], |r| r.get(0))
}

/// What every reader sees: neither held nor removed, oldest first.
pub fn visible(conn: &Connection, thread: &str) -> rusqlite::Result<Vec<ApiComment>> {
    let sql = format!("SELECT {COLS} FROM comments WHERE thread = ?1 AND held = 0 AND removed = 0 ORDER BY seq");
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map([thread], api)?;
    rows.collect()
}

/// Everything changed after `since`, removed comments included (as deleted)
/// so a polling client can drop them.
pub fn changes_since(conn: &Connection, thread: &str, since: i64) -> rusqlite::Result<Vec<ApiComment>> {
    let sql = format!("SELECT {COLS} FROM comments WHERE thread = ?1 AND change_seq > ?2 AND held = 0 ORDER BY seq");
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![thread, since], api)?;
    rows.collect()
}

pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Stored>> {
    let sql = format!("SELECT {COLS} FROM comments WHERE id = ?1");
    conn.prepare_cached(&sql)?.query_row([id], stored).optional()
}

/// The comment stored under an idempotency key, and the client that sent it.
pub fn by_idempotency_key(
    conn: &Connection,
    thread: &str,
    key: &str,
) -> rusqlite::Result<Option<(Stored, Option<String>)>> {
    let sql = format!("SELECT {COLS}, client FROM comments WHERE thread = ?1 AND idem_key = ?2");
    conn.prepare_cached(&sql)?.query_row([thread, key], |r| Ok((stored(r)?, r.get(12)?))).optional()
}

pub struct NewRow<'a> {
    pub id: &'a str,
    pub thread: &'a str,
    pub parent: Option<&'a str>,
    pub author: &'a str,
    pub body: &'a str,
    pub created_ms: Option<i64>,
    pub held: bool,
    pub owner_token: Option<&'a str>,
    pub client: Option<&'a str>,
    pub network: Option<&'a str>,
    pub idem_key: Option<&'a str>,
    pub change: i64,
}

pub fn insert(conn: &Connection, n: &NewRow<'_>) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO comments (id, thread, parent, author, body, created_ms, held, owner_token, \
         client, idem_key, change_seq, network) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        n.id,
        n.thread,
        n.parent,
        n.author,
        n.body,
        n.created_ms,
        n.held,
        n.owner_token,
        n.client,
        n.idem_key,
        n.change,
        n.network
    ])?;
    Ok(())
}

/// Distinct names that have posted visibly in the thread, for the policy's
/// rules about addressing other participants.
pub fn participants(conn: &Connection, thread: &str) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT author FROM comments WHERE thread = ?1 AND deleted = 0 AND held = 0 \
         ORDER BY author",
    )?;
    let rows = st.query_map([thread], |r| r.get(0))?;
    rows.collect()
}

/// The client's latest bodies (newest first) and when it last posted.
/// `except`: the comment being edited, which is not a duplicate of itself
/// (the browser leaves it out too, `checking.rs`).
pub fn recent_own(
    conn: &Connection,
    client: &str,
    n: usize,
    except: Option<&str>,
) -> rusqlite::Result<(Vec<String>, Option<i64>)> {
    let mut st = conn.prepare_cached(
        "SELECT body, created_ms FROM comments WHERE client = ?1 AND deleted = 0 AND id IS NOT ?3 \
         ORDER BY seq DESC LIMIT ?2",
    )?;
    let rows =
        st.query_map(params![client, n as i64, except], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?)))?;
    let mut bodies = Vec::new();
    let mut last = None;
    for row in rows {
        let (body, created) = row?;
        if last.is_none() {
            last = created;
        }
        bodies.push(body);
    }
    Ok((bodies, last))
}

pub fn set_body(
    conn: &Connection,
    id: &str,
    body: &str,
    edited_ms: i64,
    held: bool,
    change: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE comments SET body = ?2, edited_ms = ?3, held = ?4, change_seq = ?5 WHERE id = ?1",
        params![id, body, edited_ms, held, change],
    )?;
    Ok(())
}

fn has_listed_children(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM comments WHERE parent = ?1 AND removed = 0)", [id], |r| r.get(0))
}

/// Deletes a comment. With replies it stays as an empty placeholder so the
/// tree keeps its shape; without, it leaves the listing, and so does every
/// placeholder ancestor that thereby lost its last reply. Returns the ids
/// that changed, for the change feed.
pub fn delete(conn: &Connection, id: &str, change: i64) -> rusqlite::Result<Vec<String>> {
    let mut changed = Vec::new();
    let removed = !has_listed_children(conn, id)?;
    conn.execute(
        "UPDATE comments SET deleted = 1, removed = ?2, author = '', body = '', change_seq = ?3 \
         WHERE id = ?1",
        params![id, removed, change],
    )?;
    changed.push(id.to_owned());
    if !removed {
        return Ok(changed);
    }
    let mut current = id.to_owned();
    // Walk up while the parent is a placeholder with nothing left under it.
    // Bounded by the row count so a corrupt cycle cannot loop forever.
    for _ in 0..changed_limit(conn)? {
        let parent: Option<(String, bool, bool)> = conn
            .query_row(
                "SELECT p.id, p.deleted, p.removed FROM comments c JOIN comments p ON p.id = c.parent \
                 WHERE c.id = ?1",
                [&current],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((pid, p_deleted, p_removed)) = parent else {
            break;
        };
        if !p_deleted || p_removed || has_listed_children(conn, &pid)? {
            break;
        }
        conn.execute("UPDATE comments SET removed = 1, change_seq = ?2 WHERE id = ?1", params![pid, change])?;
        changed.push(pid.clone());
        current = pid;
    }
    Ok(changed)
}

fn changed_limit(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT COUNT(*) FROM comments", [], |r| r.get(0))
}

/// Records one like per client and per address (a private window or cleared
/// storage is a new client id, not a new reader); returns the count and
/// whether it changed.
pub fn like(conn: &Connection, id: &str, client: &str, network: &str, change: i64) -> rusqlite::Result<(u32, bool)> {
    let added = conn.execute(
        "INSERT OR IGNORE INTO likes (comment_id, client, network) SELECT ?1, ?2, ?3 \
         WHERE NOT EXISTS (SELECT 1 FROM likes WHERE comment_id = ?1 AND network = ?3)",
        [id, client, network],
    )? == 1;
    if added {
        conn.execute("UPDATE comments SET likes = likes + 1, change_seq = ?2 WHERE id = ?1", params![id, change])?;
    }
    let likes: i64 = conn.query_row("SELECT likes FROM comments WHERE id = ?1", [id], |r| r.get(0))?;
    Ok((u32::try_from(likes).unwrap_or(u32::MAX), added))
}

pub fn thread_is_empty(conn: &Connection, thread: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM comments WHERE thread = ?1)", [thread], |r| r.get(0))
}

pub fn id_exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM comments WHERE id = ?1)", [id], |r| r.get(0))
}
