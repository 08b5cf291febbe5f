#!/usr/bin/env bash
# Sentence segmentation speed: ClaimDesk's SentenceSegmenter (release build) on 1 MB
# and 10 MB of news-like text, and pySBD on the same 1 MB, with the ratio.
#
#   Benchmarks/segment.sh [--runs N]
#
# pySBD is installed with pip into a throw-away virtualenv in a temporary
# folder, removed on exit. Set PYSBD_SKIP=1 to time only ClaimDesk.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/claimdesk-segment-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== building segment-bench (release)"
swift build -c release --package-path "$here" --product segment-bench
bin="$(swift build -c release --package-path "$here" --show-bin-path)/segment-bench"

echo
echo "== ClaimDesk"
"$bin" --write-1mb "$work/news-1mb.txt" "$@" | tee "$work/ours.txt"
ours_line="$(grep '^RESULT ' "$work/ours.txt")"
ours_mbps="$(sed -n 's/.*ours_1mb_mb_per_s=\([0-9.]*\).*/\1/p' <<<"$ours_line")"
ours_10mbps="$(sed -n 's/.*ours_10mb_mb_per_s=\([0-9.]*\).*/\1/p' <<<"$ours_line")"
ours_sentences="$(sed -n 's/.*ours_1mb_sentences=\([0-9]*\).*/\1/p' <<<"$ours_line")"

if [[ "${PYSBD_SKIP:-0}" == "1" ]]; then
    echo "pySBD skipped (PYSBD_SKIP=1)"
    exit 0
fi

echo
echo "== pySBD (throw-away virtualenv in $work)"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pysbd
"$work/venv/bin/python" - "$work/news-1mb.txt" <<'PY' | tee "$work/pysbd.txt"
import sys, time
import pysbd
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
size = len(text.encode("utf-8"))
# pySBD is given one paragraph at a time (as its own benchmark feeds it lines);
# on the whole megabyte as one string it is slower still.
paragraphs = [p for p in text.split("\n\n") if p.strip()]
segmenter = pysbd.Segmenter(language="en", clean=False)
start = time.perf_counter()
sentences = sum(len(segmenter.segment(p)) for p in paragraphs)
seconds = time.perf_counter() - start
print(f"pySBD {pysbd.__version__ if hasattr(pysbd, '__version__') else ''}: {size} bytes, "
      f"{len(paragraphs)} paragraphs, {sentences} sentences in {seconds:.2f} s, {size / 1e6 / seconds:.3f} MB/s")
print(f"RESULT pysbd_mb_per_s={size / 1e6 / seconds:.4f} pysbd_seconds={seconds:.3f} pysbd_sentences={sentences}")
PY
pysbd_mbps="$(sed -n 's/.*pysbd_mb_per_s=\([0-9.]*\).*/\1/p' "$work/pysbd.txt")"
pysbd_sentences="$(sed -n 's/.*pysbd_sentences=\([0-9]*\).*/\1/p' "$work/pysbd.txt")"

echo
echo "== summary (same 1 MB of text)"
python3 - "$ours_mbps" "$ours_10mbps" "$pysbd_mbps" "$ours_sentences" "$pysbd_sentences" <<'PY'
import sys
ours, ours10, pysbd, ours_n, pysbd_n = map(float, sys.argv[1:])
print(f"ClaimDesk: {ours:8.2f} MB/s at 1 MB, {ours10:.2f} MB/s at 10 MB ({ours_n:.0f} sentences in the 1 MB)")
print(f"pySBD:     {pysbd:8.3f} MB/s at 1 MB ({pysbd_n:.0f} sentences)")
print(f"ratio:     ClaimDesk is {ours / pysbd:.0f}x faster than pySBD")
PY
