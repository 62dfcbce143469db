//! How the widget talks to the policy engine in its own wasm module
//! (`crates/threadline-policy-wasm`): a request and a verdict as bytes, in
//! one small framing both sides share; so does a site's policy, as the
//! reference server serves it for the widget (`GET /api/policy/wire`). Not JSON: serde_json would put a
//! second copy of itself (and of float formatting) in the module, 40 KB of
//! its 90. Integers little-endian; a string is its byte length (u32) and
//! its UTF-8; a list is its length (u32) and its items.

use crate::{Action, Finding, Limits, Messages, Outcome, Policy, RuleSetting, Rules, Verdict, ALL_RULES};

/// One draft to check, with what the engine needs to know about the thread.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckRequest {
    pub text: String,
    pub author: String,
    pub now_ms: Option<i64>,
    pub last_post_ms: Option<i64>,
    pub recent_own: Vec<String>,
    /// The thread's commenters. Folding hundreds of names costs more than a
    /// check, so they are sent only when they changed: `None` means "the
    /// same as last time".
    pub participants: Option<Vec<String>>,
}

/// What could not be read: the two sides are built together, so this means
/// a module from another build, or a bug.
#[derive(Debug, PartialEq, Eq)]
pub struct WireError(pub &'static str);

impl CheckRequest {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len() + 64);
        put_str(&mut out, &self.text);
        put_str(&mut out, &self.author);
        put_opt_i64(&mut out, self.now_ms);
        put_opt_i64(&mut out, self.last_post_ms);
        put_list(&mut out, &self.recent_own);
        match &self.participants {
            Some(names) => {
                out.push(1);
                put_list(&mut out, names);
            }
            None => out.push(0),
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<CheckRequest, WireError> {
        let mut r = Reader(bytes);
        let req = CheckRequest {
            text: r.string()?,
            author: r.string()?,
            now_ms: r.opt_i64()?,
            last_post_ms: r.opt_i64()?,
            recent_own: r.list()?,
            participants: if r.byte()? == 1 { Some(r.list()?) } else { None },
        };
        r.end()?;
        Ok(req)
    }
}

pub fn encode_verdict(v: &Verdict) -> Vec<u8> {
    let mut out = vec![v.outcome as u8];
    put_u32(&mut out, v.findings.len());
    for f in &v.findings {
        put_str(&mut out, &f.rule);
        out.push(f.action as u8);
        put_u32(&mut out, f.start);
        put_u32(&mut out, f.end);
        for m in [&f.message.en, &f.message.hy, &f.message.ru] {
            put_str(&mut out, m);
        }
    }
    out
}

pub fn decode_verdict(bytes: &[u8]) -> Result<Verdict, WireError> {
    let mut r = Reader(bytes);
    let outcome = match r.byte()? {
        0 => Outcome::Allow,
        1 => Outcome::Hold,
        2 => Outcome::Nudge,
        3 => Outcome::Block,
        _ => return Err(WireError("unknown outcome")),
    };
    let n = r.u32()?;
    let mut findings = Vec::with_capacity(n.min(64));
    for _ in 0..n {
        let rule = r.string()?;
        let action = action(r.byte()?)?;
        let (start, end) = (r.u32()?, r.u32()?);
        let message = Messages { en: r.string()?, hy: r.string()?, ru: r.string()? };
        findings.push(Finding { rule, action, start, end, message });
    }
    r.end()?;
    Ok(Verdict { outcome, findings })
}

/// A policy for the engine in the browser. Blocked authors are left out:
/// who is blocked is the moderators' business, and the server refuses them.
pub fn encode_policy(p: &Policy) -> Vec<u8> {
    let mut out = Vec::new();
    put_str(&mut out, &p.name);
    for rule in ALL_RULES {
        let s = p.rules.get(rule);
        out.extend_from_slice(&[u8::from(s.enabled), s.action as u8]);
    }
    put_list(&mut out, &p.allow_words);
    put_list(&mut out, &p.deny_words);
    let l = &p.limits;
    for n in [l.min_length, l.max_length, l.max_links, l.cooldown_seconds as usize] {
        put_u32(&mut out, n);
    }
    out.extend_from_slice(&l.shouting_ratio.to_bits().to_le_bytes());
    put_u32(&mut out, l.shouting_min_letters);
    put_u32(&mut out, l.repeated_char_run);
    out
}

pub fn decode_policy(bytes: &[u8]) -> Result<Policy, WireError> {
    let mut r = Reader(bytes);
    let name = r.string()?;
    let mut rules = Rules::default();
    for rule in ALL_RULES {
        let enabled = r.byte()? == 1;
        *rules.get_mut(rule) = RuleSetting { enabled, action: action(r.byte()?)? };
    }
    let (allow_words, deny_words) = (r.list()?, r.list()?);
    let (min_length, max_length, max_links) = (r.u32()?, r.u32()?, r.u32()?);
    let cooldown_seconds = u32::try_from(r.u32()?).map_err(|_| WireError("cooldown out of range"))?;
    let b = r.take(4)?;
    let shouting_ratio = f32::from_bits(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let limits = Limits {
        min_length,
        max_length,
        max_links,
        cooldown_seconds,
        shouting_ratio,
        shouting_min_letters: r.u32()?,
        repeated_char_run: r.u32()?,
    };
    r.end()?;
    Ok(Policy { name, rules, allow_words, deny_words, limits, blocked_authors: Vec::new() })
}

fn action(b: u8) -> Result<Action, WireError> {
    match b {
        0 => Ok(Action::Hold),
        1 => Ok(Action::Nudge),
        2 => Ok(Action::Block),
        _ => Err(WireError("unknown action")),
    }
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    // Drafts and lists are far below 4 GB; saturate rather than wrap.
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn put_list(out: &mut Vec<u8>, items: &[String]) {
    put_u32(out, items.len());
    for s in items {
        put_str(out, s);
    }
}

fn put_opt_i64(out: &mut Vec<u8>, n: Option<i64>) {
    match n {
        Some(n) => {
            out.push(1);
            out.extend_from_slice(&n.to_le_bytes());
        }
        None => out.push(0),
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], WireError> {
        if self.0.len() < n {
            return Err(WireError("cut short"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, WireError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<usize, WireError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn opt_i64(&mut self) -> Result<Option<i64>, WireError> {
        if self.byte()? == 0 {
            return Ok(None);
        }
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(Some(i64::from_le_bytes(a)))
    }

    fn string(&mut self) -> Result<String, WireError> {
        let n = self.u32()?;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| WireError("not UTF-8"))
    }

    fn list(&mut self) -> Result<Vec<String>, WireError> {
        let n = self.u32()?;
        // A count larger than the bytes left is a broken request, not a reason to reserve gigabytes.
        let mut items = Vec::with_capacity(n.min(self.0.len() / 4));
        for _ in 0..n {
            items.push(self.string()?);
        }
        Ok(items)
    }

    fn end(&self) -> Result<(), WireError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(WireError("bytes left over"))
        }
    }
}
