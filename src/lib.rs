//! Threadline's browser side: Leptos components that wire the pure core
//! (`threadline-core`) to the DOM, and the backends they talk to.
//!
//! Comment text and author names only ever reach the DOM as text nodes.

pub mod actions;
pub mod backend;
pub mod bench;
pub mod checking;
pub mod components;
pub mod demo;
pub mod embed;
pub mod i18n;
pub mod loading;
pub mod panic;
pub mod polling;
pub mod posting;
pub mod state;
pub mod storage;

/// Mounts the demo page (article + thread) into `<body>`.
pub fn start_demo() {
    panic::install_hook();
    // The static placeholder index.html paints while the wasm loads.
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("tl-boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(demo::DemoPage);
}
