#!/usr/bin/env bash
# Start-up benchmark: release builds of claimdesk and of the benchmark, then the figures.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >/dev/null
swift build -c release --package-path "$root/Benchmarks" --product startup-bench >/dev/null
"$root/Benchmarks/.build/release/startup-bench" "$root/.build/release/claimdesk" "$root/docs/examples/harbor-talks.txt" "${1:-20}"
