//! The discussion-policy engine lives in its own small wasm module
//! (`crates/threadline-policy-wasm`, `threadline-policy.wasm` beside the
//! page's files), fetched only once a reader starts to write: the reader who
//! only reads does not download it (28 KB gzip less in the widget). Once it
//! is loaded a check is a plain synchronous call, as before.
//!
//! One module serves every widget on the page. It remembers the commenters'
//! names it was last sent, so they cross only when they change.

use js_sys::{Function, Object, Reflect, Uint8Array, WebAssembly};
use std::cell::RefCell;
use threadline_policy::wire::{decode_verdict, CheckRequest};
use threadline_policy::Verdict;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What a check can answer before, during and after loading.
pub enum Checked {
    Done(Verdict),
    /// The module is still on its way; `when_loaded` says when to ask again.
    Loading,
    /// It could not be loaded or stopped working: the reason, in English
    /// (it names a file or an error, shown inside a translated sentence).
    Unavailable(String),
}

struct Module {
    memory: WebAssembly::Memory,
    alloc: Function,
    check: Function,
    configure: Function,
    answer: Function,
    /// Whose names the module holds: (thread id, comments in it then).
    names_of: Option<(String, usize)>,
}

enum Slot {
    Idle,
    Loading(Vec<Box<dyn FnOnce()>>),
    Ready(Module),
    /// Why, and when a failed download may be tried again (ms since the
    /// epoch; never for a module that trapped, whose state may be broken).
    Failed(String, Option<f64>),
}

/// A download that failed (offline, a server hiccup) is tried again by the
/// next check after this long, so a reader back online gets the check.
const REFETCH_AFTER_MS: f64 = 5_000.0;

thread_local! {
    static SLOT: RefCell<Slot> = const { RefCell::new(Slot::Idle) };
    static URL: RefCell<String> = RefCell::new("threadline-policy.wasm".to_owned());
    /// Where the backend's own policy is, when it says (`BackendDescription::policy`).
    static POLICY_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Where the module is; the embed loader passes its own folder's copy.
/// Only the first widget's answer counts: they share one module.
pub fn set_url(url: &str) {
    if SLOT.with_borrow(|s| matches!(s, Slot::Idle)) {
        URL.set(url.to_owned());
    }
}

/// Where the policy the backend enforces is: drafts are checked by it, not
/// by the built-in one. Like `set_url`, only the first widget's counts.
pub fn set_policy_url(url: &str) {
    if SLOT.with_borrow(|s| matches!(s, Slot::Idle)) {
        POLICY_URL.set(Some(url.to_owned()));
    }
}

/// Starts fetching the module, once; later calls do nothing.
pub fn load() {
    let started = SLOT.with_borrow_mut(|slot| {
        let again = matches!(slot, Slot::Failed(_, Some(at)) if js_sys::Date::now() >= *at);
        if !matches!(slot, Slot::Idle) && !again {
            return false;
        }
        *slot = Slot::Loading(Vec::new());
        true
    });
    if !started {
        return;
    }
    let url = URL.with_borrow(Clone::clone);
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match instantiate(&url).await {
            Ok(module) => Slot::Ready(module),
            Err(e) => Slot::Failed(e, Some(js_sys::Date::now() + REFETCH_AFTER_MS)),
        };
        let waiting = SLOT.with_borrow_mut(|slot| match std::mem::replace(slot, loaded) {
            Slot::Loading(waiting) => waiting,
            _ => Vec::new(),
        });
        for f in waiting {
            f();
        }
    });
}

/// Runs `f` once the module is loaded or has failed to (at once if it
/// already has), starting the load if nothing has yet.
pub fn when_loaded(f: impl FnOnce() + 'static) {
    load();
    let f = SLOT.with_borrow_mut(|slot| match slot {
        Slot::Loading(waiting) => {
            waiting.push(Box::new(f));
            None
        }
        _ => Some(f),
    });
    if let Some(f) = f {
        f();
    }
}

/// Checks a draft. `names` gives the thread's commenters; it is called
/// only when the module holds another thread's, or an older count's.
pub fn check(mut req: CheckRequest, names_key: (String, usize), names: impl FnOnce() -> Vec<String>) -> Checked {
    load();
    SLOT.with_borrow_mut(|slot| {
        let module = match slot {
            Slot::Ready(m) => m,
            Slot::Loading(_) | Slot::Idle => return Checked::Loading,
            Slot::Failed(e, _) => return Checked::Unavailable(e.clone()),
        };
        let fresh = module.names_of.as_ref() != Some(&names_key);
        if fresh {
            req.participants = Some(names());
        }
        match call(module, &req.encode()) {
            Ok(verdict) => {
                if fresh {
                    module.names_of = Some(names_key);
                }
                Checked::Done(verdict)
            }
            Err(e) => {
                // A module that trapped may have broken state: not used again.
                *slot = Slot::Failed(e.clone(), None);
                Checked::Unavailable(e)
            }
        }
    })
}

/// How long the module may take to arrive. A post waits for it ("Checking…"),
/// so a request that stalls must end: after this the module counts as
/// unavailable and posts go on, checked by the server alone.
const DEADLINE_MS: u64 = 20_000;

/// The bytes at `url`, within the deadline.
async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let deadline = crate::deadline::Deadline::new(std::time::Duration::from_millis(DEADLINE_MS));
    let request = gloo_net::http::Request::get(url).abort_signal(deadline.signal().as_ref());
    let fetched = async {
        let response = request.send().await.map_err(|e| format!("{url}: {e}"))?;
        if !response.ok() {
            return Err(format!("{url}: HTTP {}", response.status()));
        }
        response.binary().await.map_err(|e| format!("{url}: {e}"))
    }
    .await;
    drop(deadline);
    fetched
}

/// The module, checking by the backend's policy when it has one. A policy
/// that cannot be had leaves the check unavailable, not on other rules:
/// the backend would refuse what the built-in rules let through.
async fn instantiate(url: &str) -> Result<Module, String> {
    let module = compile(url).await?;
    if let Some(policy_url) = POLICY_URL.with_borrow(Clone::clone) {
        let json = fetch(&policy_url).await.map_err(|e| format!("the site's discussion policy, {e}"))?;
        configure(&module, &json).map_err(|e| format!("the site's discussion policy ({policy_url}): {e}"))?;
    }
    Ok(module)
}

async fn compile(url: &str) -> Result<Module, String> {
    let bytes = fetch(url).await?;
    let result = JsFuture::from(WebAssembly::instantiate_buffer(&bytes, &Object::new()))
        .await
        .map_err(|e| format!("{url}: {}", js_error(&e)))?;
    let exports = Reflect::get(&result, &"instance".into())
        .and_then(|i| Reflect::get(&i, &"exports".into()))
        .map_err(|e| js_error(&e))?;
    let get = |name: &str| Reflect::get(&exports, &name.into()).ok().filter(|v| !v.is_undefined());
    let function = |name: &str| {
        get(name).and_then(|f| f.dyn_into::<Function>().ok()).ok_or_else(|| format!("{url}: no {name} in the module"))
    };
    Ok(Module {
        memory: get("memory")
            .and_then(|m| m.dyn_into::<WebAssembly::Memory>().ok())
            .ok_or_else(|| format!("{url}: no memory in the module"))?,
        alloc: function("tl_alloc")?,
        check: function("tl_check")?,
        configure: function("tl_configure")?,
        answer: function("tl_answer")?,
        names_of: None,
    })
}

fn call(m: &Module, request: &[u8]) -> Result<Verdict, String> {
    let verdict = exchange(m, &m.check, request)?;
    decode_verdict(&verdict).map_err(|e| format!("the policy check's answer: {}", e.0))
}

fn configure(m: &Module, policy: &[u8]) -> Result<(), String> {
    exchange(m, &m.configure, policy).map(drop)
}

/// Hands `input` to `f` (`tl_check` or `tl_configure`) and gives back what
/// follows its answer's status byte 0, or the module's message.
fn exchange(m: &Module, f: &Function, input: &[u8]) -> Result<Vec<u8>, String> {
    let number = |v: Result<JsValue, JsValue>| -> Result<u32, String> {
        let v = v.map_err(|e| format!("the policy check stopped: {}", js_error(&e)))?;
        // wasm's i32 arrives signed; addresses and lengths are unsigned.
        v.as_f64().map(|n| n as i32 as u32).ok_or_else(|| "the policy check answered nonsense".to_owned())
    };
    let len = input.len() as u32;
    let at = number(m.alloc.call1(&JsValue::NULL, &len.into()))?;
    // The memory may have grown while allocating: view it afresh.
    Uint8Array::new(&m.memory.buffer()).set(&Uint8Array::from(input), at);
    let n = number(f.call2(&JsValue::NULL, &at.into(), &len.into()))?;
    let at = number(m.answer.call0(&JsValue::NULL))?;
    let answer = Uint8Array::new(&m.memory.buffer()).subarray(at, at.saturating_add(n)).to_vec();
    match answer.split_first() {
        Some((0, rest)) => Ok(rest.to_vec()),
        Some((_, message)) => Err(String::from_utf8_lossy(message).into_owned()),
        None => Err("the policy check gave no answer".to_owned()),
    }
}

fn js_error(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default()
}
