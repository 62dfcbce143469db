//! Which pages make a big thread's first screen, for a backend that pages by
//! top-level thread: the screen's threads first (cut to what it shows, where
//! the description can ask for that, or capped by comments), then the rest.
//! When the screen's pages left replies out, the rest starts again from the
//! first thread, whole, so every comment arrives and the counts the first
//! pages gave for what they left out can go.

use crate::answers::{first_page_url, first_screen_rest_url, list_url, previews, unlisted};
use crate::description::BackendDescription;
use serde_json::Value;
use std::cell::Cell;
use threadline_core::{FirstScreen, Listed};

#[derive(Default)]
pub struct ScreenPages {
    /// Set while pages of the first screen are being asked for.
    screen: Cell<Option<FirstScreen>>,
    /// Some page of the screen left replies out.
    cut: Cell<bool>,
}

/// Where a page is asked for, and whether it is one of the first screen's.
pub struct PageUrl {
    pub url: Result<String, String>,
    pub of_screen: bool,
}

impl ScreenPages {
    pub fn first(&self, d: &BackendDescription, thread: &str, screen: FirstScreen) -> Option<PageUrl> {
        let url = first_page_url(d, thread, screen)?;
        self.screen.set(Some(screen));
        self.cut.set(false);
        Some(PageUrl { url, of_screen: true })
    }

    pub fn rest(&self, d: &BackendDescription, thread: &str, from: &str) -> PageUrl {
        match self.screen.get().and_then(|s| first_screen_rest_url(d, thread, from, s)) {
            Some(url) => PageUrl { url, of_screen: true },
            None => PageUrl { url: list_url(d, thread, Some(from), None), of_screen: false },
        }
    }

    /// Fills in what a page of the screen says it left out, and, after the
    /// screen's last page, where the rest starts.
    pub fn finish(&self, d: &BackendDescription, thread: &str, json: &Value, listed: &mut Listed) {
        let Some(screen) = self.screen.get() else { return };
        listed.first_screen = previews(d) && screen.cuts();
        if listed.first_screen {
            match unlisted(d, json) {
                Some(counts) => {
                    self.cut.set(self.cut.get() || !counts.is_empty());
                    listed.unlisted = counts;
                }
                // No counts where the description says: replies may have been
                // left out all the same, so the threads are asked for whole.
                None => self.cut.set(true),
            }
        }
        let more = listed.next.as_deref().and_then(|n| first_screen_rest_url(d, thread, n, screen));
        if more.is_none() {
            self.screen.set(None);
            if self.cut.get() {
                listed.next = Some("0".to_owned());
            }
        }
    }
}
