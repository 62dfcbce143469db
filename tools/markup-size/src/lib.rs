//! Exports one function taking a comment body from linear memory. With the
//! `markdown` and/or `html` features it parses the body and returns a
//! number that depends on the tree; without, it does comparable std work
//! (allocation, UTF-8), which every Threadline bundle has anyway.

/// # Safety
/// `ptr..ptr+len` must be readable memory of the module.
#[no_mangle]
pub unsafe extern "C" fn probe(ptr: *const u8, len: usize) -> u32 {
    let body = String::from_utf8_lossy(std::slice::from_raw_parts(ptr, len)).into_owned();
    #[allow(unused_mut)]
    let mut n = body.chars().filter(|c| c.is_alphabetic()).count() as u32;
    #[cfg(feature = "markdown")]
    {
        let blocks = threadline_markup::markdown(&body);
        n += (threadline_markup::depth(&blocks) + threadline_markup::to_plain_text(&blocks).len()) as u32;
    }
    #[cfg(feature = "html")]
    {
        let blocks = threadline_markup::html(&body);
        n += (threadline_markup::depth(&blocks) + threadline_markup::to_plain_text(&blocks).len()) as u32;
    }
    n
}
