#!/usr/bin/env bash
# Store benchmark: release builds of claimdesk and of the benchmark, then the figures.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >/dev/null
swift build -c release --package-path "$root/Benchmarks" --product store-bench >/dev/null
"$root/Benchmarks/.build/release/store-bench" "$root/.build/release/claimdesk" "$@"
