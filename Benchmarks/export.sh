#!/usr/bin/env bash
# Export benchmark: release builds of claimdesk and of the benchmark, then CPU seconds and peak
# memory of every export format at 1k, 10k and 100k annotations (or the sizes given).
#
#   Benchmarks/export.sh              # 1000 10000 100000
#   Benchmarks/export.sh 1000 10000   # smaller sizes only
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >/dev/null
swift build -c release --package-path "$root/Benchmarks" --product export-bench >/dev/null
"$root/Benchmarks/.build/release/export-bench" "${CLAIMDESK:-$root/.build/release/claimdesk}" "$@"
