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
use threadline_policy::{Outcome, Verdict};

/// Typing pauses shorter than this do not trigger a check.
const CHECK_DELAY: Duration = Duration::from_millis(120);
/// How often a draft held back by a wait is checked again.
const WAIT_TICK: Duration = Duration::from_secs(1);

#[derive(Clone, Copy)]
pub struct LiveCheck {
    pub verdict: RwSignal<Option<Verdict>>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// The form's own check (new comment or edit), set once it is defined.
    check: StoredValue<Option<Rc<dyn Fn()>>, LocalStorage>,
}

impl LiveCheck {
    pub fn new() -> LiveCheck {
        let live = LiveCheck {
            verdict: RwSignal::new(None),
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

    /// Takes what a check answered: the verdict (marks, list, Post), a wait
    /// for the module, or why there is no check, said in `note`.
    pub fn take(self, checked: &Checked, state: ThreadState, note: RwSignal<Option<String>>, wait: PolicyWait) {
        match checked {
            Checked::Done(v) => {
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
    }

    pub fn blocked(self) -> bool {
        self.verdict.with(|v| v.as_ref().is_some_and(|v| v.outcome == Outcome::Block))
    }
}
