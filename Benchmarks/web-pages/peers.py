#!/usr/bin/env python3
"""Runs trafilatura and readability-lxml over the evaluation pages and writes, per page, the same
JSON that `claimdesk extract` prints, for score.py; prints each peer's speed in MB/s.

Usage: peers.py PAGES_DIR OUT_DIR   (OUT_DIR/trafilatura, OUT_DIR/readability). Run in a
throw-away virtualenv; nothing in ClaimDesk depends on these packages."""
import json, os, sys, time

pages_dir, out_dir = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(pages_dir) if n.endswith(".html"))
pages = [(n, open(os.path.join(pages_dir, n), "rb").read()) for n in names]
total = sum(len(b) for _, b in pages) / 1048576

def write(system, name, obj):
    os.makedirs(os.path.join(out_dir, system), exist_ok=True)
    with open(os.path.join(out_dir, system, name[:-5] + ".json"), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False)

try:
    import trafilatura
    trafilatura.extract(pages[0][1]); trafilatura.extract_metadata(pages[0][1])  # warm-up: imports and caches
    start = time.perf_counter()
    for name, data in pages:
        text = trafilatura.extract(data, include_comments=False, include_tables=False, favor_precision=False) or ""
        meta = trafilatura.extract_metadata(data)
        m = meta.as_dict() if meta else {}
        write("trafilatura", name, {"title": m.get("title"), "byline": m.get("author"), "published": m.get("date"),
                                    "site": m.get("sitename"), "url": m.get("url"), "language": None,
                                    "modified": None, "text": text.replace("\n", "\n\n")})
    elapsed = time.perf_counter() - start
    print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, {total:.2f} MB in {elapsed*1000:.0f} ms: {total/elapsed:.2f} MB/s")
except ImportError:
    print("trafilatura: not installed")

try:
    from readability import Document
    import lxml.html
    Document(pages[0][1]).summary()  # warm-up
    start = time.perf_counter()
    for name, data in pages:
        doc = Document(data)
        summary = doc.summary(html_partial=True)
        tree = lxml.html.fromstring(summary) if summary.strip() else None
        paragraphs = []
        if tree is not None:
            for el in tree.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td"):
                t = " ".join(el.text_content().split())
                if t: paragraphs.append(t)
        write("readability", name, {"title": doc.short_title(), "byline": None, "published": None, "site": None, "url": None,
                                    "language": None, "modified": None, "text": "\n\n".join(paragraphs)})
    elapsed = time.perf_counter() - start
    print(f"readability-lxml: {len(pages)} pages, {total:.2f} MB in {elapsed*1000:.0f} ms: {total/elapsed:.2f} MB/s")
except ImportError:
    print("readability-lxml: not installed")
