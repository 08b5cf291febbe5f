#!/usr/bin/env python3
"""Scores extractors' outputs against the expected text and metadata of the evaluation pages.

Text: F1 over word tokens (lower-cased runs of letters and digits, as a multiset), after
dropping the headline from the front of both texts (extractors differ on whether the text
starts with it; the title is scored on its own). Metadata: exact match after white-space
normalisation (title, site: case-insensitive; byline: the same set of names; published:
the same day; url: equal; language: same primary tag).

Usage: score.py PAGES_DIR SYSTEM=OUT_DIR [SYSTEM=OUT_DIR ...]"""
import json, os, re, sys
from collections import Counter

pages_dir = sys.argv[1]
systems = [a.split("=", 1) for a in sys.argv[2:]]
names = sorted(n[:-len(".expected.json")] for n in os.listdir(pages_dir) if n.endswith(".expected.json"))
FIELDS = ["title", "byline", "published", "site", "url", "language"]

def words(text):
    return re.findall(r"\w+", (text or "").lower())

def body(text, title):
    t = (text or "").strip()
    if title and t.lower().startswith(title.strip().lower()):
        t = t[len(title.strip()):]
    return t

def f1(got, want):
    g, w = Counter(words(got)), Counter(words(want))
    overlap = sum((g & w).values())
    if not g or not w: return (1.0 if not g and not w else 0.0), 0.0, 0.0
    p, r = overlap / sum(g.values()), overlap / sum(w.values())
    return (0.0 if p + r == 0 else 2 * p * r / (p + r)), p, r

def norm(s): return " ".join((s or "").split()).lower() or None

def names_of(s):
    if not s: return frozenset()
    return frozenset(n.strip().lower() for n in re.split(r",|;| and ", s) if n.strip())

def same(field, got, want):
    if field == "byline": return names_of(got) == names_of(want)
    if field == "published": return (got or "")[:10] == (want or "")[:10]
    if field == "language": return ((got or "").split("-")[0].lower() or None) == ((want or "").split("-")[0].lower() or None)
    if field == "url": return (got or None) == (want or None)
    return norm(got) == norm(want)

rows = []
for system, out in systems:
    f1s, ps, rs, fields, worst = [], [], [], {f: 0 for f in FIELDS}, []
    for name in names:
        want = json.load(open(os.path.join(pages_dir, name + ".expected.json"), encoding="utf-8"))
        path = os.path.join(out, name + ".json")
        got = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
        score, p, r = f1(body(got.get("text"), got.get("title") or want["title"]), body(want["text"], want["title"]))
        f1s.append(score); ps.append(p); rs.append(r); worst.append((score, name))
        for field in FIELDS:
            if same(field, got.get(field), want.get(field)): fields[field] += 1
    n = len(names)
    rows.append((system, sum(f1s) / n, sum(ps) / n, sum(rs) / n, {f: fields[f] / n for f in FIELDS}, sorted(worst)[:3]))

print(f"{len(names)} pages")
print(f"{'system':<13}{'F1':>7}{'prec':>7}{'recall':>7}  " + "".join(f"{f:>10}" for f in FIELDS))
for system, f, p, r, fields, worst in rows:
    print(f"{system:<13}{f:>7.3f}{p:>7.3f}{r:>7.3f}  " + "".join(f"{fields[x]*100:>9.0f}%" for x in FIELDS))
for system, *_, worst in rows:
    print(f"  {system} lowest F1: " + ", ".join(f"{n} {s:.2f}" for s, n in worst))
