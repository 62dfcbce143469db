//! A deadline for a request the widget waits on: a server that stalls must
//! not leave a post "sending", or a check "on its way", for ever. Made before
//! the request and dropped after its answer is read, body included; when it
//! passes first, the request is aborted and fails like any other.

use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use std::time::Duration;
use web_sys::{AbortController, AbortSignal};

pub struct Deadline {
    controller: Option<AbortController>,
    timer: Option<TimeoutHandle>,
}

impl Deadline {
    pub fn new(after: Duration) -> Deadline {
        let controller = AbortController::new().ok();
        let timer = controller.clone().and_then(|c| set_timeout_with_handle(move || c.abort(), after).ok());
        Deadline { controller, timer }
    }

    /// For the request's `abort_signal`.
    pub fn signal(&self) -> Option<AbortSignal> {
        self.controller.as_ref().map(AbortController::signal)
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(t) = self.timer.take() {
            t.clear();
        }
    }
}
