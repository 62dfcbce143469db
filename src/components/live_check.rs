//! A draft checked against the policy as it is typed, shared by the reply
//! and edit forms: after a pause in typing, again when the module arrives,
//! and every second while a wait (the cooldown) counts down, so the count
//! stays true and Post comes back by itself when the wait is over.

use super::policy_wait::PolicyWait;
use crate::i18n::{fill, Key};
use crate::policy_module::Checked;
use crate::state::ThreadState;
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;
use threadline_policy::{Finding, Outcome, Rule, Verdict};

/// Typing pauses shorter than this do not trigger a check.
const CHECK_DELAY: Duration = Duration::from_millis(120);
/// How often a draft held back by a wait is checked again.
const WAIT_TICK: Duration = Duration::from_secs(1);

#[derive(Clone, Copy)]
pub struct LiveCheck {
    pub verdict: RwSignal<Option<Verdict>>,
    /// The text the verdict is about: its offsets point into this.
    checked: StoredValue<String>,
    /// What screen readers are told of the findings: said again only when
    /// what was found changes (`shape`), not at each second of a wait's
    /// countdown or each keystroke that leaves the findings where they were.
    pub said: RwSignal<String>,
    shape: StoredValue<String>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// The form's own check (new comment or edit), set once it is defined.
    check: StoredValue<Option<Rc<dyn Fn()>>, LocalStorage>,
}

impl LiveCheck {
    pub fn new() -> LiveCheck {
        let live = LiveCheck {
            verdict: RwSignal::new(None),
            checked: StoredValue::new(String::new()),
            said: RwSignal::new(String::new()),
            shape: StoredValue::new(String::new()),
            timer: StoredValue::new_local(None),
            check: StoredValue::new_local(None),
        };
        on_cleanup(move || live.cancel());
        live
    }

    /// What `soon` and the wait's ticks run.
    pub fn checks_with(self, check: impl Fn() + 'static) {
        self.check.set_value(Some(Rc::new(check)));
    }

    /// Also runs from timers, possibly after the form was removed.
    fn run(self) {
        if let Some(check) = self.check.try_get_value().flatten() {
            check();
        }
    }

    fn cancel(self) {
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }

    /// Checks after `delay`, instead of a check already waiting.
    fn after(self, delay: Duration) {
        self.cancel();
        match set_timeout_with_handle(move || self.run(), delay) {
            Ok(h) => drop(self.timer.try_set_value(Some(h))),
            Err(_) => self.run(),
        }
    }

    /// After a pause in typing.
    pub fn soon(self) {
        self.after(CHECK_DELAY);
    }

    /// The reader changed the text to `now`: what the last check found in
    /// words that are no longer where they were is dropped at once, so a
    /// draft pasted over a flagged one is never quoted or marked as the old
    /// offence while its own check is on its way. Whole-draft findings (too
    /// short, a wait) stay until then.
    pub fn typed(self, now: &str) {
        let stale = |f: &Finding| {
            let whole = Rule::from_id(&f.rule).is_some_and(Rule::about_whole_draft);
            !whole && self.checked.with_value(|was| was.get(f.start..f.end) != now.get(f.start..f.end))
        };
        if self.verdict.with_untracked(|v| v.as_ref().is_some_and(|v| v.findings.iter().any(stale))) {
            self.verdict.update(|v| {
                if let Some(v) = v {
                    v.findings.retain(|f| !stale(f));
                    v.outcome = v.findings.iter().map(|f| Outcome::from(f.action)).max().unwrap_or(Outcome::Allow);
                }
            });
        }
        self.soon();
    }

    /// Takes what a check answered: the verdict (marks, list, Post), a wait
    /// for the module, or why there is no check, said in `note`.
    pub fn take(
        self,
        checked: &Checked,
        text: &str,
        state: ThreadState,
        note: RwSignal<Option<String>>,
        wait: PolicyWait,
    ) {
        match checked {
            Checked::Done(v) => {
                // Checked after all (the module came on a later try): the
                // line saying it could not be loaded goes.
                let unavailable = state.t(Key::PolicyUnavailable).split("{reason}").next().unwrap_or_default();
                if note.with_untracked(|n| n.as_deref().is_some_and(|n| n.starts_with(unavailable))) {
                    note.try_set(None);
                }
                self.checked.set_value(text.to_owned());
                self.tell(v, state);
                if v.findings.iter().any(|f| f.rule == "cooldown") {
                    self.after(WAIT_TICK);
                }
                self.verdict.try_set(Some(v.clone()));
            }
            Checked::Loading => wait.watch(),
            Checked::Unavailable(reason) => {
                self.verdict.try_set(None);
                note.try_set(Some(fill(state.t(Key::PolicyUnavailable), &[("reason", reason)])));
            }
        }
    }

    pub fn clear(self) {
        self.verdict.try_set(None);
        self.shape.try_set_value(String::new());
        self.said.try_set(String::new());
    }

    fn tell(self, v: &Verdict, state: ThreadState) {
        let mut shape = String::new();
        for f in &v.findings {
            shape.push_str(&f.rule);
            if !Rule::from_id(&f.rule).is_some_and(Rule::about_whole_draft) {
                shape.push_str(&f.start.to_string());
            }
            shape.push(' ');
        }
        if self.shape.with_value(|s| *s == shape) {
            return;
        }
        // The words only when they are to be said: most checks find the same.
        let mut words = String::new();
        for f in &v.findings {
            words.push_str(state.t(super::draft_check::kind(f.action).0));
            words.push(' ');
            words.push_str(crate::checking::localized(&f.message, state.lang));
            words.push(' ');
        }
        self.shape.set_value(shape);
        self.said.try_set(words);
    }

    pub fn blocked(self) -> bool {
        self.verdict.with(|v| v.as_ref().is_some_and(|v| v.outcome == Outcome::Block))
    }
}
