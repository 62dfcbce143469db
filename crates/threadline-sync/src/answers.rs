//! The small things a backend says besides comments: the owner token of a new
//! comment, the like count, the next page, the polling cursor. Each is
//! optional: a description that does not name it simply goes without.

use crate::description::{BackendDescription, Paging};
use crate::mapping::at;
use crate::template::expand_url;
use serde_json::Value;
use threadline_core::{CommentId, FirstScreen};

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub fn owner_token(d: &BackendDescription, create_answer: &Value) -> Option<String> {
    d.owner_token.as_ref().and_then(|p| at(create_answer, p)).and_then(Value::as_str).map(str::to_owned)
}

pub fn like_count(d: &BackendDescription, like_answer: &Value) -> Option<u32> {
    let n = d.like_count.as_ref().and_then(|p| at(like_answer, p)).and_then(Value::as_f64)?;
    (n.is_finite() && n >= 0.0).then(|| n.min(f64::from(u32::MAX)) as u32)
}

/// Where the next page starts, or None on the last page.
pub fn next_page(d: &BackendDescription, list_answer: &Value) -> Option<String> {
    d.paging.as_ref().and_then(|p| at(list_answer, &p.next)).and_then(scalar)
}

/// How long (ms) after posting a comment may be edited, if the listing says.
pub fn edit_window_ms(d: &BackendDescription, list_answer: &Value) -> Option<i64> {
    let ms = d.edit_window.as_ref().and_then(|p| at(list_answer, p)).and_then(Value::as_f64)?;
    (ms.is_finite() && ms >= 0.0).then(|| ms.min(i64::MAX as f64) as i64)
}

pub fn since_cursor(d: &BackendDescription, list_answer: &Value) -> Option<String> {
    d.since.as_ref().and_then(|s| at(list_answer, &s.cursor)).and_then(scalar)
}

/// The list URL for one page (`page` = None: the first) or for the changes
/// after `since`. Paging does not apply to a `since` request.
pub fn list_url(
    d: &BackendDescription,
    thread: &str,
    page: Option<&str>,
    since: Option<&str>,
) -> Result<String, String> {
    sized_list_url(d, thread, page, since, None)
}

/// Comments per top-level thread a first page may bring (`paging.max_param`):
/// the first screen draws a thread's first few replies, and 15 per thread
/// fill it; a 10,000-comment thread's first 20 threads were 1,250 comments
/// (652 KB), which delayed its first comment by about 110 ms. The demo page's
/// and the embed loader's head starts ask for the same.
pub const FIRST_SCREEN_COMMENTS: u32 = 15;

/// The URL of a first page of only the screen's `top` top-level threads
/// (with `paging.max_param`, at most `FIRST_SCREEN_COMMENTS` comments for
/// each; with `paging.replies_param` and its kin, only the replies the screen shows), when the
/// backend pages by top-level thread (`paging.top_level`); None otherwise.
pub fn first_page_url(d: &BackendDescription, thread: &str, screen: FirstScreen) -> Option<Result<String, String>> {
    let p = d.paging.as_ref().filter(|p| p.top_level)?;
    // No bigger than the description's pages: a backend may refuse more.
    let top = screen.top.clamp(1, p.size.max(1));
    Some(cut(d, sized_list_url(d, thread, None, None, Some(top)), top, screen))
}

/// After a first page the backend cut short at offset `from` (`max_param`):
/// the rest of the first screen's threads, cut the same way, so they come
/// before the big pages of the rest. None once `from` is past them, or
/// where pages are not offsets of top-level threads.
pub fn first_screen_rest_url(
    d: &BackendDescription,
    thread: &str,
    from: &str,
    screen: FirstScreen,
) -> Option<Result<String, String>> {
    let p = d.paging.as_ref().filter(|p| p.top_level && p.offset_param.is_some())?;
    p.max_param.as_ref().or(p.unlisted.as_ref())?;
    let left = screen.top.checked_sub(from.parse().ok()?).filter(|n| *n > 0)?.min(p.size.max(1));
    Some(cut(d, sized_list_url(d, thread, Some(from), None, Some(left)), left, screen))
}

/// Whether first pages hold only what the first screen shows (`paging.replies_param` and its kin),
/// so the same threads are asked for again, whole, from offset 0.
pub fn previews(d: &BackendDescription) -> bool {
    d.paging.as_ref().is_some_and(|p| p.top_level && p.offset_param.is_some() && p.preview().is_some())
}

/// How many comments a first-screen page left out below each comment it
/// lists (`paging.unlisted`); entries that are not whole numbers are left
/// out. None when the answer has no such object there.
pub fn unlisted(d: &BackendDescription, list_answer: &Value) -> Option<Vec<(CommentId, usize)>> {
    let map = d.paging.as_ref().and_then(Paging::preview).and_then(|v| at(list_answer, v.unlisted))?.as_object()?;
    Some(map.iter().filter_map(|(id, n)| Some((CommentId(id.clone()), usize::try_from(n.as_u64()?).ok()?))).collect())
}

/// `url` with at most `FIRST_SCREEN_COMMENTS` per thread of `threads`, and
/// only the replies `screen` shows, as far as the description can ask.
fn cut(
    d: &BackendDescription,
    url: Result<String, String>,
    threads: u32,
    screen: FirstScreen,
) -> Result<String, String> {
    let mut url = url?;
    let Some(p) = &d.paging else { return Ok(url) };
    let max = threads.saturating_mul(FIRST_SCREEN_COMMENTS);
    let mut params: Vec<(&str, u32)> = p.max_param.iter().map(|n| (n.as_str(), max)).collect();
    if let Some(v) = p.preview().filter(|_| previews(d)) {
        params.extend(screen.replies.map(|n| (v.replies_param, n)));
        params.extend(screen.depth.map(|n| (v.depth_param, n)));
    }
    for (k, v) in params {
        url.push('&');
        url.push_str(&expand_url("{k}={v}", "", &[("k", k), ("v", &v.to_string())])?);
    }
    Ok(url)
}

fn sized_list_url(
    d: &BackendDescription,
    thread: &str,
    page: Option<&str>,
    since: Option<&str>,
    size: Option<u32>,
) -> Result<String, String> {
    let mut url = expand_url(&d.list.url, &d.base, &[("thread", thread)])?;
    let mut params: Vec<(&str, String)> = Vec::new();
    match (since, &d.since, &d.paging) {
        (Some(cursor), Some(s), _) => params.push((&s.param, cursor.to_owned())),
        (_, _, Some(p)) => {
            params.push((&p.limit_param, size.unwrap_or(p.size).to_string()));
            if let Some(value) = page {
                let name = p.offset_param.as_ref().or(p.cursor_param.as_ref());
                params.extend(name.map(|n| (n.as_str(), value.to_owned())));
            }
        }
        _ => {}
    }
    for (k, v) in params {
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str(&expand_url("{k}={v}", "", &[("k", k), ("v", &v)])?);
    }
    Ok(url)
}
