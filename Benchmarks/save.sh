#!/usr/bin/env bash
# Save after one change in the real shell (release build): wall and CPU seconds of the first save
# after opening and of a second one, beside what writing and flushing a file of the same size
# costs the disk alone, and orjson's and Python json's dump of the same document.
#
#   Benchmarks/save.sh                 # 1k, 10k and 100k annotations
#   Benchmarks/save.sh 1000 10000      # other sizes
#   ROUNDS=9 Benchmarks/save.sh        # more rounds (medians; default 5)
#   CLAIMDESK=/path/to/claimdesk Benchmarks/save.sh   # another build of the binary (skips the build)
#
# Each round is a new shell over a session file written 0.3 s before (as a session saved
# earlier would be): list, `tag c1 benchsave`, a 2 s pause (an analyst's; the opened session is
# encoded in the background meanwhile, its CPU is printed apart), `save`, `tag c2 benchsave`,
# `save`. CPU is the shell's user + system time, all threads (/proc/PID/stat, 10 ms steps).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/claimdesk-save.XXXXXX")"
trap 'rm -rf "$work"' EXIT
sizes="${*:-1000 10000 100000}"

if [ -z "${CLAIMDESK:-}" ]; then
    swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >&2
fi
swift build -c release --package-path "$here" --product session-io-bench >&2
bin="${CLAIMDESK:-$root/.build/release/claimdesk}"
benches="$(swift build -c release --package-path "$here" --show-bin-path)"
python=python3
if ! python3 -c 'import orjson' 2>/dev/null; then
    python3 -m venv "$work/venv" >&2 && "$work/venv/bin/pip" install --quiet --disable-pip-version-check orjson >&2 \
        && python="$work/venv/bin/python"
fi
for size in $sizes; do
    "$benches/session-io-bench" --write "$size" "$work/bench.json"
    "$python" "$here/compare/save_after_change.py" "$bin" "$work/bench.json" "$size" "${ROUNDS:-5}"
done
