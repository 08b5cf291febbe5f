#!/usr/bin/env bash
# Save after one change in the real shell (release build): wall and CPU seconds of the first save
# after opening and of a second one, beside what writing and flushing a file of the same size
# costs the disk alone, with orjson's and Python json's dump of the same document (CPU seconds).
#
#   Benchmarks/save.sh                 # 1k, 10k and 100k annotations
#   Benchmarks/save.sh 1000 10000      # other sizes
#   ROUNDS=9 Benchmarks/save.sh        # more rounds (median; default 5)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/claimdesk-save.XXXXXX")"
trap 'rm -rf "$work"' EXIT
sizes="${*:-1000 10000 100000}"

swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >&2
swift build -c release --package-path "$here" --product save-bench >&2
swift build -c release --package-path "$here" --product session-io-bench >&2
bin="${CLAIMDESK:-$root/.build/release/claimdesk}"
benches="$(swift build -c release --package-path "$here" --show-bin-path)"

echo "== claimdesk save after one change (median of rounds; CPU = the shell's user + system time)"
# shellcheck disable=SC2086
"$benches/save-bench" "$bin" $sizes

echo
echo "== Python json and orjson dump of the same documents (CPU s, best of 3)"
python=python3
if ! python3 -c 'import orjson' 2>/dev/null; then
    python3 -m venv "$work/venv" >&2 && "$work/venv/bin/pip" install --quiet --disable-pip-version-check orjson >&2 \
        && python="$work/venv/bin/python"
fi
for size in $sizes; do
    "$benches/session-io-bench" --write "$size" "$work/session.json"
    "$python" - "$work/session.json" "$size" <<'PY'
import json, sys, time
raw = open(sys.argv[1], "rb").read()
d = json.loads(raw)
def best(f, n=3):
    times = []
    for _ in range(n):
        t = time.process_time(); f(); times.append(time.process_time() - t)
    return min(times)
out = {"json_dump_s": best(lambda: json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False))}
try:
    import orjson
    out["orjson_dump_s"] = best(lambda: orjson.dumps(d, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
except ImportError:
    pass
print(f"RESULT size={sys.argv[2]} " + " ".join(f"{k}={v:.3f}" for k, v in out.items()))
PY
done
