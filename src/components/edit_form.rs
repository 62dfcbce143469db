use super::draft_check::{draft_box, nudge_box, FindingsList};
use super::live_check::LiveCheck;
use super::policy_wait::PolicyWait;
use super::reply_form::{preview_box, preview_toggle};
use crate::i18n::{fill, Key};
use crate::policy_module::{self, Checked};
use crate::state::ThreadState;
use crate::storage;
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;
use threadline_core::{CommentId, Edit};
use threadline_policy::Outcome;

/// Editing one's own comment in place. The same policy applies as to a new
/// comment, checked as it is typed (marked in place, listed, Save off while
/// blocked; a nudge asks once); the backend may still
/// refuse (edit window closed) and then says why, with the text kept, also
/// in storage: an edit not saved yet comes back when the form opens again,
/// after a reload too, until it is saved or cancelled.
#[component]
pub fn EditForm(state: ThreadState, id: CommentId, author: String, text: String) -> impl IntoView {
    let draft_key = storage::key(&format!("edit:{id}"), &state.thread_id.get_value());
    let kept = storage::get(&draft_key).ok().flatten().filter(|t| !t.trim().is_empty());
    let body = RwSignal::new(kept.unwrap_or_else(|| text.clone()));
    let error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let preview = RwSignal::new(false);
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let note = RwSignal::new(None::<String>);
    let policy_wait = PolicyWait::new(state, note);
    let live = LiveCheck::new();
    policy_module::load();
    let check_now = {
        let (id, author) = (id.clone(), author.clone());
        move || {
            let text = body.try_get_untracked()?;
            if text.trim().is_empty() || !state.alive() {
                live.clear();
                return None;
            }
            let checked = state.check_edit(&author, &text, &id);
            live.take(&checked, &text, state, note, policy_wait);
            Some(checked)
        }
    };
    {
        let check_now = check_now.clone();
        live.checks_with(move || drop(check_now()));
    }
    // The comment as it stands (or a kept edit) is checked at once.
    request_animation_frame(move || live.soon());
    Effect::new(move |_| {
        if let Some(el) = textarea.get() {
            let _ = el.focus();
        }
    });
    let keep = {
        let draft_key = draft_key.clone();
        move |now: &str| {
            let kept = if now == text { storage::remove(&draft_key) } else { storage::set(&draft_key, now) };
            note.set(kept.err().map(|e| {
                fill(state.t(Key::DraftNotSaved), &[("reason", &crate::i18n::storage_reason(state.lang, &e))])
            }));
        }
    };
    let cancel = {
        let id = id.clone();
        let draft_key = draft_key.clone();
        move || {
            let _ = storage::remove(&draft_key);
            state.set_editing(&id, false)
        }
    };
    let save = {
        let id = id.clone();
        let author = author.clone();
        move |confirm: bool| {
            if saving.get_untracked() {
                return;
            }
            // Only the text: an edit keeps the name it was posted under.
            let text = match threadline_core::model::clean_body(&body.get_untracked()) {
                Ok(text) => text,
                Err(e) => return error.set(Some(crate::i18n::draft_error_text(state.lang, &e))),
            };
            // Never trust a check the reader typed past: check what is saved.
            let Some(checked) = check_now() else { return };
            match checked {
                Checked::Done(v) if v.outcome == Outcome::Block => {
                    return error.set(Some(state.t(Key::BlockedSubmit).into()))
                }
                Checked::Done(v) if v.outcome == Outcome::Nudge && !confirm => return confirming.set(true),
                Checked::Done(_) => {}
                Checked::Loading => return policy_wait.hold(confirm),
                // The site checks it on arrival.
                Checked::Unavailable(reason) => {
                    note.set(Some(fill(state.t(Key::PolicyUnavailable), &[("reason", &reason)])))
                }
            }
            confirming.set(false);
            saving.set(true);
            error.set(None);
            let edit = Edit { author: author.clone(), body: text, confirm };
            let draft_key = draft_key.clone();
            state.save_edit(id.clone(), edit, move |result| {
                saving.try_set(false);
                if result.is_ok() {
                    let _ = storage::remove(&draft_key);
                }
                if let Err((e, nudged)) = result {
                    error.try_set(Some(e));
                    // The site's policy asks what our own check could not (it was unavailable).
                    confirming.try_set(nudged);
                }
            });
        }
    };
    {
        let save = save.clone();
        policy_wait.on_arrival(move |held| {
            live.soon();
            if let Some(confirm) = held {
                save(confirm);
            }
        });
    }
    let on_submit = {
        let save = save.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            save(false);
        }
    };
    let on_keydown = {
        let (save, id) = (save.clone(), id.clone());
        move |ev: KeyboardEvent| {
            if ev.key() == "Escape" {
                // Closed, the change kept for the next Edit (as a reply's
                // draft is): a stray Esc must not lose it. Cancel drops it.
                ev.prevent_default();
                state.set_editing(&id, false);
            } else if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                ev.prevent_default();
                save(false);
            }
        }
    };
    let body_id = format!("tl-edit-{id}");
    let findings_id = format!("tl-edit-{id}-findings");
    let confirm_box = {
        let save = save.clone();
        nudge_box(state, confirming, textarea, move || save(true))
    };
    view! {
        <form class="tl-form tl-form-edit" on:submit=on_submit on:keydown=on_keydown aria-label=state.t(Key::Edit)>
            <label for=body_id.clone() class="tl-label">{state.t(Key::YourComment)}</label>
            {draft_box(body_id, findings_id.clone(), body, live, textarea, Box::new(move |now| {
                keep(&now);
                body.set(now);
                confirming.set(false);
                policy_wait.take_back();
            }))}
            <FindingsList text=body.into() verdict=live.verdict.into() id=findings_id lang=state.lang />
            {preview_box(state, preview, body)}
            <p class="tl-form-error" role="alert">{error}</p>
            <p class="tl-form-note" role="status">{note}</p>
            {confirm_box}
            <div class="tl-form-actions">
                // Not `disabled` while saving: the button keeps focus, and so
                // Esc, or Edit again once the form closes.
                <button type="submit" class="tl-save" disabled=move || live.blocked()
                    aria-disabled=move || saving.get().to_string()>
                    {state.t(Key::Save)}
                </button>
                <button type="button" class="tl-cancel" on:click=move |_| cancel()>{state.t(Key::Cancel)}</button>
                {preview_toggle(state, preview)}
            </div>
        </form>
    }
}
