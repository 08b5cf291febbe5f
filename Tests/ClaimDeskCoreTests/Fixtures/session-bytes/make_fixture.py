#!/usr/bin/env python3
"""Writes session-bytes.json: a small session document in ClaimDesk's exact bytes, made without
ClaimDesk, for the test that reading and writing a session gives back the same bytes.

The bytes are Python's json.dumps(indent=2, sort_keys=True, ensure_ascii=False) plus a newline,
which is the session format's spelling (pretty, two-space indent, sorted keys, only the escapes
JSON requires). The strings are chosen to hit every escape, every UTF-8 length, escapes at and
around the 8-byte boundaries a fast scan works in, empty strings, and fields written only when
set. Run it again only to change the fixture:  python3 make_fixture.py
"""
import hashlib
import json
import os
import unicodedata

T0 = "2026-11-25T15:53:02Z"
T1 = "2026-11-26T08:00:00Z"

paragraphs = [
    "Officials said “the talks stalled,” a report by the Daily Courier claimed.",
    "Iran’s envoy — in Arabic, «عربي» — answered: \"No deal\" 😀 at 3.5% café naïve.",
    "A back\\slash, a tab\there, and a path a/b/c; then 汉字 and Ω and 𝒜.",
]
text = unicodedata.normalize("NFC", "\n\n".join(paragraphs))


def anchor(article, exact, occurrence=0, orphaned=None):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(exact, start + 1)
    end = start + len(exact)  # code points, as Python counts them
    a = {"article": article, "start": start, "end": end, "exact": exact,
         "prefix": text[max(0, start - 32):start], "suffix": text[end:end + 32]}
    if orphaned is not None:
        a["orphaned"] = orphaned
    return a


def meta(author="ana", created=T0, modified=None, tags=(), notes=(), review=None, provenance=None):
    m = {"author": author, "created": created, "modified": modified or created, "tags": list(tags), "notes": list(notes)}
    if review is not None:
        m["review"] = review
    if provenance is not None:
        m["provenance"] = provenance
    return m


tricky = [
    "",
    "a\u0001b\u001fc",
    "1234567\"",          # quote at the eighth byte
    "12345678\\",         # backslash just past a word
    "tab\tnewline\nreturn\rback\bfeed\f",
    "\u007f delete is not escaped, nor / nor \u2028",
    "é😀Ω\"quote after multibyte",
]

session = {
    "analyst": "Zoë",
    "articles": [{
        "byline": ["Jane Doe", "Zoë Roe"],
        "fetchedSHA256": "ab" * 32,
        "fetchedURL": "https://news.example/final?x=1&y=\"2\"",
        "id": "a1",
        "language": "en-US",
        "loaded": T0,
        "origin": "story.txt",
        "published": "2020-03-23",
        "revisions": [{"loaded": "2026-01-01T00:00:00Z", "replaced": T0, "sha256": "cd" * 32}],
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "text": text,
        "title": "Talks \"stall\"\tagain",
        "url": "https://news.example/a1",
    }],
    "claims": [
        dict({"anchor": anchor("a1", "the talks stalled,"), "checkWorthy": True,
              "claimant": "src1", "cue": anchor("a1", "said"), "id": "c1", "kind": "factual",
              "verdict": "mostly-false", "via": ["src2", "src1"]},
             **meta(tags=["disputed", "é"], notes=[{"author": "ed", "created": T1, "id": f"n{i + 1}", "text": t} for i, t in enumerate(tricky[:3])],
                    review={"decisions": [{"comment": "checked “twice”", "reviewer": "ed", "status": "accepted", "time": T1},
                                          {"reviewer": "claimdesk", "status": "open", "time": T1}],
                            "status": "accepted",
                            "textChanges": [{"how": "fuzzy", "new": "the talks stalled,", "old": "talks \"stalled\"", "time": T1}]})),
        dict({"anchor": anchor("a1", "No deal"), "id": "c2", "kind": "opinion", "moreFragments": [anchor("a1", "😀 at 3.5%")],
              "verdict": "unverified", "via": []},
             **meta(modified=T1, provenance={"analyst": "bob", "id": "c9", "session": "other \\ session"})),
        dict({"anchor": anchor("a1", "汉字 and Ω and 𝒜", orphaned=True), "checkWorthy": False, "id": "c10", "kind": "other",
              "verdict": "unverified", "via": ["src2"]},
             **meta(notes=[{"author": "ana", "created": T0, "id": "n4", "text": tricky[3]}])),
    ],
    "counters": {"a": 1, "c": 10, "m": 1, "n": 6, "pr": 1, "r": 1, "src": 2, "st": 1},
    "created": T0,
    "format": "claimdesk.session",
    "mentions": [dict({"anchor": anchor("a1", "Daily Courier"), "id": "m1", "source": "src2"}, **meta())],
    "modified": T1,
    "name": "bytes “fixture”",
    "propositions": [dict({"id": "pr1", "text": tricky[4]}, **meta(tags=["follow-up"]))],
    "relations": [dict({"from": "c1", "id": "r1", "to": "c2", "type": "contradicts"}, **meta())],
    "settings": {"baseURL": "https://desk.example/", "organization": "Desk \"One\"", "organizationURL": "https://desk.example"},
    "sources": [
        dict({"aliases": ["Courier", "DC"], "id": "src1", "kind": "outlet", "name": "The Daily Courier", "role": "newspaper"},
             **meta(notes=[{"author": "ana", "created": T0, "id": "n5", "text": tricky[5]}])),
        dict({"aliases": [], "id": "src2", "kind": "official", "name": tricky[6]}, **meta(review={"decisions": [], "status": "rejected", "textChanges": []})),
    ],
    "stances": [dict({"evidence": [anchor("a1", "answered")], "holder": "src1", "id": "st1", "label": "against", "target": "c1"},
                     **meta(notes=[{"author": "ana", "created": T0, "id": "n6", "text": "x"}]))],
    "taxonomy": {"claimKinds": ["factual", "opinion", "prediction", "other"],
                 "relationTypes": ["supports", "contradicts", "elaborates", "same-as"],
                 "sourceKinds": ["outlet", "official", "government", "agency", "organisation", "expert", "anonymous", "document", "other"],
                 "stanceLabels": ["favor", "against", "neutral", "unclear"],
                 "verdicts": ["unverified", "true", "mostly-true", "mixed", "misleading", "mostly-false", "false", "unsupported"]},
    "version": 2,
}

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "session-bytes.json"), "wb") as out:
    out.write((json.dumps(session, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))
