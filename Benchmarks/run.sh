#!/usr/bin/env bash
# Every figure of the scale goals in one table, release builds, peers side by side.
#
#   Benchmarks/run.sh            # sessions of 1k, 10k and 100k annotations (about 10 minutes)
#   QUICK=1 Benchmarks/run.sh    # 1k and 10k only
#   CLAIMDESK=/path/to/claimdesk Benchmarks/run.sh   # measure another build of the binary
#
# Peers: Python's json and orjson (system python), sqlite3 and python3 start-up (if installed);
# sentencex, blingfire and pySBD are pip-installed into a throw-away virtualenv under /tmp that
# is removed on exit (a peer that does not install is reported as such).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/claimdesk-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
sizes="1000 10000 100000"
[ "${QUICK:-0}" = 1 ] && sizes="1000 10000"

echo "== building (release)" >&2
swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >&2
swift build -c release --package-path "$here" >&2
bin="${CLAIMDESK:-$root/.build/release/claimdesk}"
benches="$(swift build -c release --package-path "$here" --show-bin-path)"
results="$work/results.txt"
: > "$results"

echo "== sessions: commands, open, save, exports, Python json/orjson ($sizes)" >&2
# shellcheck disable=SC2086
"$benches/scale-bench" "$bin" $sizes | tee -a "$results" >&2

echo "== session document in process: encode, encode after one change (cached), decode" >&2
# shellcheck disable=SC2086
"$benches/session-io-bench" $sizes | tee "$work/session-io.txt" >&2
grep '^RESULT' "$work/session-io.txt" >> "$results"

echo "== exports: CPU seconds per format, net of opening the session, and peak RSS" >&2
# shellcheck disable=SC2086
"$benches/export-bench" "$bin" $sizes >&2

echo "== start-up" >&2
"$benches/startup-bench" "$bin" "$root/docs/examples/harbor-talks.txt" 20 | tee "$work/startup.txt" >&2
python3 - "$work/startup.txt" >> "$results" <<'PY'
import re, shutil, subprocess, sys, time, statistics
text = open(sys.argv[1]).read()
m = re.search(r"median ([0-9.]+) ms", text)
out = {"startup_ms": m.group(1) if m else "-"}
def median_ms(cmd):
    times = []
    for _ in range(20):
        t = time.perf_counter(); subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL); times.append(time.perf_counter() - t)
    return f"{statistics.median(times) * 1000:.1f}"
out["sqlite3_startup_ms"] = median_ms(["sqlite3", ":memory:", ".quit"]) if shutil.which("sqlite3") else "not-installed"
out["python_startup_ms"] = median_ms(["python3", "-q", "-c", "pass"])
print("RESULT " + " ".join(f"{k}={v}" for k, v in out.items()))
PY

echo "== segmentation: claimdesk segment on 10 MB of news, end to end" >&2
"$benches/segment-bench" --write-1mb "$work/news-1mb.txt" --runs 3 > "$work/segment-bench.txt"
grep '^RESULT' "$work/segment-bench.txt" | sed 's/^RESULT /RESULT /' >> "$results"
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$work/news-1mb.txt"; printf '\n\n'; done > "$work/news-10mb.txt"
python3 - "$bin" "$work/news-10mb.txt" >> "$results" <<'PY'
import os, subprocess, sys, time
binary, path = sys.argv[1], sys.argv[2]
size = os.path.getsize(path)
out = {}
import resource
def seconds(fmt):
    """Wall and CPU (user + system) seconds of one run: on a shared machine the CPU time is the steadier."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([binary, "segment", path, "--format", fmt], stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
for fmt in ("text", "jsonl"):
    runs = [seconds(fmt) for _ in range(3)]
    out[f"segment_{fmt}_mb_per_s"] = f"{size / 1e6 / min(r[0] for r in runs):.1f}"
    out[f"segment_{fmt}_cpu_mb_per_s"] = f"{size / 1e6 / min(r[1] for r in runs):.1f}"
r = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "segment", path, "--format", "jsonl"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
out["segment_peak_mb"] = f"{int(r.stderr.strip().splitlines()[-1]) / 1024:.0f}"
print("RESULT " + " ".join(f"{k}={v}" for k, v in out.items()))
PY

echo "== segmentation peers (throw-away virtualenv)" >&2
venv="$work/venv"
peers=""
if python3 -m venv "$venv" >&2; then
    # blingfire imports numpy without declaring it.
    for package in sentencex "blingfire numpy" pysbd; do
        # shellcheck disable=SC2086
        if "$venv/bin/pip" install --quiet --disable-pip-version-check $package >&2; then
            peers="$peers ${package%% *}"
        else
            echo "RESULT peer_${package%% *}=did-not-install" >> "$results"
        fi
    done
    # shellcheck disable=SC2086
    "$venv/bin/python" - "$work/news-10mb.txt" "$work/news-1mb.txt" $peers >> "$results" <<'PY' || true
import sys, time
big, small, peers = sys.argv[1], sys.argv[2], sys.argv[3:]
out = {}
def rate(path, split):
    text = open(path, encoding="utf-8").read()
    t = time.perf_counter(); split(text); s = time.perf_counter() - t
    return f"{len(text.encode('utf-8')) / 1e6 / s:.2f}"
def peer(name, measure):
    try:
        out[f"peer_{name}_mb_per_s"] = measure()
    except Exception as error:  # a peer that installs but does not run is reported, not fatal
        out[f"peer_{name}"] = "failed:" + type(error).__name__
if "sentencex" in peers:
    def sentencex_rate():
        from sentencex import segment
        return rate(big, lambda text: sum(1 for _ in segment("en", text)))
    peer("sentencex", sentencex_rate)
if "blingfire" in peers:
    def blingfire_rate():
        import blingfire
        return rate(big, lambda text: blingfire.text_to_sentences(text))
    peer("blingfire", blingfire_rate)
if "pysbd" in peers:
    def pysbd_rate():
        import pysbd
        seg = pysbd.Segmenter(language="en", clean=False)
        return rate(small, lambda text: [seg.segment(p) for p in text.split("\n\n") if p.strip()])
    peer("pysbd", pysbd_rate)
print("RESULT " + " ".join(f"{k}={v}" for k, v in out.items()))
PY
else
    echo "RESULT peer_venv=could-not-create" >> "$results"
fi

echo "== re-anchoring: 1 MB article, 10,000 annotations" >&2
"$benches/reanchor-bench" 1000000 | tee "$work/reanchor.txt" >&2
grep '^RESULT' "$work/reanchor.txt" >> "$results"

python3 "$here/compare/table.py" "$results"
