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
            p = rng.randrange(len(paras))
            para = paras[p]
            starts = [i for i in range(len(para)) if para[i][0].isalpha() and (i == 0 or not para[i - 1][0].isalnum())]
            if op == "insert":
                paras.insert(rng.randrange(len(paras) + 1), fresh(" ".join(rng.sample(sentences, 2))))
            elif op == "delete" and len(paras) > 3:
                del paras[p]
            elif op == "move" and len(paras) > 2:
                paras.insert(rng.randrange(len(paras)), paras.pop(p))
            elif op in ("typo", "word", "clause") and starts:
                w = rng.choice(starts)
                e = w
                while e < len(para) and para[e][0].isalpha():
                    e += 1
                if op == "typo" and e - w > 3:
                    k = rng.randrange(w + 1, e)
                    para[k:k + 1] = rng.choice([[], fresh(rng.choice("aeiourst")), fresh(para[k][0] * 2)])
                elif op == "word":
                    para[w:e] = fresh(rng.choice(words))
                elif op == "clause":
                    para[e:e] = fresh(rng.choice([", officials said,", " on Tuesday", ", according to the report,", " again"]))
            elif op == "rewrite":
                text = "".join(c for c, _ in para)
                bounds = [0] + [m.end() for m in re.finditer(r"[.!?\"]\s+", text)] + [len(text)]
                k = rng.randrange(len(bounds) - 1)
                para[bounds[k]:bounds[k + 1]] = fresh(rng.choice(sentences) + " ")
            elif op == "typography":
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--claimdesk", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--trials", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", action="store_true", help="print claimdesk's wrong and near placements")
    ap.add_argument("--dump", help="write the synthetic trial of this name (e.g. trial12) to the current folder and stop")
    a = ap.parse_args()
    if a.dump:
        for name, new, anns, want in synthetic_cases(a.corpus, a.trials, a.seed):
            if name == a.dump:
                open("new.txt", "w", encoding="utf-8", newline="").write(new)
                json.dump({"annotations": anns, "expected": want}, open("trial.json", "w"), ensure_ascii=False, indent=1)
                return
        return
    print("right: same span as expected (or orphaned when the text is gone); near: overlaps it;")
    print("lost: orphaned though the text is there; wrong: placed on other text, or placed though the text is gone")
    run("hand-written corpus", corpus_cases(a.corpus), a.claimdesk, a.show)
    run(f"randomly edited corpus articles (seed {a.seed})", synthetic_cases(a.corpus, a.trials, a.seed), a.claimdesk, a.show)


if __name__ == "__main__":
    main()
