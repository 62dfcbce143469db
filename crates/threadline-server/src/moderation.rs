//! The moderator's SQL: held comments, reports from readers, blocks. Like
//! `queries.rs`, every function takes a connection or transaction from the
//! caller.

use crate::queries::{stored, Stored, COLS};
use rusqlite::{params, Connection, OptionalExtension};

/// A comment as a moderator sees it: whether its writer can be blocked
/// (posted, not imported) and is, by their browser or only by the address
/// it came from (blocked with someone else), and how many readers reported it.
pub struct Moderated {
    pub stored: Stored,
    pub blockable: bool,
    pub blocked: Option<BlockedBy>,
    pub reports: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockedBy {
    Browser,
    Address,
}

impl BlockedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockedBy::Browser => "browser",
            BlockedBy::Address => "address",
        }
    }
}

/// The moderator's lists, across threads.
#[derive(Clone, Copy)]
pub enum Queue {
    /// What the policy held, oldest first.
    Held,
    /// What readers reported, most reports first.
    Reported,
    /// The latest listed comments, newest first.
    Recent,
}

pub fn queue(conn: &Connection, queue: Queue, limit: usize) -> rusqlite::Result<Vec<Moderated>> {
    let reports = "(SELECT COUNT(*) FROM reports r WHERE r.comment_id = comments.id)";
    let (which, order) = match queue {
        Queue::Held => ("held = 1", "seq".to_owned()),
        Queue::Reported => {
            ("held = 0 AND deleted = 0 AND id IN (SELECT comment_id FROM reports)", format!("{reports} DESC, seq DESC"))
        }
        Queue::Recent => ("held = 0 AND deleted = 0", "seq DESC".to_owned()),
    };
    let sql = format!(
        "SELECT {COLS}, client IS NOT NULL, client IN (SELECT client FROM blocks), \
         network IN (SELECT network FROM blocked_networks), {reports} FROM comments \
         WHERE {which} AND removed = 0 ORDER BY {order} LIMIT ?1"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map([limit as i64], |r| {
        Ok(Moderated {
            stored: stored(r)?,
            blockable: r.get(12)?,
            blocked: match (r.get::<_, Option<bool>>(13)?, r.get::<_, Option<bool>>(14)?) {
                (Some(true), _) => Some(BlockedBy::Browser),
                (_, Some(true)) => Some(BlockedBy::Address),
                _ => None,
            },
            reports: r.get(15)?,
        })
    })?;
    rows.collect()
}

/// A reader's report of a comment; true the first time this client reports it.
/// One report per browser and per address: a new browser id does not make
/// a second one.
pub fn report(conn: &Connection, id: &str, client: &str, network: &str, now_ms: i64) -> rusqlite::Result<bool> {
    let added = conn.execute(
        "INSERT OR IGNORE INTO reports (comment_id, client, created_ms, network) SELECT ?1, ?2, ?3, ?4 \
         WHERE NOT EXISTS (SELECT 1 FROM reports WHERE comment_id = ?1 AND network = ?4)",
        params![id, client, now_ms, network],
    )?;
    Ok(added > 0)
}

pub fn reports_of(conn: &Connection, id: &str) -> rusqlite::Result<u32> {
    conn.query_row("SELECT COUNT(*) FROM reports WHERE comment_id = ?1", [id], |r| r.get(0))
}

/// The moderator looked and kept the comment: its reports are dismissed.
pub fn dismiss_reports(conn: &Connection, id: &str) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM reports WHERE comment_id = ?1", [id])
}

/// Lists a held comment from now on.
pub fn approve(conn: &Connection, id: &str, change: i64) -> rusqlite::Result<()> {
    conn.execute("UPDATE comments SET held = 0, change_seq = ?2 WHERE id = ?1", params![id, change])?;
    Ok(())
}

/// Takes the hold off without listing anything yet: what follows (a delete)
/// decides what readers see.
pub fn release(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute("UPDATE comments SET held = 0 WHERE id = ?1", [id])?;
    Ok(())
}

/// The client a comment was posted from (None for seed comments), and its
/// address's network key (None for comments stored before keys were kept).
pub fn client_of(conn: &Connection, id: &str) -> rusqlite::Result<Option<(String, Option<String>)>> {
    let row: Option<(Option<String>, Option<String>)> = conn
        .query_row("SELECT client, network FROM comments WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.and_then(|(client, network)| client.map(|c| (c, network))))
}

/// Blocks the client and the address it wrote from: clearing the browser's
/// storage (a new `X-Client-Id`) does not lift it. Blocking the same client
/// for another comment adds that comment's address.
pub fn block(
    conn: &Connection,
    (client, network): (&str, Option<&str>),
    comment_id: &str,
    author: &str,
    now_ms: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO blocks (client, comment_id, author, created_ms) VALUES (?1, ?2, ?3, ?4)",
        params![client, comment_id, author, now_ms],
    )?;
    if let Some(network) = network {
        conn.execute(
            "INSERT OR IGNORE INTO blocked_networks (network, client, comment_id, created_ms) VALUES (?1, ?2, ?3, ?4)",
            params![network, client, comment_id, now_ms],
        )?;
    }
    Ok(())
}

/// Every block, newest first: the comment it was made for, that comment's
/// author then, and when. The client itself (a browser id or an address)
/// stays on the server.
pub fn blocks(conn: &Connection) -> rusqlite::Result<Vec<(String, String, i64)>> {
    let mut st = conn.prepare_cached("SELECT comment_id, author, created_ms FROM blocks ORDER BY created_ms DESC")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

/// Lifts the block on the client and every address blocked with it, and on
/// `network`, the address the comment it is lifted through was written from
/// (which may have been blocked with another browser): whoever wrote that
/// comment may write again.
pub fn unblock(conn: &Connection, (client, network): (&str, Option<&str>)) -> rusqlite::Result<bool> {
    let clients = conn.execute("DELETE FROM blocks WHERE client = ?1", [client])?;
    let networks =
        conn.execute("DELETE FROM blocked_networks WHERE client = ?1 OR network = ?2", params![client, network])?;
    Ok(clients + networks > 0)
}

pub fn is_blocked(conn: &Connection, client: &str, network: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM blocks WHERE client = ?1) \
         OR EXISTS (SELECT 1 FROM blocked_networks WHERE network = ?2)",
        [client, network],
        |r| r.get(0),
    )
}
