use super::body::Body;
use super::draft_check::{draft_box, nudge_box, FindingsList};
use super::live_check::LiveCheck;
use super::policy_wait::PolicyWait;
use crate::backend::random_token;
use crate::i18n::{fill, Key};
use crate::policy_module::{self, Checked};
use crate::posting::HandedBack;
use crate::state::{warn, ThreadState};
use crate::storage;
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use threadline_core::model::DraftError;
use threadline_core::{BodyFormat, CommentId, NewComment};
use threadline_policy::Outcome;

const AUTHOR_KEY: &str = "threadline:author";

/// The form for a new top-level comment (`parent: None`) or an inline reply.
/// The draft is saved as it is typed and checked against the site's policy;
/// closing the form, a reload or a failed post never loses it, and the policy
/// never rewrites it.
#[component]
pub fn ReplyForm(state: ThreadState, parent: Option<CommentId>) -> impl IntoView {
    let slot = parent.as_ref().map_or_else(|| "top".to_owned(), |p| format!("reply:{p}"));
    let draft_key = storage::key(&format!("draft:{slot}"), &state.thread_id.get_value());
    let restore = |key: &str| storage::get(key).ok().flatten().unwrap_or_default();
    let author = RwSignal::new(restore(AUTHOR_KEY));
    let body = RwSignal::new(restore(&draft_key));
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let live = LiveCheck::new();
    let verdict = live.verdict;
    // Set when a nudge asked "are you sure?"; cleared by any edit.
    let confirming = RwSignal::new(false);
    // One key per draft: a retried post of the same draft is the same comment.
    let idempotency_key = StoredValue::new(random_token());
    let textarea = NodeRef::<html::Textarea>::new();
    let name_box = NodeRef::<html::Input>::new();
    // Set when the name is what a post was refused for: marked, and focused.
    let name_wrong = RwSignal::new(false);
    let preview = RwSignal::new(false);
    let is_reply = parent.is_some();
    // When the policy module arrives the draft is checked again, and a post
    // that waited for it goes on.
    let policy_wait = PolicyWait::new(state, note);

    // Also runs from timers and animation frames, possibly after the form
    // was removed: every read must tolerate that.
    let check_now = move || {
        let text = body.try_get_untracked()?;
        let author = author.try_get_untracked().unwrap_or_default();
        if text.trim().is_empty() || !state.alive() {
            live.clear();
            return None;
        }
        let checked = state.check_draft(&author, &text);
        live.take(&checked, &text, state, note, policy_wait);
        Some(checked)
    };
    live.checks_with(move || drop(check_now()));
    // A restored draft is checked at once, before the reader types again.
    if !body.get_untracked().is_empty() {
        request_animation_frame(move || drop(check_now()));
    }

    if is_reply {
        Effect::new(move |_| {
            let Some(el) = textarea.get() else { return };
            // Opened by the reader (focus on its comment's Reply): into the
            // box. A half-written reply reopened after a reload stays put.
            let row = el.closest("li").ok().flatten();
            if row.as_ref().is_some_and(crate::state::focus_within) {
                let _ = el.focus();
            }
        });
    }

    let save_draft = {
        let draft_key = draft_key.clone();
        move |text: &str| {
            let saved = if text.is_empty() { storage::remove(&draft_key) } else { storage::set(&draft_key, text) };
            note.set(saved.err().map(|e| {
                fill(state.t(Key::DraftNotSaved), &[("reason", &crate::i18n::storage_reason(state.lang, &e))])
            }));
        }
    };

    // Edit on an unsent comment, or a moderator turning one down, hands its
    // text back to the form it came from: added after anything already typed
    // there, and saved as a draft at once.
    {
        let parent = parent.clone();
        let save_draft = save_draft.clone();
        Effect::new(move |_| {
            let mine: Vec<HandedBack> =
                state.handed_back.with(|h| h.iter().filter(|b| b.slot == parent).cloned().collect());
            if mine.is_empty() {
                return;
            }
            state.handed_back.update(|h| h.retain(|b| b.slot != parent));
            if let Some(key) = mine.iter().find_map(|b| b.key.clone()) {
                idempotency_key.set_value(key);
            }
            let mine: Vec<String> = mine.into_iter().map(|b| b.text).collect();
            let current = body.get_untracked();
            let texts = mine.join("\n\n");
            let merged = if current.trim().is_empty() { texts } else { format!("{current}\n\n{texts}") };
            save_draft(&merged);
            body.set(merged);
            check_now();
            if let Some(el) = textarea.get() {
                let _ = el.focus();
            }
        });
    }

    let close = {
        let parent = parent.clone();
        move || {
            if let Some(p) = &parent {
                // Back to Reply from inside the form (its Post or Cancel); a
                // reader who went on to type elsewhere keeps their place.
                let form = textarea.get_untracked().and_then(|t| t.closest("form").ok().flatten());
                let return_focus = form.as_ref().is_none_or(crate::state::holds_focus);
                state.set_form_open(p, false);
                if return_focus {
                    state.focus_reply_button(p);
                }
            }
        }
    };

    let blocked = move || live.blocked();

    // `confirm`: the reader chose "Post anyway" on a nudge.
    let submit = {
        let parent = parent.clone();
        let draft_key = draft_key.clone();
        let close = close.clone();
        move |confirm: bool| {
            let draft = NewComment {
                parent: parent.clone(),
                author: author.get_untracked(),
                body: body.get_untracked(),
                idempotency_key: idempotency_key.get_value(),
                confirm,
            };
            let draft = match draft.validated() {
                Ok(d) => d,
                Err(e) => {
                    error.set(Some(crate::i18n::draft_error_text(state.lang, &e)));
                    let about_name = matches!(
                        e,
                        DraftError::EmptyAuthor | DraftError::AuthorTooLong { .. } | DraftError::ControlInAuthor { .. }
                    );
                    name_wrong.set(about_name);
                    if let Some(el) = name_box.get_untracked().filter(|_| about_name) {
                        let _ = el.focus();
                    }
                    return;
                }
            };
            name_wrong.set(false);
            // Never trust a check the reader typed past: check what is sent.
            match check_now() {
                Some(Checked::Done(v)) if v.outcome == Outcome::Block => {
                    error.set(Some(state.t(Key::BlockedSubmit).into()));
                    return;
                }
                Some(Checked::Done(v)) if v.outcome == Outcome::Nudge && !confirm => {
                    error.set(None);
                    confirming.set(true);
                    return;
                }
                Some(Checked::Loading) => return policy_wait.hold(confirm),
                // Unavailable: the form says so, and the site checks it on arrival.
                _ => {}
            }
            if let Err(e) = storage::set(AUTHOR_KEY, &draft.author) {
                warn(&format!("name not remembered: {e}"));
            }
            error.set(None);
            confirming.set(false);
            // The outbox has it now (shown as "sending…"), so the form is free.
            state.submit(draft);
            state.note_posted();
            body.set(String::new());
            verdict.set(None);
            let _ = storage::remove(&draft_key);
            idempotency_key.set_value(random_token());
            close();
        }
    };

    {
        let submit = submit.clone();
        policy_wait.on_arrival(move |held| {
            check_now();
            if let Some(confirm) = held {
                submit(confirm);
            }
        });
    }

    let on_submit = {
        let submit = submit.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            submit(false);
        }
    };
    let on_keydown = {
        let close = close.clone();
        let submit = submit.clone();
        move |ev: KeyboardEvent| {
            if ev.key() == "Escape" && is_reply {
                ev.prevent_default();
                close();
            } else if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                ev.prevent_default();
                submit(false);
            }
        }
    };

    let ids = format!("tl-form-{}", slot.replace(':', "-"));
    let name_id = format!("{ids}-name");
    let body_id = format!("{ids}-body");
    let error_id = format!("{ids}-error");
    let findings_id = format!("{ids}-findings");
    let cancel = is_reply.then(|| {
        let close = close.clone();
        view! { <button type="button" class="tl-cancel" on:click=move |_| close()>{state.t(Key::Cancel)}</button> }
    });
    let confirm_box = {
        let submit = submit.clone();
        nudge_box(state, confirming, textarea, move || submit(true))
    };

    view! {
        <form class="tl-form" class:tl-form-reply=is_reply on:submit=on_submit on:keydown=on_keydown
            on:focusin=move |_| policy_module::load()
            aria-label=state.t(if is_reply { Key::Reply } else { Key::WriteComment })>
            <label for=name_id.clone() class="tl-label">{state.t(Key::Name)}</label>
            <input id=name_id class="tl-name" type="text" autocomplete="nickname" dir="auto" node_ref=name_box
                aria-invalid=move || name_wrong.get().to_string() aria-describedby=error_id.clone()
                prop:value=author
                on:input=move |ev| {
                    // Kept as typed, like the draft: a reload brings both back.
                    let name = event_target_value(&ev);
                    name_wrong.set(false);
                    let _ = storage::set(AUTHOR_KEY, &name);
                    author.set(name);
                    live.soon();
                } />
            <label for=body_id.clone() class="tl-label">{state.t(if is_reply { Key::YourReply } else { Key::YourComment })}</label>
            {draft_box(body_id, format!("{error_id} {findings_id}"), body, live, textarea, Box::new(move |text| {
                save_draft(&text);
                body.set(text);
                confirming.set(false);
                policy_wait.take_back();
            }))}
            <FindingsList text=body.into() verdict=verdict.into() id=findings_id lang=state.lang />
            // What the comment will look like (markdown), updated as it is typed.
            {preview_box(state, preview, body)}
            <p id=error_id class="tl-form-error" role="alert">{error}</p>
            <p class="tl-form-note" role="status">{note}</p>
            {confirm_box}
            <div class="tl-form-actions">
                <button type="submit" class="tl-post" disabled=blocked>
                    {state.t(if is_reply { Key::PostReply } else { Key::PostComment })}
                </button>
                {cancel}
                {preview_toggle(state, preview)}
                <span class="tl-hint">{state.t(if is_reply { Key::HintPostOrClose } else { Key::HintPost })}</span>
            </div>
        </form>
    }
}

/// What the comment will look like (markdown), updated as it is typed; shared
/// by both forms so its reactive code ships once.
pub(super) fn preview_box(state: ThreadState, shown: RwSignal<bool>, body: RwSignal<String>) -> impl IntoView {
    view! {
        <Show when=move || shown.get()>
            <div class="tl-preview" aria-label=state.t(Key::Preview)>
                {move || view! { <Body text=body.get() format=BodyFormat::Markdown /> }}
            </div>
        </Show>
    }
}

pub(super) fn preview_toggle(state: ThreadState, shown: RwSignal<bool>) -> impl IntoView {
    view! {
        <button type="button" class="tl-preview-toggle" aria-pressed=move || shown.get().to_string()
            on:click=move |_| shown.update(|p| *p = !*p)>{state.t(Key::Preview)}</button>
    }
}
