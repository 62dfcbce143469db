//! Threadline's browser side: Leptos components that wire the pure core
//! (`threadline-core`) to the DOM, and the backends they talk to.
//!
//! Comment text and author names only ever reach the DOM as text nodes.

pub mod actions;
pub mod backend;
pub mod bench;
pub mod checking;
pub mod components;
pub mod deadline;
pub mod demo;
pub mod embed;
pub mod held;
pub mod i18n;
pub mod landed;
pub mod loading;
pub mod panic;
pub mod policy_module;
pub mod polling;
pub mod posting;
pub mod state;
pub mod storage;

use wasm_bindgen::JsCast;

/// Mounts the demo page (article + thread) into `<body>`.
pub fn start_demo() {
    panic::install_hook();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    // The static placeholder index.html paints while the wasm loads.
    if let Some(boot) = document.get_element_by_id("tl-boot") {
        boot.remove();
    }
    // The article is the page's own HTML; the thread goes under it.
    let Some(page) = document.get_element_by_id("tl-demo").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // Versioned by the build, so the browser keeps it instead of asking again each visit.
    if let Some(url) = demo::page_meta("threadline-policy-module") {
        policy_module::set_url(&url);
    }
    let theme = demo::theme();
    let _ = page.set_attribute("data-theme", &theme);
    // The page around the widget in the same colours, not the system's.
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-theme", &theme);
    }
    leptos::mount::mount_to(page, demo::DemoThread).forget();
}
