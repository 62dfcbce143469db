// A floor for the bundle and for loading time: the smallest Leptos page shaped
// like ours, a keyed list of rows with a toggle, a text box and a button.
// tools/leptos-floor.sh weighs it; the big-thread benchmark puts it on the
// demo page in the widget's place and times it against Threadline: what is
// left between the two is ours to win.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

// A comment of the generated threads' mean length (about 380 characters).
const TEXT: &str = "General Gerasimov reportedly told the Azerbaijani military leaders that Moscow is against \
attempts at a military solution to the Karabakh conflict. Russian assistance is critical for Armenian efforts to \
offset Azerbaijan's massive military build-up; the scale of those deals was exposed in June last year.";

#[component]
fn Row(id: usize, text: String) -> impl IntoView {
    let open = RwSignal::new(true);
    // The classes the benchmark counts rows by.
    view! {
        <li class="tl-comment" id=format!("c-{id}")>
            <button type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "[–]" } else { "[+]" }}
            </button>
            <span class="tl-author">"Author " {id}</span>
            {move || open.get().then(|| view! { <div class="tl-body"><p>{text.clone()}</p></div> })}
        </li>
    }
}

#[component]
fn App(rows: usize) -> impl IntoView {
    let items = RwSignal::new((0..rows).map(|i| (i, format!("{i}. {TEXT}"))).collect::<Vec<_>>());
    let draft = RwSignal::new(String::new());
    view! {
        <section class="tl-thread">
            <textarea prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
            <button on:click=move |_| items.update(|v| { let n = v.len(); v.push((n, draft.get_untracked())); })>"Post"</button>
            <ol class="tl-rows"><For each=move || items.get() key=|(i, _)| *i let:item><Row id=item.0 text=item.1 /></For></ol>
        </section>
    }
}

/// On the demo page (`#tl-demo`, row count in `data-floor-rows`) in the
/// widget's place; anywhere else, 20 rows in the body.
fn main() {
    let doc = document();
    match doc.get_element_by_id("tl-demo") {
        Some(page) => {
            let rows = page.get_attribute("data-floor-rows").and_then(|n| n.parse().ok()).unwrap_or(20);
            if let Some(boot) = doc.get_element_by_id("tl-boot") {
                boot.remove();
            }
            leptos::mount::mount_to(page.unchecked_into(), move || view! { <App rows=rows /> }).forget();
        }
        None => leptos::mount::mount_to_body(|| view! { <App rows=20 /> }),
    }
}
