#!/usr/bin/env bash
# Web-page extraction benchmark: quality (text word-F1, metadata accuracy per field) on the
# generated evaluation pages, side by side with trafilatura and readability-lxml when a
# virtualenv with them is given (WEB_PEERS_PYTHON=/tmp/venv/bin/python), and speed in MB/s
# of HTML (release build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pages="$root/Benchmarks/web-pages/pages"
out=$(mktemp -d)
swift build -c release --package-path "$root/Benchmarks" --product web-bench >/dev/null
"$root/Benchmarks/.build/release/web-bench" "$pages" "$out/claimdesk" "${1:-5}"
systems=("claimdesk=$out/claimdesk")
if [ -n "${WEB_PEERS_PYTHON:-}" ]; then
  "$WEB_PEERS_PYTHON" "$root/Benchmarks/web-pages/peers.py" "$pages" "$out"
  [ -d "$out/trafilatura" ] && systems+=("trafilatura=$out/trafilatura")
  [ -d "$out/readability" ] && systems+=("readability=$out/readability")
fi
python3 "$root/Benchmarks/web-pages/score.py" "$pages" "${systems[@]}"
rm -rf "$out"
