//! Tells the site's moderators when something waits for them: a comment the
//! policy held, or a reader's report. One JSON POST to `--notify-url` (a
//! chat's incoming webhook, a mail relay, a script of the site's own), sent
//! beside the request, not in its way: a slow or failing receiver never
//! delays or fails a reader's post, and only the server log hears of it.

use crate::queries::ApiComment;
use serde_json::{json, Value};
use std::time::Duration;

pub struct Notifier {
    url: Option<String>,
    agent: ureq::Agent,
}

/// How long one notification may take before it is given up (and logged).
const TIMEOUT: Duration = Duration::from_secs(10);

impl Notifier {
    pub fn new(url: Option<String>) -> Notifier {
        let agent = ureq::Agent::config_builder().timeout_global(Some(TIMEOUT)).build().into();
        Notifier { url, agent }
    }

    /// `event` is `held` or `reported`; `text` a line a chat can show as it is.
    pub fn send(&self, event: &str, thread: &str, comment: &ApiComment, reports: Option<u32>) {
        let Some(url) = self.url.clone() else { return };
        let c = &comment.comment;
        let excerpt: String = c.body.chars().take(200).collect();
        let text = match reports {
            Some(n) => format!("Reported ({n}) in {thread}: {} wrote \"{excerpt}\"", c.author),
            None => format!("Awaiting moderation in {thread}: {} wrote \"{excerpt}\"", c.author),
        };
        let mut body = json!({ "event": event, "thread": thread, "comment": comment, "text": text });
        if let (Some(n), Some(o)) = (reports, body.as_object_mut()) {
            o.insert("reports".into(), Value::from(n));
        }
        let (agent, event) = (self.agent.clone(), event.to_owned());
        tokio::task::spawn_blocking(move || {
            let sent = agent.post(&url).header("content-type", "application/json").send(body.to_string());
            if let Err(e) = sent {
                eprintln!("threadline-server: the {event} notification to {url} failed: {e}");
            }
        });
    }
}
