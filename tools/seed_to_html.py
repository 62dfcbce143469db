#!/usr/bin/env python3
"""Writes the seed article and its discussion policy into index.html as plain HTML.

The demo page shows the article before any script runs (it is the page the
comments belong to, not part of the widget), so it paints at once and the
wasm only draws the thread. The text comes verbatim from seed/asbarez.json;
crates/threadline-core/tests/seed_tree.rs checks that index.html still holds it.
Usage: python3 tools/seed_to_html.py   (rewrites index.html between its markers)
"""
import html
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BEGIN = "<!-- seed article: written by tools/seed_to_html.py from seed/asbarez.json -->"
END = "<!-- /seed article -->"


def block(seed):
    a, p = seed["article"], seed["policy"]
    e = lambda s: html.escape(s, quote=False)
    paras = a["paragraphs"]
    lines = [
        BEGIN,
        '<article class="tl-article">',
        f"  <h1>{e(a['title'])}</h1>",
        f'  <p class="tl-byline">{e(a["byline"])}</p>',
        f'  <figure class="tl-figure"><figcaption>{e(a["image_caption"])}</figcaption></figure>',
        f'  <p><span class="tl-dateline">{e(a["dateline"])}</span>—{e(paras[0])}</p>',
        *[f"  <p>{e(x)}</p>" for x in paras[1:]],
        "</article>",
        '<aside class="tl-policy" aria-labelledby="tl-policy-title">',
        f'  <h2 id="tl-policy-title">{e(p["title"])}</h2>',
        f"  <p>{e(p['text'])}</p>",
        "</aside>",
        END,
    ]
    return "\n".join("    " + l for l in lines)


def main():
    seed = json.loads((ROOT / "seed/asbarez.json").read_text(encoding="utf-8"))
    page_path = ROOT / "index.html"
    page = page_path.read_text(encoding="utf-8")
    start, end = page.find(BEGIN), page.find(END)
    if start < 0 or end < 0:
        sys.exit("index.html has no seed article markers")
    line_start = page.rfind("\n", 0, start) + 1
    page = page[:line_start] + block(seed) + page[end + len(END):]
    page_path.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
