//! A backend description read from JSON by looking its fields up
//! (`threadline_core::fields`: serde's derived reader was 12 KB gzip of every
//! reader's download). The rules are the derive's: unknown fields are
//! refused, absent ones take the defaults documented in `description.rs`; a
//! null counts as absent.

use crate::description::{
    BackendDescription, BodyFormat, Credentials, DeletedField, DescriptionError, Endpoint, Fields, Paging, Since,
    Stream, TimeFormat,
};
use threadline_core::fields::{read_object, Obj};

fn endpoint(mut o: Obj) -> Endpoint {
    let e = Endpoint {
        url: o.need("url"),
        method: o.string("method").unwrap_or_else(|| "GET".to_owned()),
        headers: o.object("headers", Obj::strings).unwrap_or_default(),
    };
    o.done();
    e
}

fn marker(mut o: Obj) -> DeletedField {
    let d = DeletedField { pointer: o.need("pointer"), equals: o.any("equals") };
    o.done();
    d
}

fn fields(mut o: Obj) -> Fields {
    let f = Fields {
        id: o.need("id"),
        parent: o.string("parent"),
        author: o.need("author"),
        author_id: o.string("author_id"),
        avatar: o.string("avatar"),
        website: o.string("website"),
        body: o.need("body"),
        created: o.string("created"),
        edited: o.string("edited"),
        deleted: o.object("deleted", marker),
        held: o.object("held", marker),
        likes: o.string("likes"),
        owner_token: o.string("owner_token"),
    };
    o.done();
    f
}

fn paging(mut o: Obj) -> Paging {
    let size = o.number("size");
    if size.is_none() {
        o.missing("size");
    }
    let p = Paging {
        size: size.unwrap_or(0),
        limit_param: o.need("limit_param"),
        offset_param: o.string("offset_param"),
        cursor_param: o.string("cursor_param"),
        next: o.need("next"),
        top_level: o.flag("top_level"),
        max_param: o.string("max_param"),
        replies_param: o.string("replies_param"),
        depth_param: o.string("depth_param"),
        unlisted: o.string("unlisted"),
    };
    o.done();
    p
}

fn since(mut o: Obj) -> Since {
    let s = Since { param: o.need("param"), cursor: o.need("cursor") };
    o.done();
    s
}

fn stream(mut o: Obj) -> Stream {
    let s = Stream { url: o.need("url"), event: o.string("event").unwrap_or_else(|| "comment".to_owned()) };
    o.done();
    s
}

fn description(mut o: Obj) -> BackendDescription {
    let create_body = o.any("create_body");
    if create_body.is_none() {
        o.missing("create_body");
    }
    let d = BackendDescription {
        name: o.need("name"),
        base: o.string("base").unwrap_or_default(),
        list: o.need_object("list", endpoint),
        create: o.need_object("create", endpoint),
        edit: o.object("edit", endpoint),
        delete: o.object("delete", endpoint),
        like: o.object("like", endpoint),
        report: o.object("report", endpoint),
        policy: o.object("policy", endpoint),
        get: o.object("get", endpoint),
        credentials: o.choice("credentials", &Credentials::NAMES).unwrap_or_default(),
        comments: o.string("comments").unwrap_or_default(),
        children: o.string("children"),
        item: o.string("item").unwrap_or_default(),
        fields: o.need_object("fields", fields),
        time_format: o.choice("time_format", &TimeFormat::NAMES).unwrap_or_default(),
        body_format: o.choice("body_format", &BodyFormat::NAMES).unwrap_or_default(),
        create_body: create_body.unwrap_or_default(),
        created: o.string("created").unwrap_or_default(),
        idempotency_header: o.string("idempotency_header"),
        client_id_header: o.string("client_id_header"),
        timeout_ms: o.number("timeout_ms").unwrap_or(15_000),
        poll_ms: o.number("poll_ms").unwrap_or(30_000),
        reply_depth: o.number("reply_depth"),
        owner_token: o.string("owner_token"),
        owner_header: o.string("owner_header"),
        edit_body: o.any("edit_body").unwrap_or_else(|| serde_json::json!({ "body": "{body}" })),
        edited: o.string("edited"),
        delete_body: o.any("delete_body"),
        like_count: o.string("like_count"),
        edit_window: o.string("edit_window"),
        paging: o.object("paging", paging),
        since: o.object("since", since),
        stream: o.object("stream", stream),
    };
    o.done();
    d
}

/// The description in `json`, not yet checked (`BackendDescription::validate`).
pub(crate) fn read(json: &str) -> Result<BackendDescription, DescriptionError> {
    read_object(json, "the description", description).map_err(DescriptionError)
}
