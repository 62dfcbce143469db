#!/usr/bin/env python3
"""Converts the Asbarez seed page (plain text as saved) into seed/asbarez.json.

Kept in the repo so the fixture can be regenerated and audited: every string is
copied verbatim from the page; only the structure (ids, parents, order) is added.
Usage: python3 tools/seed_to_json.py ../shared/seed/asbarez-article.txt > seed/asbarez.json
"""
import json
import re
import sys


def main(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    blocks, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    text = [" ".join(l.strip() for l in b) for b in blocks]

    title, caption = text[0], text[1]
    policy_at = text.index("Discussion Policy")
    body = text[2:policy_at]
    dateline, first = body[0].split("—", 1)
    policy = text[policy_at + 1]

    # Comment headers look like "  7. Sokimag said:" (top level) or "    • Armenian said:" (reply);
    # the indentation of the header gives the depth.
    comments, stack, counters = [], [], {}
    header = re.compile(r"^(\s*)(?:(\d+)\.|•)\s+(.*) said:$")
    raw = open(path, encoding="utf-8").read().split("\n")
    start = next(i for i, l in enumerate(raw) if l.strip() == policy) + 1
    current = None
    for line in raw[start:]:
        m = header.match(line)
        if m:
            indent, number, author = len(m.group(1)), m.group(2), m.group(3)
            depth = 0 if number else (indent - 4) // 2 + 1
            stack = stack[:depth]
            parent = stack[-1]["id"] if stack else None
            if number:
                cid = number
            else:
                counters[parent] = counters.get(parent, 0) + 1
                cid = f"{parent}.{counters[parent]}"
            current = {"id": cid, "parent": parent, "author": author, "paragraphs": []}
            comments.append(current)
            stack.append(current)
        elif line.strip() and current is not None:
            current["paragraphs"].append(line.strip())
    out_comments = [
        {"id": c["id"], "parent": c["parent"], "author": c["author"], "body": "\n\n".join(c["paragraphs"])}
        for c in comments
    ]
    doc = {
        "thread": "asbarez/russia-azerbaijan-hint-at-further-arms-sales",
        "source": "Asbarez, saved page (shared/seed/asbarez-article.txt)",
        "article": {
            "title": title,
            "dateline": dateline,
            "byline": "RFE/RL",
            "image_caption": caption,
            "paragraphs": [first] + body[1:],
        },
        "policy": {"title": "Discussion Policy", "text": policy},
        "comments": out_comments,
    }
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
