//! The discussion-policy engine as a wasm module of its own, so the widget's
//! first download does not carry it: a reader who only reads never fetches
//! it. No wasm-bindgen and no imports: the widget instantiates it with plain
//! `WebAssembly.instantiate`, writes a request into its memory and reads the
//! verdict back, synchronously (`src/policy_module.rs`). Both travel in the
//! framing of `threadline_policy::wire`; the server checks with the same
//! crate, natively.
//!
//! The calls: `tl_alloc(len)` gives a buffer for the request; `tl_check(ptr,
//! len)` takes it back, checks, and returns the answer's length; `tl_answer()`
//! points at the answer, valid until the next call. `tl_configure(ptr, len)`
//! takes a buffer holding a site's policy in the same framing (what its
//! server enforces, `GET /api/policy/wire` on the reference server) and
//! checks by it from then on; its answer is the status byte, then the
//! reason when it is 1. An answer is a status
//! byte, 0 (then an encoded verdict) or 1 (then a message): a request the
//! module cannot read is an answer, never a trap, which would leave the
//! widget without its check.

use std::cell::RefCell;
use threadline_policy::wire::{decode_policy, encode_verdict, CheckRequest};
use threadline_policy::{CheckContext, Draft, Participants, Policy};

struct Engine {
    policy: Policy,
    participants: Participants,
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
    static ANSWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The answer to one encoded request.
pub fn answer(request: &[u8]) -> Vec<u8> {
    let req = match CheckRequest::decode(request) {
        Ok(req) => req,
        Err(e) => {
            let mut out = vec![1];
            out.extend_from_slice(b"the policy check could not read its request: ");
            out.extend_from_slice(e.0.as_bytes());
            return out;
        }
    };
    ENGINE.with_borrow_mut(|engine| {
        let engine =
            engine.get_or_insert_with(|| Engine { policy: Policy::asbarez(), participants: Participants::default() });
        if let Some(names) = req.participants {
            engine.participants = Participants::new(names);
        }
        let ctx = CheckContext {
            now_ms: req.now_ms,
            last_post_ms: req.last_post_ms,
            recent_own: req.recent_own,
            participants: engine.participants.clone(),
        };
        let verdict = engine.policy.check(&Draft { text: &req.text, author: &req.author }, &ctx);
        let mut out = vec![0];
        out.extend_from_slice(&encode_verdict(&verdict));
        out
    })
}

/// Checks by `encoded` (`wire::encode_policy`) from now on: 0, or 1 and why
/// it cannot be used (the policy in use is then kept).
pub fn configure(encoded: &[u8]) -> Vec<u8> {
    match decode_policy(encoded) {
        Ok(policy) => {
            ENGINE.set(Some(Engine { policy, participants: Participants::default() }));
            vec![0]
        }
        Err(e) => {
            let mut out = vec![1];
            out.extend_from_slice(b"the policy could not be read: ");
            out.extend_from_slice(e.0.as_bytes());
            out
        }
    }
}

/// Takes the policy in the buffer `tl_alloc(len)` gave, and frees it.
///
/// # Safety
/// As for `tl_check`.
#[no_mangle]
pub unsafe extern "C" fn tl_configure(ptr: *mut u8, len: usize) -> usize {
    // SAFETY: as the caller promises.
    unsafe { exchange(ptr, len, configure) }
}

/// Answers what is in the buffer with `f`, frees the buffer and keeps the
/// answer for `tl_answer`; returns its length.
///
/// # Safety
/// `ptr` and `len` must be exactly what one `tl_alloc` call gave.
#[inline(always)] // one copy in each export, as written before: 250 bytes less than a call through `f`
unsafe fn exchange(ptr: *mut u8, len: usize, f: fn(&[u8]) -> Vec<u8>) -> usize {
    // SAFETY: the caller hands back the boxed slice tl_alloc leaked.
    let input = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) };
    let out = f(&input);
    let n = out.len();
    ANSWER.set(out);
    n
}

/// A buffer of `len` bytes for the next request.
#[no_mangle]
pub extern "C" fn tl_alloc(len: usize) -> *mut u8 {
    let mut buf = vec![0u8; len].into_boxed_slice();
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr
}

/// Checks the request in the buffer `tl_alloc(len)` gave, and frees it.
///
/// # Safety
/// `ptr` and `len` must be exactly what one `tl_alloc` call gave and took,
/// and the buffer must not be used after this call.
#[no_mangle]
pub unsafe extern "C" fn tl_check(ptr: *mut u8, len: usize) -> usize {
    // SAFETY: as the caller promises.
    unsafe { exchange(ptr, len, answer) }
}

/// Where the last answer is.
#[no_mangle]
pub extern "C" fn tl_answer() -> *const u8 {
    ANSWER.with_borrow(|a| a.as_ptr())
}
