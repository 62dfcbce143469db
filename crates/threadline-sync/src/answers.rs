//! The small things a backend says besides comments: the owner token of a new
//! comment, the like count, the next page, the polling cursor. Each is
//! optional: a description that does not name it simply goes without.

use crate::description::BackendDescription;
use crate::mapping::at;
use crate::template::expand_url;
use serde_json::Value;

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

/// The URL of a first page of only `top` top-level threads (and with
/// `paging.max_param`, at most `FIRST_SCREEN_COMMENTS` comments for each),
/// when the backend pages by top-level thread (`paging.top_level`); None
/// otherwise.
pub fn first_page_url(d: &BackendDescription, thread: &str, top: u32) -> Option<Result<String, String>> {
    let p = d.paging.as_ref().filter(|p| p.top_level)?;
    // No bigger than the description's pages: a backend may refuse more.
    let top = top.clamp(1, p.size.max(1));
    Some(capped(p.max_param.as_deref(), sized_list_url(d, thread, None, None, Some(top)), top))
}

/// After a first page the backend cut short at offset `from` (`max_param`):
/// the rest of the first screen's `top` threads, capped the same way, so
/// they come before the big pages of the rest. None once `from` is past
/// them, or where pages are not offsets of top-level threads.
pub fn first_screen_rest_url(
    d: &BackendDescription,
    thread: &str,
    from: &str,
    top: u32,
) -> Option<Result<String, String>> {
    let p = d.paging.as_ref().filter(|p| p.top_level && p.offset_param.is_some())?;
    p.max_param.as_ref()?;
    let left = top.checked_sub(from.parse().ok()?).filter(|n| *n > 0)?.min(p.size.max(1));
    Some(capped(p.max_param.as_deref(), sized_list_url(d, thread, Some(from), None, Some(left)), left))
}

/// `url` with at most `FIRST_SCREEN_COMMENTS` per thread of `threads`.
fn capped(max_param: Option<&str>, url: Result<String, String>, threads: u32) -> Result<String, String> {
    let (Some(name), Ok(url)) = (max_param, &url) else { return url };
    let max = threads.saturating_mul(FIRST_SCREEN_COMMENTS).to_string();
    Ok(format!("{url}&{}", expand_url("{k}={v}", "", &[("k", name), ("v", &max)])?))
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
