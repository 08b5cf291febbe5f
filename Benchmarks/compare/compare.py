#!/usr/bin/env python3
"""Side-by-side re-anchoring accuracy: `claimdesk reanchor` against
diff-match-patch and a re-implementation of the Hypothesis client's quote
matching (approximate search, then the 50/20/20/2 quote/prefix/suffix/position
score, no threshold).

Two sets of cases:
  * the hand-written corpus in Tests/ClaimDeskCoreTests/Fixtures/reanchor
    (each case states its expected span or orphan);
  * randomly edited copies of the corpus articles: paragraphs inserted,
    deleted and moved, typos, word changes, inserted clauses, rewritten
    sentences, typographic changes, pull quotes (look-alikes) with the
    original edited. Every code point remembers where it came from; an
    annotation's expected span is that of its surviving code points, or an
    orphan when less than half of them survive.

Then, one kind of edit at a time (pull quotes verbatim and with the original corrected,
reordered paragraphs, deleted sentences whose words stand elsewhere, reworded endings,
boilerplate lines, and the basic edits above), on the corpus texts and on held-out articles
(Benchmarks/suggest-eval, docs/examples/harbor-talks.txt) the rules were never adjusted on:
one row per kind for claimdesk with counts, then all kinds together for every method.

For each method: right (same span, or orphan when expected), near (overlaps
the expected span), lost (orphaned though the text is there), wrong (placed
on other text, or placed although the text is gone).

Run through ../reanchor.sh, which installs diff-match-patch into a throw-away venv.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

from diff_match_patch import diff_match_patch

CONTEXT = 32


# ---------------------------------------------------------------- baselines

def myers_ends(text, pattern):
    """D[m][j] for every end j (1-based) of the best match of pattern ending there (Myers 1999, big-int bit vectors)."""
    m = len(pattern)
    peq = {}
    for i, c in enumerate(pattern):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    out = []
    for c in text:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        out.append(score)
    return out


def anchored_best(text, pattern):
    """(errors, length): the prefix of text that pattern fits best, aligned from text[0]."""
    m = len(pattern)
    row = list(range(len(text) + 1))
    for i in range(1, m + 1):
        prev, row = row, [i] + [0] * len(text)
        c = pattern[i - 1]
        for j in range(1, len(text) + 1):
            row[j] = min(prev[j - 1] + (text[j - 1] != c), prev[j] + 1, row[j - 1] + 1)
    best = min(range(len(row)), key=lambda j: (row[j], j))
    return row[best], best


def hypothesis_place(text, ann):
    """The Hypothesis client's way: position if the quote is still there, else the best-scoring approximate match."""
    exact, prefix, suffix, start = ann["exact"], ann["prefix"], ann["suffix"], ann.get("start")
    if start is not None and text[start:start + len(exact)] == exact:
        return (start, start + len(exact))
    if not exact:
        return None
    max_errors = min(256, len(exact) // 2)
    ends = myers_ends(text, exact)
    cands = []
    for j, d in enumerate(ends):
        if d <= max_errors and (j + 1 == len(ends) or ends[j + 1] >= d) and (j == 0 or ends[j - 1] > d):
            window = text[max(0, j + 1 - len(exact) - max_errors):j + 1][::-1]
            _, length = anchored_best(window, exact[::-1])
            cands.append((j + 1 - length, j + 1, d))
    if not cands:
        return None

    def context_score(window, s):
        if not s:
            return 1.0
        if not window:
            return 0.0
        return 1 - min(myers_ends(window, s)) / len(s)

    def score(c):
        s, e, d = c
        q = 1 - d / len(exact)
        p = context_score(text[max(0, s - len(prefix)):s], prefix)
        x = context_score(text[e:e + len(suffix)], suffix)
        pos = 1 - abs(s - start) / len(text) if start is not None else 1.0
        return (50 * q + 20 * p + 20 * x + 2 * pos) / 92

    best = max(cands, key=score)
    return (best[0], best[1])


def dmp_place(text, ann):
    """diff-match-patch: match_main (bitap with distance weighting) near the old position; long quotes by their ends."""
    dmp = diff_match_patch()
    exact = ann["exact"]
    loc = min(max(0, ann.get("start") or 0), len(text))
    if not exact:
        return None
    if len(exact) <= dmp.Match_MaxBits:
        s = dmp.match_main(text, exact, loc)
        return None if s < 0 else (s, s + len(exact))
    head, tail = exact[:dmp.Match_MaxBits], exact[-dmp.Match_MaxBits:]
    s = dmp.match_main(text, head, loc)
    if s < 0:
        return None
    t = dmp.match_main(text, tail, s + len(exact) - len(tail))
    return (s, s + len(exact)) if t < 0 or t < s else (s, t + len(tail))


def claimdesk_place(binary, text, anns):
    with tempfile.TemporaryDirectory() as d:
        items = []
        for i, a in enumerate(anns):
            sel = [{"type": "TextQuoteSelector", "exact": a["exact"], "prefix": a["prefix"], "suffix": a["suffix"]}]
            if a.get("start") is not None:
                sel.insert(0, {"type": "TextPositionSelector", "start": a["start"], "end": a["end"]})
            items.append({"id": f"a{i}", "type": "Annotation", "target": {"source": "urn:x", "selector": sel}})
        with open(os.path.join(d, "in.jsonld"), "w", encoding="utf-8") as f:
            json.dump({"type": "AnnotationCollection", "items": items}, f, ensure_ascii=False)
        with open(os.path.join(d, "new.txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        subprocess.run([binary, "reanchor", "in.jsonld", "--to", "new.txt", "-o", "out.jsonld", "--report", "r.jsonl"],
                       cwd=d, check=True, capture_output=True)
        lines = [json.loads(l) for l in open(os.path.join(d, "r.jsonl"), encoding="utf-8")]
        return [(l["start"], l["end"]) if l["status"] == "anchored" else None for l in lines]


# ---------------------------------------------------------------- cases

def annotation(old, s, e):
    return {"start": s, "end": e, "exact": old[s:e], "prefix": old[max(0, s - CONTEXT):s], "suffix": old[e:e + CONTEXT]}


def nth(hay, needle, n):
    at = -1
    for _ in range(n + 1):
        at = hay.index(needle, at + 1)
    return at


def corpus_cases(folder):
    for name in sorted(os.listdir(folder)):
        d = os.path.join(folder, name)
        old = open(os.path.join(d, "old.txt"), encoding="utf-8", newline="").read()
        new = open(os.path.join(d, "new.txt"), encoding="utf-8", newline="").read()
        cases = json.load(open(os.path.join(d, "cases.json"), encoding="utf-8"))["cases"]
        anns, want = [], []
        for c in cases:
            s = nth(old, c["quote"], c.get("occurrence", 0))
            anns.append(annotation(old, s, s + len(c["quote"])))
            if c.get("expect") is None:
                want.append(None)
            else:
                t = nth(new, c["expect"], c.get("expectOccurrence", 0))
                want.append((t, t + len(c["expect"])))
        yield name, new, anns, want


def split_paragraphs(units):
    paras, cur = [], []
    i = 0
    while i < len(units):
        if units[i][0] == "\n" and i + 1 < len(units) and units[i + 1][0] == "\n":
            paras.append(cur)
            cur = []
            i += 2
            continue
        cur.append(units[i])
        i += 1
    paras.append(cur)
    return [p for p in paras if p]


def fresh(s):
    return [(c, None) for c in s]


def synthetic_cases(folder, trials, seed):
    rng = random.Random(seed)
    texts = []
    for name in sorted(os.listdir(folder)):
        for f in ("old.txt", "new.txt"):
            texts.append(open(os.path.join(folder, name, f), encoding="utf-8", newline="").read().replace("\r\n", "\n"))
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?\"])\s+", t) if len(s) > 30]
    words = sorted({w for t in texts for w in re.findall(r"[A-Za-z]{3,}", t)})
    bases = texts[0::2]
    for trial in range(trials):
        old = rng.choice(bases)
        paras = split_paragraphs([(c, i) for i, c in enumerate(old)])
        ops = rng.choices(["insert", "delete", "move", "typo", "word", "clause", "rewrite", "typography", "pullquote"],
                          k=rng.randint(2, 5))
        for op in ops:
            if op not in ("rewrite", "pullquote"):
                apply_simple(rng, op, paras, sentences, words)
                continue
            p = rng.randrange(len(paras))
            para = paras[p]
            if op == "rewrite":
                text = "".join(c for c, _ in para)
                bounds = [0] + [m.end() for m in re.finditer(r"[.!?\"]\s+", text)] + [len(text)]
                k = rng.randrange(len(bounds) - 1)
                para[bounds[k]:bounds[k + 1]] = fresh(rng.choice(sentences) + " ")
            elif op == "pullquote":
                text = "".join(c for c, _ in para)
                bounds = [0] + [m.end() for m in re.finditer(r"[.!?\"]\s+", text)] + [len(text)]
                k = rng.randrange(len(bounds) - 1)
                copy = fresh(text[bounds[k]:bounds[k + 1]].strip())
                paras.insert(rng.randrange(len(paras) + 1), copy)
                # and the original sentence gets a correction
                seg = [i for i in range(bounds[k], bounds[k + 1]) if para[i][0].isalpha()]
                if seg:
                    para[rng.choice(seg)] = ("x", None)
        units = []
        for i, q in enumerate(paras):
            if i:
                units += fresh("\n\n")
            units += q
        new = "".join(c for c, _ in units)
        where = {o: n for n, (_, o) in enumerate(units) if o is not None}
        word_starts = [i for i in range(len(old)) if old[i].isalnum() and (i == 0 or not old[i - 1].isalnum())]
        anns, want = [], []
        while len(anns) < 10:
            i = rng.randrange(len(word_starts) - 16)
            s = word_starts[i]
            e = word_starts[i + rng.randint(1, 15)]
            while e > s and not old[e - 1].isalnum():
                e -= 1
            if "\n" in old[s:e] or e <= s:
                continue
            anns.append(annotation(old, s, e))
            kept = [where[o] for o in range(s, e) if o in where]
            want.append((min(kept), max(kept) + 1) if 2 * len(kept) >= e - s else None)
        yield f"trial{trial}", new, anns, want


# ---------------------------------------------------------------- edit kinds, one at a time

# Each kind is an edit real articles get, applied on its own (plus at most one small background
# edit) so that the accuracy can be read per kind. A kind returns the edited paragraphs and the
# old offsets it touched; half of a trial's annotations are drawn there, half anywhere.

BOILERPLATE = [
    "The ministry did not respond to a request for comment.",
    "The figures could not be independently verified.",
    "He spoke on condition of anonymity because he was not authorised to speak publicly.",
    "Additional reporting by the newsroom staff.",
    "The company did not immediately respond to a request for comment.",
]


def sentence_spans(text):
    bounds = [0] + [m.end() for m in re.finditer(r"[.!?\"\u201d]\s+", text)] + [len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def para_text(para):
    return "".join(c for c, _ in para)


def origins(units):
    return [o for _, o in units if o is not None]


def reword(rng, units, share, words):
    """Replaces about `share` of the words in `units` with others (at least one); the rest keep their origin."""
    text = "".join(c for c, _ in units)
    spans = [m.span() for m in re.finditer(r"[A-Za-z]+", text)]
    if not spans:
        return list(units)
    chosen = set(rng.sample(range(len(spans)), max(1, round(share * len(spans)))))
    out, at = [], 0
    for i, (a, b) in enumerate(spans):
        out += units[at:a]
        out += fresh(rng.choice(words)) if i in chosen else units[a:b]
        at = b
    return out + units[at:]


def pick_sentence(rng, paras, last=False, body=False):
    """(paragraph index, start, end) of a sentence of 25 code points or more, or None.
    `body`: not the headline (pull quotes are taken from the body)."""
    order = list(range(1 if body and len(paras) > 1 else 0, len(paras)))
    if last:
        order = order[-2:]
    rng.shuffle(order)
    for p in order:
        spans = [(a, b) for a, b in sentence_spans(para_text(paras[p])) if b - a >= 25]
        if spans:
            a, b = rng.choice(spans)
            while b > a and paras[p][b - 1][0].isspace():
                b -= 1
            return p, a, b
    return None


def kind_pullquote_verbatim(rng, old, paras, words):
    """A sentence repeated as a pull quote in a paragraph of its own; the original stays as it was."""
    found = pick_sentence(rng, paras, body=True)
    if not found:
        return paras, []
    p, a, b = found
    focus = origins(paras[p][a:b])
    paras.insert(rng.randrange(len(paras) + 1), fresh(para_text(paras[p][a:b])))
    return paras, focus


def kind_pullquote_edited(rng, old, paras, words):
    """A sentence repeated as a pull quote while the original gets a correction (one or two words)."""
    found = pick_sentence(rng, paras, body=True)
    if not found:
        return paras, []
    p, a, b = found
    focus = origins(paras[p][a:b])
    copy = fresh(para_text(paras[p][a:b]))
    letters = [i for i in range(a, b) if paras[p][i][0].isalpha()]
    for i in rng.sample(letters, min(len(letters), rng.randint(1, 2))):
        paras[p][i] = (rng.choice("aeiourst"), None)
    paras.insert(rng.randrange(len(paras) + 1), copy)
    return paras, focus


def kind_reorder(rng, old, paras, words):
    """Three to five neighbouring paragraphs put in another order."""
    if len(paras) < 3:
        return paras, []
    n = min(len(paras), rng.randint(3, 5))
    at = rng.randrange(len(paras) - n + 1)
    block = paras[at:at + n]
    order = list(range(n))
    while order == sorted(order):
        rng.shuffle(order)
    paras[at:at + n] = [block[i] for i in order]
    return paras, [o for q in block for o in origins(q)]


def kind_delete_recurring(rng, old, paras, words):
    """A sentence whose words stand elsewhere (repeated verbatim or with a word or two changed,
    as a lede repeats a later quote) is deleted; the other one stays."""
    found = pick_sentence(rng, paras)
    if not found:
        return paras, []
    p, a, b = found
    sentence = para_text(paras[p][a:b])
    variant = sentence if rng.random() < 0.25 else para_text(reword(rng, fresh(sentence), 0.12, words))
    # The repetition is part of the old text (it was there when the annotations were made).
    q = rng.choice([i for i in range(len(paras)) if i != p] or [p])
    return ("setup", p, a, b, q, variant)


def kind_reword_end(rng, old, paras, words):
    """A quote in the last two paragraphs reworded (a fifth to two fifths of its words)."""
    found = pick_sentence(rng, paras, last=True)
    if not found:
        return paras, []
    p, a, b = found
    focus = origins(paras[p][a:b])
    paras[p][a:b] = reword(rng, paras[p][a:b], rng.uniform(0.2, 0.4), words)
    return paras, focus


def kind_boilerplate(rng, old, paras, words):
    """One boilerplate sentence closes several paragraphs (look-alikes); one of its paragraphs is
    deleted, one copy is reworded, or the paragraphs are moved."""
    return ("boilerplate",)


SIMPLE_KINDS = ["insert", "delete", "move", "typo", "word", "clause", "rewrite", "typography"]
KINDS = {
    "pullquote-verbatim": kind_pullquote_verbatim,
    "pullquote-edited": kind_pullquote_edited,
    "reorder": kind_reorder,
    "delete-recurring": kind_delete_recurring,
    "reword-end": kind_reword_end,
    "boilerplate": kind_boilerplate,
}


def apply_simple(rng, op, paras, sentences, words):
    """One of the basic edits (insert, delete, move, typo, word, clause, rewrite, typography), as
    `synthetic_cases` and the edit kinds both apply them; returns the old offsets it touched."""
    p = rng.randrange(len(paras))
    para = paras[p]
    starts = [i for i in range(len(para)) if para[i][0].isalpha() and (i == 0 or not para[i - 1][0].isalnum())]
    if op == "insert":
        paras.insert(rng.randrange(len(paras) + 1), fresh(" ".join(rng.sample(sentences, 2))))
        return []
    if op == "delete" and len(paras) > 3:
        gone = origins(paras[p])
        del paras[p]
        return gone
    if op == "move" and len(paras) > 2:
        moved = paras.pop(p)
        paras.insert(rng.randrange(len(paras) + 1), moved)
        return origins(moved)
    if op in ("typo", "word", "clause") and starts:
        w = rng.choice(starts)
        e = w
        while e < len(para) and para[e][0].isalpha():
            e += 1
        touched = origins(para[max(0, w - 40):e + 40])
        if op == "typo" and e - w > 3:
            k = rng.randrange(w + 1, e)
            para[k:k + 1] = rng.choice([[], fresh(rng.choice("aeiourst")), fresh(para[k][0] * 2)])
        elif op == "word":
            para[w:e] = fresh(rng.choice(words))
        elif op == "clause":
            para[e:e] = fresh(rng.choice([", officials said,", " on Tuesday", ", according to the report,", " again"]))
        return touched
    if op == "rewrite":
        spans = sentence_spans(para_text(para))
        a, b = rng.choice(spans)
        touched = origins(para[max(0, a - 40):b + 40])
        para[a:b] = fresh(rng.choice(sentences) + " ")
        return touched
    if op == "typography":
        for q in paras:
            opened = True
            for i, (c, o) in enumerate(q):
                if c == '"':
                    q[i] = ("\u201c" if opened else "\u201d", o)
                    opened = not opened
                elif c == "'":
                    q[i] = ("\u2019", o)
                elif c == "-" and 0 < i < len(q) - 1 and q[i - 1][0] == " " and q[i + 1][0] == " ":
                    q[i] = ("\u2014", o)
        return [o for q in paras for o, (c, _) in zip(origins(q), q) if c in "\u201c\u201d\u2019\u2014"]
    return []


def join_paras(paras):
    units = []
    for i, q in enumerate(paras):
        if i:
            units += fresh("\n\n")
        units += q
    return units


def draw_annotations(rng, old, units, focus, count=10):
    where = {o: n for n, (_, o) in enumerate(units) if o is not None}
    word_starts = [i for i in range(len(old)) if old[i].isalnum() and (i == 0 or not old[i - 1].isalnum())]
    focus_set = set(focus)
    focus_starts = [k for k, i in enumerate(word_starts) if i in focus_set]
    ends = word_starts + [len(old)]  # a span may run to the end of the text
    anns, want = [], []
    tries = 0
    while len(anns) < count and tries < 1000:
        tries += 1
        pool = focus_starts if focus_starts and len(anns) % 2 == 0 else range(len(word_starts))
        i = rng.choice(pool)
        s = word_starts[i]
        e = ends[min(len(word_starts), i + rng.randint(1, 15))]
        while e > s and not old[e - 1].isalnum():
            e -= 1
        if "\n" in old[s:e] or e <= s:
            continue
        anns.append(annotation(old, s, e))
        kept = [where[o] for o in range(s, e) if o in where]
        want.append((min(kept), max(kept) + 1) if 2 * len(kept) >= e - s else None)
        # Where what is left of a mostly rewritten passage stands (for telling "placed on its
        # rewritten remains" from "placed on other text").
        anns[-1]["remains"] = (min(kept), max(kept) + 1) if kept else None
    return anns, want


def kind_cases(texts, kind, trials, seed, pool):
    """Trials of one edit kind on the given articles, each with at most one small background edit."""
    rng = random.Random(f"{seed}:{kind}")
    sentences = [s for t in pool for s in re.split(r"(?<=[.!?\"])\s+", t) if len(s) > 30]
    words = sorted({w for t in pool for w in re.findall(r"\b[a-z]{3,}\b", t)})
    for trial in range(trials):
        old = rng.choice(texts)
        paras = split_paragraphs([(c, i) for i, c in enumerate(old)])
        if kind in KINDS:
            result = KINDS[kind](rng, old, paras, words)
            if isinstance(result, tuple) and result and result[0] == "setup":
                # Put the repetition into the old text, annotate, then delete the first sentence.
                _, p, a, b, q, variant = result
                plain = [para_text(x) for x in paras]
                plain[q] = plain[q].rstrip() + " " + variant
                old = "\n\n".join(plain)
                paras = split_paragraphs([(c, i) for i, c in enumerate(old)])
                focus = origins(paras[p][a:b])
                if rng.random() < 0.5 and len(paras) > 3:
                    del paras[p]
                else:
                    end = b
                    while end < len(paras[p]) and paras[p][end][0].isspace():
                        end += 1
                    del paras[p][a:end]
            elif isinstance(result, tuple) and result and result[0] == "boilerplate":
                line = rng.choice(BOILERPLATE)
                targets = rng.sample(range(len(paras)), min(len(paras), rng.randint(2, 3)))
                plain = [para_text(x) for x in paras]
                for t in targets:
                    plain[t] = plain[t].rstrip() + " " + line
                old = "\n\n".join(plain)
                paras = split_paragraphs([(c, i) for i, c in enumerate(old)])
                focus = []
                for t in targets:
                    at = para_text(paras[t]).rindex(line)
                    focus += origins(paras[t][at:at + len(line)])
                t = rng.choice(targets)
                at = para_text(paras[t]).rindex(line)
                what = rng.choice(["delete", "reword", "move"])
                if what == "delete" and len(paras) > 3:
                    del paras[t]
                elif what == "reword":
                    paras[t][at:at + len(line)] = reword(rng, paras[t][at:at + len(line)], 0.3, words)
                else:
                    paras.insert(rng.randrange(len(paras) + 1), paras.pop(t))
            else:
                paras, focus = result
        else:
            focus = apply_simple(rng, kind, paras, sentences, words)
        if rng.random() < 0.5:
            apply_simple(rng, rng.choice(["insert", "typo", "word", "clause", "typography"]), paras, sentences, words)
        units = join_paras(paras)
        new = "".join(c for c, _ in units)
        anns, want = draw_annotations(rng, old, units, focus)
        yield f"{kind}{trial}", new, anns, want


def held_out_texts(root):
    """Articles the re-anchoring rules were never adjusted on: the suggestion evaluation set's
    English articles and the sample article."""
    texts = []
    data = json.load(open(os.path.join(root, "Benchmarks", "suggest-eval", "articles.json"), encoding="utf-8"))
    for a in data["articles"]:
        if re.search(r"[A-Za-z]{3}", a["text"]) and a["text"].count("\n\n") >= 3:
            texts.append(a["text"].replace("\r\n", "\n"))
    texts.append(open(os.path.join(root, "docs", "examples", "harbor-talks.txt"), encoding="utf-8", newline="").read().replace("\r\n", "\n"))
    return texts


def corpus_texts(folder):
    return [open(os.path.join(folder, name, "old.txt"), encoding="utf-8", newline="").read().replace("\r\n", "\n")
            for name in sorted(os.listdir(folder))]


# ---------------------------------------------------------------- scoring

def judge(got, want):
    if got is None:
        return "right" if want is None else "lost"
    if want is None:
        return "wrong"
    if tuple(got) == tuple(want):
        return "right"
    return "near" if got[0] < want[1] and want[0] < got[1] else "wrong"


def run(title, cases, binary, show):
    tally = {m: {"right": 0, "near": 0, "lost": 0, "wrong": 0} for m in ("claimdesk", "diff-match-patch", "hypothesis")}
    total = 0
    for name, new, anns, want in cases:
        results = {
            "claimdesk": claimdesk_place(binary, new, anns),
            "diff-match-patch": [dmp_place(new, a) for a in anns],
            "hypothesis": [hypothesis_place(new, a) for a in anns],
        }
        total += len(anns)
        for method, got in results.items():
            for i, (g, w) in enumerate(zip(got, want)):
                verdict = judge(g, w)
                tally[method][verdict] += 1
                if show and method == "claimdesk" and verdict in ("wrong", "near"):
                    print(f"  {name} #{i} {verdict}: quote {anns[i]['exact']!r} got "
                          f"{new[g[0]:g[1]]!r} want {new[w[0]:w[1]] if w else None!r}", file=sys.stderr)
    print(f"\n{title}: {total} annotations")
    print(f"  {'method':<18} {'right':>8} {'near':>8} {'lost':>8} {'wrong':>8}")
    for method, t in tally.items():
        cells = "".join(f" {100 * t[k] / total:7.2f}%" for k in ("right", "near", "lost", "wrong"))
        print(f"  {method:<18}{cells}")


def run_kinds(title, texts, pool, binary, trials, seed, show, kinds):
    """One row per edit kind for claimdesk (counts), then all kinds together for every method."""
    overall = {m: {"right": 0, "near": 0, "lost": 0, "wrong": 0} for m in ("claimdesk", "diff-match-patch", "hypothesis")}
    total = 0
    print(f"\n{title}: {len(texts)} articles, {trials} trials of each kind, 10 annotations a trial")
    print(f"  {'kind (claimdesk)':<20} {'n':>5} {'right':>8} {'near':>6} {'lost':>6} {'wrong':>6} {'(remains)':>9} {'orphaned':>9}")
    for kind in kinds:
        t = {"right": 0, "near": 0, "lost": 0, "wrong": 0, "remains": 0, "orphaned": 0}
        n = 0
        for name, new, anns, want in kind_cases(texts, kind, trials, seed, pool):
            results = {
                "claimdesk": claimdesk_place(binary, new, anns),
                "diff-match-patch": [dmp_place(new, a) for a in anns],
                "hypothesis": [hypothesis_place(new, a) for a in anns],
            }
            n += len(anns)
            for method, got in results.items():
                for i, (g, w) in enumerate(zip(got, want)):
                    verdict = judge(g, w)
                    overall[method][verdict] += 1
                    if method != "claimdesk":
                        continue
                    t[verdict] += 1
                    t["orphaned"] += g is None
                    r = anns[i]["remains"]
                    t["remains"] += verdict == "wrong" and w is None and r is not None and g[0] < r[1] and r[0] < g[1]
                    if show and verdict in ("wrong", "lost"):
                        print(f"  {name} #{i} {verdict}: quote {anns[i]['exact']!r} at {anns[i]['start']} got "
                              f"{new[g[0]:g[1]] if g else None!r} at {g} want {new[w[0]:w[1]] if w else None!r} at {w}",
                              file=sys.stderr)
        total += n
        print(f"  {kind:<20} {n:>5} {100 * t['right'] / n:7.2f}% {t['near']:>6} {t['lost']:>6} {t['wrong']:>6} {t['remains']:>9} {t['orphaned']:>9}")
    print(f"  {'all kinds':<20} {'':>5} {'right':>8} {'near':>8} {'lost':>8} {'wrong':>8}")
    for method, t in overall.items():
        cells = "".join(f" {100 * t[k] / total:7.2f}%" for k in ("right", "near", "lost", "wrong"))
        print(f"  {method:<20}{cells}   (wrong: {t['wrong']} of {total})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--claimdesk", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--trials", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--kind-trials", type=int, default=60, help="trials of each edit kind on each set of articles (0: skip)")
    ap.add_argument("--only", choices=["corpus", "mixed", "kinds"], help="run one part only")
    ap.add_argument("--kinds", help="comma-separated edit kinds to run (default: all)")
    ap.add_argument("--show", action="store_true", help="print claimdesk's wrong and near (or lost, by kind) placements")
    ap.add_argument("--dump", help="write the synthetic trial of this name (e.g. trial12, reorder3) to the current folder and stop")
    a = ap.parse_args()
    root = os.path.normpath(os.path.join(a.corpus, "..", "..", "..", ".."))
    dev, held = corpus_texts(a.corpus), held_out_texts(root)
    if a.dump:
        generators = [synthetic_cases(a.corpus, a.trials, a.seed)]
        generators += [kind_cases(texts, k, a.kind_trials, a.seed + i, texts) for i, texts in enumerate((dev, held))
                       for k in list(KINDS) + SIMPLE_KINDS]
        for cases in generators:
            for name, new, anns, want in cases:
                if name == a.dump:
                    open("new.txt", "w", encoding="utf-8", newline="").write(new)
                    json.dump({"annotations": anns, "expected": want}, open("trial.json", "w"), ensure_ascii=False, indent=1)
                    return
        return
    print("right: same span as expected (or orphaned when the text is gone); near: overlaps it;")
    print("lost: orphaned though the text is there; wrong: placed on other text, or placed though the text is gone")
    if a.only in (None, "corpus"):
        run("hand-written corpus", corpus_cases(a.corpus), a.claimdesk, a.show)
    if a.only in (None, "mixed"):
        run(f"randomly edited corpus articles (seed {a.seed})", synthetic_cases(a.corpus, a.trials, a.seed), a.claimdesk, a.show)
    if a.only in (None, "kinds") and a.kind_trials > 0:
        kinds = a.kinds.split(",") if a.kinds else list(KINDS) + SIMPLE_KINDS
        run_kinds("edit kinds, corpus articles", dev, dev, a.claimdesk, a.kind_trials, a.seed, a.show, kinds)
        run_kinds("edit kinds, held-out articles (suggest-eval set, sample article)", held, held, a.claimdesk,
                  a.kind_trials, a.seed + 1, a.show, kinds)


if __name__ == "__main__":
    main()
