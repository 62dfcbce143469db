// A floor for the bundle: a keyed list of rows with a toggle, a text input and a button.
use leptos::prelude::*;

#[component]
fn Row(id: usize, text: String) -> impl IntoView {
    let open = RwSignal::new(true);
    view! {
        <li class="row" id=format!("r-{id}")>
            <button type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "[–]" } else { "[+]" }}
            </button>
            <span class="author">"Author " {id}</span>
            {move || open.get().then(|| view! { <p>{text.clone()}</p> })}
        </li>
    }
}

#[component]
fn App() -> impl IntoView {
    let items = RwSignal::new((0..20).map(|i| (i, format!("comment {i}"))).collect::<Vec<_>>());
    let draft = RwSignal::new(String::new());
    view! {
        <textarea prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
        <button on:click=move |_| items.update(|v| { let n = v.len(); v.push((n, draft.get_untracked())); })>"Post"</button>
        <ol><For each=move || items.get() key=|(i, _)| *i let:item><Row id=item.0 text=item.1 /></For></ol>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
