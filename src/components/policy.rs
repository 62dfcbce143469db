use leptos::prelude::*;
use threadline_core::PolicyText;

#[component]
pub fn PolicyView(policy: PolicyText) -> impl IntoView {
    view! {
        <aside class="tl-policy" aria-labelledby="tl-policy-title">
            <h2 id="tl-policy-title">{policy.title}</h2>
            <p>{policy.text}</p>
        </aside>
    }
}
