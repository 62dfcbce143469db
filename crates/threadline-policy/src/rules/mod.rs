//! One module per family of rules; each pushes raw hits for the engine.

use crate::config::Rule;

pub(crate) mod context;
pub(crate) mod form;
pub(crate) mod phrases;
pub(crate) mod spam;
pub(crate) mod words;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub rule: Rule,
    pub start: usize,
    pub end: usize,
    /// The number quoted in the message (a limit, seconds to wait).
    pub n: i64,
}

impl Hit {
    pub(crate) fn new(rule: Rule, start: usize, end: usize) -> Hit {
        Hit { rule, start, end, n: 0 }
    }
}
