//! Any JSON backend, driven by a `BackendDescription` (see threadline-sync):
//! this file only sends what the description builds and maps the answers.

use gloo_net::http::RequestBuilder;
use serde_json::Value;
use threadline_core::{Backend, BackendError, BoxFuture, Comment, NewComment};
use threadline_sync::description::Credentials;
use threadline_sync::{build_create_body, expand_url, parse_created, parse_list, BackendDescription, Endpoint};

/// Larger answers are refused before parsing: a runaway backend must not
/// freeze the reader's tab.
const MAX_ANSWER_BYTES: usize = 20 * 1024 * 1024;

pub struct HttpBackend {
    desc: BackendDescription,
}

impl HttpBackend {
    pub fn new(desc: BackendDescription) -> Self {
        HttpBackend { desc }
    }

    fn request(&self, endpoint: &Endpoint, vars: &[(&str, &str)]) -> Result<RequestBuilder, BackendError> {
        let url = expand_url(&endpoint.url, &self.desc.base, vars).map_err(BackendError::Invalid)?;
        let credentials = match self.desc.credentials {
            Credentials::Omit => web_sys::RequestCredentials::Omit,
            Credentials::SameOrigin => web_sys::RequestCredentials::SameOrigin,
            Credentials::Include => web_sys::RequestCredentials::Include,
        };
        let mut builder = RequestBuilder::new(&url).method(method(&endpoint.method)?).credentials(credentials);
        for (k, v) in &endpoint.headers {
            builder = builder.header(k, v);
        }
        if let Some(h) = &self.desc.client_id_header {
            builder = builder.header(h, &client_id());
        }
        Ok(builder)
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

fn method(name: &str) -> Result<gloo_net::http::Method, BackendError> {
    use gloo_net::http::Method;
    Ok(match name.to_ascii_uppercase().as_str() {
        "GET" => Method::GET,
        "POST" => Method::POST,
        "PUT" => Method::PUT,
        "PATCH" => Method::PATCH,
        "DELETE" => Method::DELETE,
        other => return Err(BackendError::Invalid(format!("unsupported HTTP method {other:?}"))),
    })
}

/// Sends with a deadline: a stalled backend must not leave a post "sending"
/// forever. The abort surfaces as a network error, so the outbox retries.
/// The deadline covers the whole exchange, body included: a server that sends
/// headers and then stalls is given up too.
async fn send(builder: RequestBuilder, body: Option<String>, timeout_ms: u32) -> Result<(u16, String), BackendError> {
    let controller = web_sys::AbortController::new().ok();
    let builder = builder.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let request = match body {
        Some(b) => builder.body(b),
        None => builder.build(),
    }
    .map_err(|e| BackendError::Invalid(e.to_string()))?;
    let timer = controller.map(|c| {
        leptos::prelude::set_timeout_with_handle(move || c.abort(), std::time::Duration::from_millis(timeout_ms.into()))
    });
    let result = match request.send().await {
        Ok(response) => {
            let status = response.status();
            response.text().await.map(|text| (status, text))
        }
        Err(e) => Err(e),
    };
    if let Some(Ok(t)) = timer {
        t.clear();
    }
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

/// The answer as JSON, or the backend's own error message when it sent one.
fn answer((status, text): (u16, String)) -> Result<Value, BackendError> {
    if text.len() > MAX_ANSWER_BYTES {
        return Err(BackendError::Invalid(format!(
            "the answer is {} MB, more than a comment list can be",
            text.len() >> 20
        )));
    }
    let json: Result<Value, _> = serde_json::from_str(&text);
    if !(200..300).contains(&status) {
        let message = json
            .ok()
            .and_then(|v| {
                let m =
                    v.pointer("/error/message").or_else(|| v.pointer("/error")).or_else(|| v.pointer("/message"))?;
                m.as_str().map(str::to_owned)
            })
            .unwrap_or_else(|| text.chars().take(200).collect::<String>());
        return Err(match status {
            422 | 400 => BackendError::Rejected(message),
            _ => BackendError::Status { code: status, message },
        });
    }
    json.map_err(|e| BackendError::Invalid(format!("not JSON ({e})")))
}

impl Backend for HttpBackend {
    fn list<'a>(&'a self, thread: &'a str) -> BoxFuture<'a, Result<Vec<Comment>, BackendError>> {
        Box::pin(async move {
            let request = self.request(&self.desc.list, &[("thread", thread)])?;
            let json = answer(send(request, None, self.desc.timeout_ms).await?)?;
            let parsed = parse_list(&self.desc, &json).map_err(|e| BackendError::Invalid(e.to_string()))?;
            for w in &parsed.warnings {
                crate::state::warn(w);
            }
            Ok(parsed.comments)
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
            let json = answer(send(builder, Some(body.to_string()), self.desc.timeout_ms).await?)?;
            parse_created(&self.desc, &json, &draft).map_err(|e| BackendError::Invalid(e.to_string()))
        })
    }
}
