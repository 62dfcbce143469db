//! What the policy found in a draft, shown two ways: marked in place behind
//! the text box (a mirror of the draft, text nodes only) and listed with the
//! reason under it, announced to screen readers.

use crate::checking::localized;
use crate::i18n::{fill, Key, Lang};
use crate::state::ThreadState;
use leptos::either::Either;
use leptos::prelude::*;
use threadline_i18n::t;
use threadline_policy::highlight::segments;
use threadline_policy::{Action, Outcome, Verdict};

/// How a finding is headed ("Cannot be posted:"), and its `data-action`.
pub(super) fn kind(a: Action) -> (Key, &'static str) {
    match a {
        Action::Block => (Key::FindingBlock, "block"),
        Action::Nudge => (Key::FindingNudge, "nudge"),
        Action::Hold => (Key::FindingHold, "hold"),
    }
}

fn action_class(a: Action) -> &'static str {
    match a {
        Action::Block => "tl-mark tl-mark-block",
        Action::Nudge => "tl-mark tl-mark-nudge",
        Action::Hold => "tl-mark tl-mark-hold",
    }
}

/// The draft's text with flagged pieces in `<mark>`; sits exactly behind the
/// transparent textarea so the marks appear under the words.
#[component]
pub fn DraftMirror(
    text: Signal<String>,
    verdict: Signal<Option<Verdict>>,
    node: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let pieces = move || {
        let text = text.get();
        let findings = verdict.with(|v| v.as_ref().map(|v| v.findings.clone()).unwrap_or_default());
        // Most drafts (and every empty form on a page's first screen) have no
        // findings: the text as it is, without the marking code, which would
        // otherwise be compiled for every page before its first comment.
        if findings.is_empty() {
            return Either::Left(text);
        }
        Either::Right(marked(&text, &findings))
    };
    // The trailing space keeps the mirror's last line as tall as the textarea's.
    // In the text's own direction, as the box over it (`dir="auto"` on both).
    view! { <div class="tl-mirror" aria-hidden="true" dir="auto" node_ref=node>{pieces}" "</div> }
}

#[inline(never)]
fn marked(text: &str, findings: &[threadline_policy::Finding]) -> impl IntoView {
    segments(text, findings)
        .into_iter()
        .map(|s| {
            let piece = text[s.start..s.end].to_owned();
            match s.action {
                Some(a) => view! { <mark class=action_class(a)>{piece}</mark> }.into_any(),
                None => piece.into_any(),
            }
        })
        .collect_view()
}

/// The findings as sentences, strongest first.
#[component]
pub fn FindingsList(text: Signal<String>, verdict: Signal<Option<Verdict>>, id: String, lang: Lang) -> impl IntoView {
    let items = move || {
        let text = text.get();
        verdict.with(|v| {
            let Some(v) = v else { return Vec::new() };
            // The engine gives them by position; strongest first keeps that
            // within each kind (and ships no sort for a handful of items).
            [Action::Block, Action::Nudge, Action::Hold]
                .into_iter()
                .flat_map(|a| v.findings.iter().filter(move |f| f.action == a))
                .map(|f| {
                    let message = localized(&f.message, lang).to_owned();
                    // Quote the flagged words unless the message already does.
                    let quoted = text
                        .get(f.start..f.end)
                        .filter(|q| q.len() < text.len() && q.len() <= 60 && !q.is_empty() && !message.contains(*q))
                        .map(|q| format!("{} — ", fill(t(lang, Key::Quote), &[("text", q)])));
                    let (kind, action) = kind(f.action);
                    let kind = t(lang, kind);
                    view! {
                        <li class=format!("tl-finding tl-finding-{}", f.rule) data-action=action>
                            <strong>{kind}</strong> " "
                            {quoted}
                            {message}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let summary = move || {
        verdict.with(|v| match v.as_ref().map(|v| v.outcome) {
            Some(Outcome::Hold) => Some(t(lang, Key::HoldNotice)),
            _ => None,
        })
    };
    view! {
        <div class="tl-findings" id=id>
            <ul>{items}</ul>
            <p class="tl-hold-note">{summary}</p>
        </div>
    }
}

/// The text box over its mirror, for both forms: `on_text` gets what was
/// typed (to keep and show it), then the draft is checked after a pause.
/// `described_by`: the ids of the form's error and findings.
pub fn draft_box(
    id: String,
    described_by: String,
    body: RwSignal<String>,
    live: super::live_check::LiveCheck,
    textarea: NodeRef<leptos::html::Textarea>,
    on_text: Box<dyn Fn(String)>,
) -> impl IntoView {
    let mirror = NodeRef::<leptos::html::Div>::new();
    view! {
        <div class="tl-draft">
            <DraftMirror text=body.into() verdict=live.verdict.into() node=mirror />
            <p class="tl-sr" aria-live="polite">{live.said}</p>
            <textarea id=id class="tl-text" rows="4" node_ref=textarea dir="auto"
                aria-describedby=described_by
                aria-invalid=move || live.blocked().to_string()
                prop:value=body
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    live.typed(&text);
                    on_text(text);
                }
                on:scroll=move |_| {
                    if let (Some(t), Some(m)) = (textarea.get(), mirror.get()) {
                        m.set_scroll_top(t.scroll_top());
                    }
                }
            ></textarea>
        </div>
    }
}

/// "Are you sure?" while a nudge stands, in both forms: Edit goes back to
/// the text, Post anyway (`anyway`) sends it as it is. It takes focus when
/// it opens (on Edit, which changes nothing); when it closes with focus on
/// a button that went with it, focus goes back to the text box, if the form
/// is still there.
pub fn nudge_box(
    state: ThreadState,
    confirming: RwSignal<bool>,
    textarea: NodeRef<leptos::html::Textarea>,
    anyway: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    Effect::new(move |_| {
        if confirming.get() {
            request_animation_frame(move || {
                let form = textarea.get_untracked().and_then(|t| t.closest("form").ok().flatten());
                crate::state::focus(form.and_then(|f| f.query_selector(".tl-edit-anyway").ok().flatten()));
            });
        }
    });
    let back_to_text = move || {
        request_animation_frame(move || {
            let Some(t) = textarea.get_untracked().filter(|t| t.is_connected()) else { return };
            if t.closest("form").ok().flatten().is_some_and(|f| crate::state::holds_focus(&f)) {
                let _ = t.focus();
            }
        })
    };
    move || {
        let anyway = anyway.clone();
        confirming.get().then(|| {
            view! {
                <div class="tl-confirm" role="alertdialog" aria-label=state.t(Key::NudgeTitle)>
                    <p>{state.t(Key::NudgeQuestion)}</p>
                    <button type="button" class="tl-edit-anyway" on:click=move |_| {
                        confirming.set(false);
                        back_to_text();
                    }>{state.t(Key::Edit)}</button>
                    <button type="button" class="tl-post-anyway" on:click=move |_| {
                        anyway();
                        back_to_text();
                    }>{state.t(Key::PostAnyway)}</button>
                </div>
            }
        })
    }
}
