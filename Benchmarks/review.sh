#!/usr/bin/env bash
# Review benchmark: `claimdesk diff`, `claimdesk agree` and `claimdesk merge` on two sessions of 10,000 annotations.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >/dev/null
swift build -c release --package-path "$root/Benchmarks" --product review-bench >/dev/null
"$root/Benchmarks/.build/release/review-bench" "$root/.build/release/claimdesk" "$@"
