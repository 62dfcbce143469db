use crate::backend::random_token;
use crate::state::{warn, ThreadState};
use crate::storage;
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use threadline_core::{CommentId, NewComment};

const AUTHOR_KEY: &str = "threadline:author";

/// The form for a new top-level comment (`parent: None`) or an inline reply.
/// The draft is saved as it is typed, so closing the form, a reload or a
/// failed post never loses it.
#[component]
pub fn ReplyForm(state: ThreadState, parent: Option<CommentId>) -> impl IntoView {
    let slot = parent.as_ref().map_or_else(|| "top".to_owned(), |p| format!("reply:{p}"));
    let draft_key = storage::key(&format!("draft:{slot}"), &state.thread_id.get_value());
    let restore = |key: &str| storage::get(key).ok().flatten().unwrap_or_default();
    let author = RwSignal::new(restore(AUTHOR_KEY));
    let body = RwSignal::new(restore(&draft_key));
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    // One key per draft: a retried post of the same draft is the same comment.
    let idempotency_key = StoredValue::new(random_token());
    let textarea = NodeRef::<html::Textarea>::new();
    let is_reply = parent.is_some();

    if is_reply {
        Effect::new(move |_| {
            if let Some(el) = textarea.get() {
                let _ = el.focus();
            }
        });
    }

    // Edit on an unsent comment hands its text back to the form it came from.
    {
        let parent = parent.clone();
        Effect::new(move |_| {
            let Some((slot, text)) = state.handed_back.get() else { return };
            if slot == parent {
                state.handed_back.set(None);
                body.set(text);
                if let Some(el) = textarea.get() {
                    let _ = el.focus();
                }
            }
        });
    }

    let save_draft = {
        let draft_key = draft_key.clone();
        move |text: &str| {
            let saved = if text.is_empty() { storage::remove(&draft_key) } else { storage::set(&draft_key, text) };
            note.set(saved.err().map(|e| format!("Draft not saved in this browser: {e}")));
        }
    };

    let close = {
        let parent = parent.clone();
        move || {
            if let Some(p) = &parent {
                state.set_form_open(p, false);
                focus_by_id(&format!("tl-reply-{p}"));
            }
        }
    };

    let submit = {
        let parent = parent.clone();
        let draft_key = draft_key.clone();
        let close = close.clone();
        move || {
            let draft = NewComment {
                parent: parent.clone(),
                author: author.get_untracked(),
                body: body.get_untracked(),
                idempotency_key: idempotency_key.get_value(),
            };
            let draft = match draft.validated() {
                Ok(d) => d,
                Err(e) => {
                    error.set(Some(e.to_string()));
                    return;
                }
            };
            if let Err(e) = storage::set(AUTHOR_KEY, &draft.author) {
                warn(&format!("name not remembered: {e}"));
            }
            error.set(None);
            // The outbox has it now (shown as "sending…"), so the form is free.
            state.submit(draft);
            body.set(String::new());
            let _ = storage::remove(&draft_key);
            idempotency_key.set_value(random_token());
            close();
        }
    };

    let on_submit = {
        let submit = submit.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            submit();
        }
    };
    let on_keydown = {
        let close = close.clone();
        move |ev: KeyboardEvent| {
            if ev.key() == "Escape" && is_reply {
                ev.prevent_default();
                close();
            } else if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                ev.prevent_default();
                submit();
            }
        }
    };

    let ids = format!("tl-form-{}", slot.replace(':', "-"));
    let name_id = format!("{ids}-name");
    let body_id = format!("{ids}-body");
    let error_id = format!("{ids}-error");
    let cancel = is_reply.then(|| {
        let close = close.clone();
        view! { <button type="button" class="tl-cancel" on:click=move |_| close()>"Cancel"</button> }
    });

    view! {
        <form class="tl-form" class:tl-form-reply=is_reply on:submit=on_submit on:keydown=on_keydown
            aria-label=if is_reply { "Reply" } else { "Write a comment" }>
            <label for=name_id.clone() class="tl-label">"Name"</label>
            <input id=name_id class="tl-name" type="text" autocomplete="nickname" maxlength="80"
                prop:value=move || author.get() on:input=move |ev| author.set(event_target_value(&ev)) />
            <label for=body_id.clone() class="tl-label">{if is_reply { "Your reply" } else { "Your comment" }}</label>
            <textarea id=body_id class="tl-text" rows="4" node_ref=textarea aria-describedby=error_id.clone()
                prop:value=move || body.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    save_draft(&text);
                    body.set(text);
                }
            ></textarea>
            <p id=error_id class="tl-form-error" role="alert">{move || error.get()}</p>
            <p class="tl-form-note">{move || note.get()}</p>
            <div class="tl-form-actions">
                <button type="submit" class="tl-post">
                    {if is_reply { "Post reply" } else { "Post comment" }}
                </button>
                {cancel}
                <span class="tl-hint">"Ctrl+Enter posts" {is_reply.then_some(", Esc closes")}</span>
            </div>
        </form>
    }
}

fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}
