//! Any JSON backend, driven by a `BackendDescription` (see threadline-sync):
//! this file only sends what the description builds and maps the answers.

use super::owned;
use crate::i18n::Lang;
use gloo_net::http::RequestBuilder;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use threadline_core::{Backend, BackendError, BoxFuture, Capabilities, Comment, CommentId, Edit, NewComment, Page};
use threadline_sync::answers::{first_screen_rest_url, like_count, list_url, next_page, owner_token, since_cursor};
use threadline_sync::description::Credentials;
use threadline_sync::json::{self, Json};
use threadline_sync::{
    build_create_body, build_edit_body, expand_url, parse_created, parse_list, BackendDescription, Endpoint,
};

/// Larger answers are refused before parsing: a runaway backend must not
/// freeze the reader's tab.
const MAX_ANSWER_BYTES: usize = 20 * 1024 * 1024;
/// A backend whose "next page" never ends must not keep the reader waiting.
const MAX_PAGES: usize = 200;

pub struct HttpBackend {
    desc: BackendDescription,
    /// The reader's language: a policy refusal that comes in several
    /// languages (the reference server's findings) is told in this one.
    lang: Lang,
    /// What the last listing said about itself, so a poll asks only for changes.
    seen: RefCell<Seen>,
    /// The top-level threads the first screen shows (`list_first`): a first
    /// page cut short by comments is followed by the rest of them first.
    first_top: Cell<Option<u32>>,
}

#[derive(Default)]
struct Seen {
    cursor: Option<String>,
    etag: Option<String>,
}

/// One answer: status, body, and the ETag header when the backend sent (and exposed) one.
struct Answer {
    status: u16,
    body: Vec<u8>,
    etag: Option<String>,
}

impl HttpBackend {
    pub fn new(desc: BackendDescription, lang: Lang) -> Self {
        HttpBackend { desc, lang, seen: RefCell::new(Seen::default()), first_top: Cell::new(None) }
    }

    fn answer(&self, got: Answer) -> Result<Json, BackendError> {
        answer(got, self.lang)
    }

    fn request(&self, endpoint: &Endpoint, vars: &[(&str, &str)]) -> Result<RequestBuilder, BackendError> {
        let url = expand_url(&endpoint.url, &self.desc.base, vars).map_err(BackendError::Invalid)?;
        Ok(self.request_to(&url, endpoint))
    }

    fn request_to(&self, url: &str, endpoint: &Endpoint) -> RequestBuilder {
        let credentials = match self.desc.credentials {
            Credentials::Omit => web_sys::RequestCredentials::Omit,
            Credentials::SameOrigin => web_sys::RequestCredentials::SameOrigin,
            Credentials::Include => web_sys::RequestCredentials::Include,
        };
        let mut builder = RequestBuilder::new(url).method(method(&endpoint.method)).credentials(credentials);
        for (k, v) in &endpoint.headers {
            builder = builder.header(k, v);
        }
        if let Some(h) = &self.desc.client_id_header {
            builder = builder.header(h, &client_id());
        }
        builder
    }

    /// Edit and delete prove authorship with the token the create answer gave.
    fn owner_request(&self, endpoint: &Endpoint, thread: &str, id: &CommentId) -> Result<RequestBuilder, BackendError> {
        let mut builder = self.request(endpoint, &[("thread", thread), ("id", id.as_str())])?;
        if let (Some(h), Some(token)) = (&self.desc.owner_header, owned::token(thread, id.as_str())) {
            builder = builder.header(h, &token);
        }
        Ok(builder)
    }

    /// Every page of the listing from `page` (None: the first); remembers the
    /// first page's cursor and ETag for polls.
    async fn list_pages(&self, thread: &str, mut page: Option<String>) -> Result<Vec<Comment>, BackendError> {
        let mut comments = Vec::new();
        for _ in 0..MAX_PAGES {
            let url = list_url(&self.desc, thread, page.as_deref(), None).map_err(BackendError::Invalid)?;
            let (json, next) = self.list_page(&url, page.is_none()).await?;
            comments.extend(self.parse(&json)?);
            page = next;
            if page.is_none() {
                return Ok(comments);
            }
        }
        Err(BackendError::Invalid(format!("the listing went on past {MAX_PAGES} pages")))
    }

    /// One page as JSON and where the next starts. The first page's cursor
    /// and ETag are kept: changes made while later pages load come again, harmlessly.
    async fn list_page(&self, url: &str, first: bool) -> Result<(Json, Option<String>), BackendError> {
        // A failed head start is asked again, with the deadline and the usual errors.
        let got = match super::prefetch::take(url).await {
            Some(p) => Answer { status: p.status, body: p.body, etag: p.etag },
            None => send(self.request_to(url, &self.desc.list), None, self.desc.timeout_ms).await?,
        };
        let etag = got.etag.clone();
        let json = self.answer(got)?;
        if first {
            *self.seen.borrow_mut() = Seen { cursor: since_cursor(&self.desc, &json), etag };
        }
        let next = next_page(&self.desc, &json);
        Ok((json, next))
    }

    fn parse(&self, json: &Value) -> Result<Vec<Comment>, BackendError> {
        let parsed = parse_list(&self.desc, json).map_err(|e| BackendError::Invalid(e.to_string()))?;
        for w in &parsed.warnings {
            crate::state::warn(w);
        }
        Ok(parsed.comments)
    }
}

/// A random id that stays with this browser, so a backend can tell readers
/// apart without accounts (it proves nothing about who they are).
fn client_id() -> String {
    const KEY: &str = "threadline:client-id";
    if let Ok(Some(id)) = crate::storage::get(KEY) {
        return id;
    }
    let id = super::random_token();
    let _ = crate::storage::set(KEY, &id);
    id
}

/// The description was validated when loaded, so unknown names cannot reach here; GET is the safe reading.
fn method(name: &str) -> gloo_net::http::Method {
    use gloo_net::http::Method;
    match name.to_ascii_uppercase().as_str() {
        "POST" => Method::POST,
        "PUT" => Method::PUT,
        "PATCH" => Method::PATCH,
        "DELETE" => Method::DELETE,
        _ => Method::GET,
    }
}

/// Sends with a deadline: a stalled backend must not leave a post "sending"
/// forever. The abort surfaces as a network error, so the outbox retries.
/// The deadline covers the whole exchange, body included: a server that sends
/// headers and then stalls is given up too.
async fn send(builder: RequestBuilder, body: Option<String>, timeout_ms: u32) -> Result<Answer, BackendError> {
    let deadline = crate::deadline::Deadline::new(crate::state::timer_delay(timeout_ms.into()));
    let builder = builder.abort_signal(deadline.signal().as_ref());
    let request = match body {
        Some(b) => builder.body(b),
        None => builder.build(),
    }
    .map_err(|e| BackendError::Invalid(e.to_string()))?;
    let result = match request.send().await {
        Ok(response) => read(response).await,
        Err(e) => Err(e),
    };
    drop(deadline);
    result.map_err(|e| {
        // The browser hides the cause (offline, refused, CORS) from scripts;
        // the console has the details, the reader gets a plain sentence.
        crate::state::warn(&format!("request failed: {e}"));
        let timed_out = e.to_string().contains("abort");
        BackendError::Network(
            if timed_out { "the server did not answer in time" } else { "you may be offline, or the server is down" }
                .into(),
        )
    })
}

async fn read(response: gloo_net::http::Response) -> Result<Answer, gloo_net::Error> {
    let status = response.status();
    let etag = response.headers().get("etag");
    response.binary().await.map(|body| Answer { status, body, etag })
}

/// The answer as JSON, or the backend's own error message when it sent one.
fn answer(Answer { status, body, .. }: Answer, lang: Lang) -> Result<Json, BackendError> {
    if body.len() > MAX_ANSWER_BYTES {
        return Err(BackendError::Invalid(format!(
            "the answer is {} MB, more than a comment list can be",
            body.len() >> 20
        )));
    }
    let json = json::read_bytes(&body);
    if !(200..300).contains(&status) {
        let code = json.as_ref().ok().and_then(|v| v.pointer("/error/code")?.as_str().map(str::to_owned));
        // The reference server's "are you sure?" (API.md): posted when sent with confirm.
        let nudged = status == 422 && code.as_deref() == Some("nudge");
        let message = json
            .ok()
            .and_then(|v| {
                if let Some(m) = code.as_deref().and_then(|c| policy_message(&v, c, lang)) {
                    return Some(m);
                }
                // A moderator's block (API.md), which no retry or edit changes.
                if code.as_deref() == Some("blocked") {
                    return Some(threadline_i18n::t(lang, threadline_i18n::Key::Blocked).to_owned());
                }
                let m =
                    v.pointer("/error/message").or_else(|| v.pointer("/error")).or_else(|| v.pointer("/message"))?;
                m.as_str().map(str::to_owned)
            })
            // The start of an error page is enough to quote (a cut letter shows as U+FFFD).
            .unwrap_or_else(|| String::from_utf8_lossy(&body[..body.len().min(800)]).chars().take(200).collect());
        return Err(match status {
            _ if nudged => BackendError::Nudged(message),
            _ if code.as_deref() == Some("blocked") => BackendError::Rejected(message),
            422 | 400 => BackendError::Rejected(message),
            _ => BackendError::Status { code: status, message },
        });
    }
    // 204 No Content (a delete) has nothing to parse.
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Json::from_value(Value::Null));
    }
    json.map_err(|e| BackendError::Invalid(e.to_string()))
}

/// A policy refusal's deciding finding in the reader's language, from the
/// reference server's `findings` (API.md), when it sent them.
fn policy_message(v: &Json, code: &str, lang: Lang) -> Option<String> {
    let action = match code {
        "policy" => "block",
        "nudge" => "nudge",
        _ => return None,
    };
    let findings = v.pointer("/findings")?.as_array()?;
    let deciding = findings.iter().find(|f| f.pointer("/action").and_then(|a| a.as_str()) == Some(action))?;
    deciding.pointer(&format!("/message/{}", lang.tag()))?.as_str().map(str::to_owned)
}

impl Backend for HttpBackend {
    fn list<'a>(&'a self, thread: &'a str) -> BoxFuture<'a, Result<Vec<Comment>, BackendError>> {
        Box::pin(self.list_pages(thread, None))
    }

    fn list_first<'a>(&'a self, thread: &'a str, top: u32) -> Option<Page<'a>> {
        let url = threadline_sync::answers::first_page_url(&self.desc, thread, top)?;
        self.first_top.set(Some(top));
        Some(Box::pin(async move {
            let (json, next) = self.list_page(&url.map_err(BackendError::Invalid)?, true).await?;
            Ok((self.parse(&json)?, next))
        }))
    }

    fn list_rest<'a>(&'a self, thread: &'a str, from: String) -> Page<'a> {
        Box::pin(async move {
            // A backend that caps this page to nothing, naming it again as the
            // next, is stopped by `load_rest` with a message.
            let screen = self.first_top.get().and_then(|top| first_screen_rest_url(&self.desc, thread, &from, top));
            let url = screen.unwrap_or_else(|| list_url(&self.desc, thread, Some(&from), None));
            let (json, next) = self.list_page(&url.map_err(BackendError::Invalid)?, false).await?;
            Ok((self.parse(&json)?, next))
        })
    }

    fn poll<'a>(&'a self, thread: &'a str) -> BoxFuture<'a, Result<Option<Vec<Comment>>, BackendError>> {
        Box::pin(async move {
            let (cursor, etag) = {
                let seen = self.seen.borrow();
                (seen.cursor.clone(), seen.etag.clone())
            };
            let url = match &cursor {
                Some(c) => list_url(&self.desc, thread, None, Some(c)).map_err(BackendError::Invalid)?,
                // Without a cursor only a one-page listing can be checked by ETag.
                None if etag.is_some() && self.desc.paging.is_none() => {
                    list_url(&self.desc, thread, None, None).map_err(BackendError::Invalid)?
                }
                None => return self.list_pages(thread, None).await.map(Some),
            };
            let mut request = self.request_to(&url, &self.desc.list);
            if let (None, Some(tag)) = (&cursor, &etag) {
                request = request.header("If-None-Match", tag);
            }
            let got = send(request, None, self.desc.timeout_ms).await?;
            if got.status == 304 {
                return Ok(None);
            }
            let new_etag = got.etag.clone();
            let json = self.answer(got)?;
            let mut seen = self.seen.borrow_mut();
            seen.cursor = since_cursor(&self.desc, &json).or(cursor);
            seen.etag = new_etag;
            drop(seen);
            let changed = self.parse(&json)?;
            Ok((!changed.is_empty()).then_some(changed))
        })
    }

    fn create<'a>(&'a self, thread: &'a str, draft: NewComment) -> BoxFuture<'a, Result<Comment, BackendError>> {
        Box::pin(async move {
            let draft = draft.validated().map_err(|e| BackendError::Rejected(e.to_string()))?;
            let body = build_create_body(&self.desc, thread, &draft, js_sys::Date::now() as i64);
            let mut builder = self.request(&self.desc.create, &[("thread", thread)])?;
            if let Some(h) = &self.desc.idempotency_header {
                builder = builder.header(h, &draft.idempotency_key);
            }
            let json = self.answer(send(builder, Some(body.to_string()), self.desc.timeout_ms).await?)?;
            let comment = parse_created(&self.desc, &json, &draft).map_err(|e| BackendError::Invalid(e.to_string()))?;
            let token = owner_token(&self.desc, &json).unwrap_or_default();
            owned::remember(thread, comment.id.as_str(), &token);
            Ok(comment)
        })
    }

    fn stream(&self, thread: &str) -> Option<(String, String)> {
        let s = self.desc.stream.as_ref()?;
        let url = expand_url(&s.url, &self.desc.base, &[("thread", thread)]).ok()?;
        Some((url, s.event.clone()))
    }

    fn parse_event(&self, data: &str) -> Result<Comment, String> {
        let json = json::read(data).map_err(|e| e.to_string())?;
        threadline_sync::parse_item(&self.desc, &json)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            edit: self.desc.edit.is_some(),
            delete: self.desc.delete.is_some(),
            like: self.desc.like.is_some(),
            report: self.desc.report.is_some(),
            idempotent: self.desc.idempotency_header.is_some(),
        }
    }

    fn owns(&self, thread: &str, id: &CommentId) -> bool {
        owned::token(thread, id.as_str()).is_some()
    }

    fn adopted(&self, thread: &str, id: &CommentId) {
        // The proof a token or a cookie (Isso's) would have given came with
        // the lost answer: without one the edit would only be refused.
        if self.desc.owner_token.is_none() && self.desc.credentials != Credentials::Include {
            owned::remember(thread, id.as_str(), "");
        }
    }

    fn edit<'a>(
        &'a self,
        thread: &'a str,
        id: &'a CommentId,
        edit: Edit,
    ) -> BoxFuture<'a, Result<Option<Comment>, BackendError>> {
        Box::pin(async move {
            let endpoint =
                self.desc.edit.as_ref().ok_or_else(|| BackendError::Rejected("editing is not supported".into()))?;
            let body = build_edit_body(&self.desc, &edit.author, &edit.body, edit.confirm);
            let builder = self.owner_request(endpoint, thread, id)?;
            let json = self.answer(send(builder, Some(body.to_string()), self.desc.timeout_ms).await?)?;
            let Some(pointer) = &self.desc.edited else { return Ok(None) };
            let draft = NewComment {
                parent: None,
                author: edit.author,
                body: edit.body,
                idempotency_key: String::new(),
                confirm: false,
            };
            let probe = BackendDescription { created: pointer.clone(), ..self.desc.clone() };
            Ok(parse_created(&probe, &json, &draft).ok())
        })
    }

    fn delete<'a>(&'a self, thread: &'a str, id: &'a CommentId) -> BoxFuture<'a, Result<(), BackendError>> {
        Box::pin(async move {
            let endpoint =
                self.desc.delete.as_ref().ok_or_else(|| BackendError::Rejected("deleting is not supported".into()))?;
            let builder = self.owner_request(endpoint, thread, id)?;
            self.answer(send(builder, None, self.desc.timeout_ms).await?)?;
            owned::forget(thread, id.as_str());
            Ok(())
        })
    }

    fn like<'a>(&'a self, thread: &'a str, id: &'a CommentId) -> BoxFuture<'a, Result<Option<u32>, BackendError>> {
        Box::pin(async move {
            let endpoint =
                self.desc.like.as_ref().ok_or_else(|| BackendError::Rejected("likes are not supported".into()))?;
            let builder = self.request(endpoint, &[("thread", thread), ("id", id.as_str())])?;
            let json = self.answer(send(builder, None, self.desc.timeout_ms).await?)?;
            Ok(like_count(&self.desc, &json))
        })
    }

    fn fetch_own<'a>(
        &'a self,
        thread: &'a str,
        id: &'a CommentId,
    ) -> BoxFuture<'a, Result<Option<Comment>, BackendError>> {
        Box::pin(async move {
            let endpoint = self.desc.get.as_ref().ok_or_else(|| BackendError::Rejected("no get endpoint".into()))?;
            // Without its token a held comment is not shown even to its author:
            // a 404 would then say nothing.
            if self.desc.owner_header.is_some() && owned::token(thread, id.as_str()).is_none() {
                return Err(BackendError::Rejected("no owner token for this comment".into()));
            }
            let got = send(self.owner_request(endpoint, thread, id)?, None, self.desc.timeout_ms).await?;
            if got.status == 404 {
                return Ok(None);
            }
            let json = self.answer(got)?;
            let blank = NewComment {
                parent: None,
                author: String::new(),
                body: String::new(),
                idempotency_key: String::new(),
                confirm: false,
            };
            let c = parse_created(&self.desc, &json, &blank).map_err(|e| BackendError::Invalid(e.to_string()))?;
            Ok(Some(c).filter(|c| !c.deleted))
        })
    }

    fn report<'a>(&'a self, thread: &'a str, id: &'a CommentId) -> BoxFuture<'a, Result<(), BackendError>> {
        Box::pin(async move {
            let endpoint =
                self.desc.report.as_ref().ok_or_else(|| BackendError::Rejected("reports are not supported".into()))?;
            let builder = self.request(endpoint, &[("thread", thread), ("id", id.as_str())])?;
            self.answer(send(builder, None, self.desc.timeout_ms).await?)?;
            Ok(())
        })
    }
}
