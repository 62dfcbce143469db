//! Exports one function taking a draft from linear memory. With the `check`
//! feature it runs the policy on it; without, it does comparable std work
//! (allocation, UTF-8), which every Threadline bundle has anyway.

/// # Safety
/// `ptr..ptr+len` must be readable memory of the module.
#[no_mangle]
pub unsafe extern "C" fn probe(ptr: *const u8, len: usize) -> u32 {
    let text = String::from_utf8_lossy(std::slice::from_raw_parts(ptr, len)).into_owned();
    #[cfg(feature = "check")]
    {
        let policy = threadline_policy::Policy::asbarez();
        let verdict = policy.check(&threadline_policy::Draft { text: &text, author: "" }, &Default::default());
        verdict.findings.len() as u32
    }
    #[cfg(not(feature = "check"))]
    {
        text.chars().filter(|c| c.is_alphabetic()).count() as u32
    }
}
