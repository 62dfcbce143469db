//! What a form does while the policy module is still on its way: a post (or
//! a save) made then is held, shown as "Checking…", and goes on when the
//! module arrives or fails to, unless the reader typed on. The reply and
//! edit forms share this; `policy_module` itself knows nothing of forms.

use crate::i18n::Key;
use crate::policy_module;
use crate::state::ThreadState;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct PolicyWait {
    /// Bumped once, when the module arrives or fails to.
    arrived: RwSignal<u32>,
    /// Whether this form asked to be told (the module arrives once a page).
    asked: StoredValue<bool>,
    /// The held post's "post anyway" choice.
    held: StoredValue<Option<bool>>,
    note: RwSignal<Option<String>>,
    state: ThreadState,
}

impl PolicyWait {
    /// `note` is the form's status line, where "Checking…" is shown.
    pub fn new(state: ThreadState, note: RwSignal<Option<String>>) -> Self {
        PolicyWait {
            arrived: RwSignal::new(0),
            asked: StoredValue::new(false),
            held: StoredValue::new(None),
            note,
            state,
        }
    }

    /// Asks to hear of the module's arrival, once per download (a failed
    /// one is tried again, `policy_module::load`).
    pub fn watch(self) {
        if self.asked.get_value() {
            return;
        }
        self.asked.set_value(true);
        let (arrived, asked) = (self.arrived, self.asked);
        policy_module::when_loaded(move || {
            asked.try_set_value(false);
            arrived.try_update(|n| *n += 1);
        });
    }

    /// Holds a post until the module is there, saying so.
    pub fn hold(self, confirm: bool) {
        self.held.set_value(Some(confirm));
        self.note.set(Some(self.state.t(Key::PolicyLoading).into()));
        self.watch();
    }

    /// Typing on takes a held post back: what is sent is what the reader last chose to send.
    pub fn take_back(self) {
        self.held.set_value(None);
    }

    /// On arrival: "Checking…" goes, then `then` runs with the post still
    /// held, if any (`None`: nothing to resume, just check again).
    pub fn on_arrival(self, then: impl Fn(Option<bool>) + 'static) {
        Effect::new(move |_| {
            if self.arrived.get() == 0 {
                return;
            }
            if self.note.get_untracked().as_deref() == Some(self.state.t(Key::PolicyLoading)) {
                self.note.set(None);
            }
            then(self.held.try_update_value(Option::take).flatten());
        });
    }
}
