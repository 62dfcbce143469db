//! The demo page: the seed article with its live thread. The same bundle is
//! the embed bundle, where `mount()` is called instead: the demo starts only
//! on a page that asks for it (`<body data-threadline-demo>`).
fn main() {
    let wanted = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-threadline-demo"));
    if wanted {
        threadline::start_demo();
    }
}
