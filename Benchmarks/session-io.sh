#!/usr/bin/env bash
# Session document read and write in process (release build), with Python's json and orjson on
# the same files, all in CPU seconds (best of three: the steadier figure on a shared machine),
# and the peak memory of reading and of reading then writing each file once.
#
#   Benchmarks/session-io.sh                 # 1k, 10k and 100k annotations
#   Benchmarks/session-io.sh 1000 10000      # other sizes
#
# orjson comes from the system python if it has it, else from a throw-away virtualenv under /tmp.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/claimdesk-sessionio.XXXXXX")"
trap 'rm -rf "$work"' EXIT
sizes="${*:-1000 10000 100000}"

swift build -c release --package-path "$here" --product session-io-bench >&2
bench="$(swift build -c release --package-path "$here" --show-bin-path)/session-io-bench"
python=python3
if ! python3 -c 'import orjson' 2>/dev/null; then
    python3 -m venv "$work/venv" >&2 && "$work/venv/bin/pip" install --quiet --disable-pip-version-check orjson >&2 \
        && python="$work/venv/bin/python"
fi

echo "== ClaimDesk, in process (CPU ms, best of 3)"
# shellcheck disable=SC2086
"$bench" $sizes

echo
echo "== Python json and orjson on the same files (CPU ms, best of 3; peak MB of load, and of load then dump)"
printf '%11s %6s %10s %10s %12s %12s %10s %10s %10s %10s\n' annotations MB json-load json-dump orjson-load orjson-dump \
    cd-peak-MB cd-rw-MB orj-peak-MB orj-rw-MB
for size in $sizes; do
    file="$work/session-$size.json"
    "$bench" --write "$size" "$file"
    peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
    cd_read=$(peak "$bench" --decode "$file")
    cd_rw=$(peak "$bench" --roundtrip "$file")
    orj_read=$(peak "$python" -c 'import orjson, sys; orjson.loads(open(sys.argv[1], "rb").read())' "$file")
    orj_rw=$(peak "$python" -c 'import orjson, sys; orjson.dumps(orjson.loads(open(sys.argv[1], "rb").read()), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)' "$file")
    "$python" - "$file" "$size" "$cd_read" "$cd_rw" "$orj_read" "$orj_rw" <<'PY'
import json, os, sys, time
path, size, peaks = sys.argv[1], int(sys.argv[2]), [int(x) / 1024 for x in sys.argv[3:]]
raw = open(path, "rb").read()
def best(f, n=3):
    times = []
    for _ in range(n):
        t = time.process_time(); f(); times.append(time.process_time() - t)
    return min(times) * 1000
d = json.loads(raw)
figures = [best(lambda: json.loads(raw)), best(lambda: json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False))]
try:
    import orjson
    figures += [best(lambda: orjson.loads(raw)), best(lambda: orjson.dumps(d, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))]
except ImportError:
    figures += [float("nan"), float("nan")]
print("%11d %6.1f %10.1f %10.1f %12.1f %12.1f %10.0f %10.0f %10.0f %10.0f" % ((size, len(raw) / 1048576) + tuple(figures) + tuple(peaks)))
PY
done
