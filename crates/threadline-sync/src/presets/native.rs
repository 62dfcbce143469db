//! The reference server's preset written out as a value. It is the default
//! of every page, and parsing it at start-up made the browser compile the
//! description's deserializers (some 25 KB of wasm) on the main thread before
//! the first comment could be asked for. `presets/threadline.json` stays the
//! copy site owners read and start from; a test keeps the two equal.

use crate::description::{
    BackendDescription, BodyFormat, Credentials, DeletedField, Endpoint, Fields, Paging, Since, Stream, TimeFormat,
};
use std::collections::BTreeMap;

fn endpoint(url: &str, method: &str, json_body: bool) -> Endpoint {
    let mut headers = BTreeMap::new();
    if json_body {
        headers.insert("Content-Type".to_owned(), "application/json".to_owned());
    }
    Endpoint { url: url.to_owned(), method: method.to_owned(), headers }
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

pub fn threadline() -> BackendDescription {
    BackendDescription {
        name: "threadline".to_owned(),
        base: String::new(),
        list: endpoint("{base}/api/comments?thread={thread}", "GET", false),
        create: endpoint("{base}/api/comments", "POST", true),
        edit: Some(endpoint("{base}/api/comments/{id}", "PATCH", true)),
        delete: Some(endpoint("{base}/api/comments/{id}", "DELETE", false)),
        like: Some(endpoint("{base}/api/comments/{id}/like", "POST", false)),
        report: Some(endpoint("{base}/api/comments/{id}/report", "POST", false)),
        get: Some(endpoint("{base}/api/comments/{id}", "GET", false)),
        credentials: Credentials::SameOrigin,
        comments: "/comments".to_owned(),
        children: None,
        item: String::new(),
        fields: Fields {
            id: "/id".to_owned(),
            parent: some("/parent"),
            author: "/author".to_owned(),
            author_id: None,
            avatar: None,
            website: None,
            body: "/body".to_owned(),
            created: some("/created_ms"),
            edited: some("/edited_ms"),
            deleted: Some(DeletedField { pointer: "/deleted".to_owned(), equals: None }),
            held: Some(DeletedField { pointer: "/held".to_owned(), equals: None }),
            likes: some("/likes"),
            owner_token: None,
        },
        time_format: TimeFormat::UnixMillis,
        body_format: BodyFormat::Markdown,
        create_body: serde_json::json!({
            "thread": "{thread}",
            "parent": "{parent}",
            "author": "{author}",
            "body": "{body}",
            "idempotency_key": "{idempotency_key}",
            "confirm": "{confirm}"
        }),
        created: "/comment".to_owned(),
        idempotency_header: some("Idempotency-Key"),
        client_id_header: some("X-Client-Id"),
        timeout_ms: 15_000,
        poll_ms: 30_000,
        owner_token: some("/owner_token"),
        owner_header: some("X-Owner-Token"),
        edit_body: serde_json::json!({ "body": "{body}", "confirm": "{confirm}" }),
        edited: some("/comment"),
        like_count: some("/likes"),
        paging: Some(Paging {
            size: 200,
            limit_param: "limit".to_owned(),
            offset_param: some("offset"),
            cursor_param: None,
            next: "/next_offset".to_owned(),
            top_level: true,
            max_param: some("max"),
            replies_param: some("replies"),
            depth_param: some("depth"),
            unlisted: some("/unlisted"),
        }),
        since: Some(Since { param: "since".to_owned(), cursor: "/cursor".to_owned() }),
        stream: Some(Stream {
            url: "{base}/api/comments/stream?thread={thread}".to_owned(),
            event: "comment".to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn equals_the_json_preset_site_owners_read() {
        let json = crate::description::BackendDescription::from_json(include_str!("../../presets/threadline.json"));
        assert_eq!(json, Ok(super::threadline()));
    }
}
