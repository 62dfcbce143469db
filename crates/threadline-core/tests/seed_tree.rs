//! The seed page is the first fixture: its tree must come out exactly as
//! nested on the real page, and its text exactly as printed there.

use threadline_core::{visible_rows, CollapseState, CommentId, SeedDocument, Thread};

const SEED: &str = include_str!("../../../seed/asbarez.json");

fn seed() -> SeedDocument {
    SeedDocument::from_json(SEED).expect("seed parses")
}

fn ids_at_depth(t: &Thread, depth: usize) -> Vec<&str> {
    visible_rows(t, &CollapseState::default())
        .into_iter()
        .filter(|r| r.depth == depth)
        .map(|r| t.node(r.node).unwrap().comment.id.as_str())
        .collect::<Vec<_>>()
}

#[test]
fn seed_tree_has_the_pages_exact_shape() {
    let t = Thread::build(seed().comments);
    assert!(t.warnings().is_empty(), "{:?}", t.warnings());
    assert_eq!(t.len(), 15);
    assert_eq!(ids_at_depth(&t, 0), ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    assert_eq!(ids_at_depth(&t, 1), ["7.1", "7.2", "7.3", "8.1"]);
    assert_eq!(ids_at_depth(&t, 2), ["7.3.1"]);
    assert!(ids_at_depth(&t, 3).is_empty());
    let order: Vec<_> = visible_rows(&t, &CollapseState::default()).iter().map(|r| r.id.0.clone()).collect();
    assert_eq!(order, ["1", "2", "3", "4", "5", "6", "7", "7.1", "7.2", "7.3", "7.3.1", "8", "8.1", "9", "10"]);
}

#[test]
fn seed_authors_are_the_pages_authors() {
    let t = Thread::build(seed().comments);
    let author = |id: &str| t.get(&CommentId::from(id)).unwrap().comment.author.clone();
    assert_eq!(author("7"), "Sokimag");
    let replies: Vec<_> =
        t.get(&"7".into()).unwrap().children.iter().map(|&c| t.node(c).unwrap().comment.author.clone()).collect();
    assert_eq!(replies, ["Armenian", "H. Boghossian", "GeorgeMardig"]);
    assert_eq!(author("7.3.1"), "Armenian");
    assert_eq!(t.get(&"7.3.1".into()).unwrap().comment.parent, Some("7.3".into()));
    assert_eq!(t.get(&"7".into()).unwrap().descendants, 4);
}

#[test]
fn seed_keeps_paragraphs() {
    let t = Thread::build(seed().comments);
    let long = &t.get(&"7.1".into()).unwrap().comment;
    assert_eq!(long.paragraphs().count(), 3);
    assert!(long.paragraphs().nth(1).unwrap().starts_with("Clearly this is okay"));
}

/// Every string in the fixture is a verbatim copy of the saved page. The page
/// lives outside the repository (`../shared/seed`); when it is there, check.
#[test]
fn seed_text_is_verbatim() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seed/asbarez-article.txt");
    let Ok(page) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not present");
        return;
    };
    let flat: String = page.split_whitespace().collect::<Vec<_>>().join(" ");
    let doc = seed();
    let a = &doc.article;
    let mut pieces = vec![a.title.clone(), a.image_caption.clone(), doc.policy.text.clone()];
    pieces.push(format!("{}—{}", a.dateline, a.paragraphs[0]));
    pieces.extend(a.paragraphs.iter().cloned());
    for c in &doc.comments {
        pieces.push(format!("{} said:", c.author));
        pieces.extend(c.paragraphs().map(str::to_owned));
    }
    for p in pieces {
        assert!(flat.contains(&p), "not verbatim in the page: {p}");
    }
    assert_eq!(a.dateline, "BAKU (RFE/RL)");
    assert_eq!(a.paragraphs.len(), 11);
}

/// The demo page prints the seed article as HTML (tools/seed_to_html.py) and
/// prefetches the seed thread by the id it carries: both must match the seed.
#[test]
fn demo_page_prints_the_seed_article_and_names_its_thread() {
    let page = include_str!("../../../index.html");
    let seed = seed();
    assert!(
        page.contains(&format!("name=\"threadline-thread\" content=\"{}\"", seed.thread)),
        "index.html's threadline-thread is not the seed's thread id"
    );
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let a = &seed.article;
    let mut texts = vec![
        a.title.clone(),
        a.byline.clone(),
        a.image_caption.clone(),
        seed.policy.title.clone(),
        seed.policy.text.clone(),
    ];
    let (first, rest) = a.paragraphs.split_first().expect("the article has paragraphs");
    texts.push(format!("<span class=\"tl-dateline\">{}</span>—{}", escape(&a.dateline), escape(first)));
    texts.extend(rest.iter().cloned());
    for t in texts {
        let html = if t.starts_with("<span") { t } else { escape(&t) };
        assert!(page.contains(&html), "index.html lacks {html:?}: run python3 tools/seed_to_html.py");
    }
}
