//! Any JSON backend, driven by a `BackendDescription` (see threadline-sync):
//! this file only sends what the description builds and maps the answers.

use super::owned;
use super::wire::{answer, send, Answer};
use crate::i18n::Lang;
use gloo_net::http::RequestBuilder;
use serde_json::Value;
use std::cell::RefCell;
use threadline_core::{
    Backend, BackendError, BoxFuture, Capabilities, Comment, CommentId, Edit, FirstScreen, Listed, NewComment, Page,
};
use threadline_sync::answers::{edit_window_ms, like_count, list_url, next_page, owner_token, since_cursor};
use threadline_sync::description::Credentials;
use threadline_sync::json::{self, Json};
use threadline_sync::screen::{PageUrl, ScreenPages};
use threadline_sync::{
    build_create_body, build_edit_body, expand_url, parse_created, parse_created_at, parse_list, BackendDescription,
    Endpoint,
};

/// A backend whose "next page" never ends must not keep the reader waiting.
const MAX_PAGES: usize = 200;

pub struct HttpBackend {
    desc: BackendDescription,
    /// The reader's language: a policy refusal that comes in several
    /// languages (the reference server's findings) is told in this one.
    lang: Lang,
    /// What the last listing said about itself, so a poll asks only for changes.
    seen: RefCell<Seen>,
    /// Which pages make the first screen (`list_first`), and after them where the rest starts.
    screen: ScreenPages,
}

#[derive(Default)]
struct Seen {
    cursor: Option<String>,
    etag: Option<String>,
    /// Comments in the listing since its first page that could not be read
    /// (and stream events since), counted for the reader.
    unreadable: usize,
    edit_window_ms: Option<i64>,
}

impl HttpBackend {
    pub fn new(desc: BackendDescription, lang: Lang) -> Self {
        // Drafts are checked by the rules this backend enforces, when it says where they are.
        if let Some(url) = desc.policy.as_ref().and_then(|p| expand_url(&p.url, &desc.base, &[]).ok()) {
            crate::policy_module::set_policy_url(&url);
        }
        HttpBackend { desc, lang, seen: RefCell::new(Seen::default()), screen: ScreenPages::default() }
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
            Some(p) => Answer { status: p.status, body: p.body, etag: p.etag, retry_after: None },
            None => send(self.request_to(url, &self.desc.list), None, self.desc.timeout_ms).await?,
        };
        let etag = got.etag.clone();
        let json = self.answer(got)?;
        if first {
            *self.seen.borrow_mut() = Seen {
                cursor: since_cursor(&self.desc, &json),
                etag,
                unreadable: 0,
                edit_window_ms: edit_window_ms(&self.desc, &json),
            };
        }
        let next = next_page(&self.desc, &json);
        Ok((json, next))
    }

    async fn listed(&self, thread: &str, page: PageUrl, first: bool) -> Result<Listed, BackendError> {
        let (json, next) = self.list_page(&page.url.map_err(BackendError::Invalid)?, first).await?;
        let mut listed = Listed { comments: self.parse(&json)?, next, ..Listed::default() };
        if page.of_screen {
            self.screen.finish(&self.desc, thread, &json, &mut listed);
        }
        Ok(listed)
    }

    fn parse(&self, json: &Value) -> Result<Vec<Comment>, BackendError> {
        let parsed = parse_list(&self.desc, json).map_err(|e| BackendError::Invalid(e.to_string()))?;
        for w in &parsed.warnings {
            crate::state::warn(w);
        }
        self.seen.borrow_mut().unreadable += parsed.skipped;
        Ok(parsed.comments)
    }
}

/// A random id that stays with this browser, so a backend can tell readers
/// apart without accounts (it proves nothing about who they are).
fn client_id() -> String {
    const KEY: &str = "threadline:client-id";
    // Kept for the page too: with storage disabled or full, a new id per
    // request would make a retry another client's, which a server refuses.
    thread_local!(static ID: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() });
    if let Ok(Some(id)) = crate::storage::get(KEY) {
        return id;
    }
    ID.with(|cell| {
        cell.get_or_init(|| {
            let id = super::random_token();
            let _ = crate::storage::set(KEY, &id);
            id
        })
        .clone()
    })
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

impl Backend for HttpBackend {
    fn list<'a>(&'a self, thread: &'a str) -> BoxFuture<'a, Result<Vec<Comment>, BackendError>> {
        Box::pin(self.list_pages(thread, None))
    }

    fn list_first<'a>(&'a self, thread: &'a str, screen: FirstScreen) -> Option<Page<'a>> {
        let page = self.screen.first(&self.desc, thread, screen)?;
        Some(Box::pin(self.listed(thread, page, true)))
    }

    fn list_rest<'a>(&'a self, thread: &'a str, from: String) -> Page<'a> {
        // A backend that caps this page to nothing, naming it again as the
        // next, is stopped by `load_rest` with a message.
        Box::pin(self.listed(thread, self.screen.rest(&self.desc, thread, &from), false))
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
            if cursor.is_none() {
                // The whole listing again, not the changes since the last.
                seen.unreadable = 0;
            }
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
        let parsed =
            json::read(data).map_err(|e| e.to_string()).and_then(|j| threadline_sync::parse_item(&self.desc, &j));
        if parsed.is_err() {
            self.seen.borrow_mut().unreadable += 1;
        }
        parsed
    }

    fn unreadable(&self) -> usize {
        self.seen.borrow().unreadable
    }

    fn edit_window_ms(&self) -> Option<i64> {
        self.seen.borrow().edit_window_ms
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            edit: self.desc.edit.is_some(),
            delete: self.desc.delete.is_some(),
            like: self.desc.like.is_some(),
            report: self.desc.report.is_some(),
            idempotent: self.desc.idempotency_header.is_some(),
            reply_depth: self.desc.reply_depth,
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
            Ok(parse_created_at(&self.desc, pointer, &json, &draft).ok())
        })
    }

    fn delete<'a>(&'a self, thread: &'a str, id: &'a CommentId) -> BoxFuture<'a, Result<(), BackendError>> {
        Box::pin(async move {
            let endpoint =
                self.desc.delete.as_ref().ok_or_else(|| BackendError::Rejected("deleting is not supported".into()))?;
            let builder = self.owner_request(endpoint, thread, id)?;
            let body = self.desc.delete_body.as_ref().map(|b| b.to_string());
            self.answer(send(builder, body, self.desc.timeout_ms).await?)?;
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
