use leptos::prelude::*;
use threadline_core::Article;

#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let Article { title, dateline, byline, image_caption, paragraphs } = article;
    let mut paragraphs = paragraphs.into_iter();
    let first = paragraphs.next().unwrap_or_default();
    view! {
        <article class="tl-article">
            <h1>{title}</h1>
            <p class="tl-byline">{byline}</p>
            <figure class="tl-figure">
                <figcaption>{image_caption}</figcaption>
            </figure>
            <p><span class="tl-dateline">{dateline}</span>"—"{first}</p>
            {paragraphs.map(|p| view! { <p>{p}</p> }).collect_view()}
        </article>
    }
}
