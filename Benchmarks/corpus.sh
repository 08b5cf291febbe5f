#!/usr/bin/env bash
# Corpus benchmark: release builds of claimdesk and of the benchmark, then the figures.
#   Benchmarks/corpus.sh                 # 10,000 sessions x 100 annotations
#   Benchmarks/corpus.sh 1000 100        # 1,000 sessions x 100 annotations
#   FULL_BUILD=0 Benchmarks/corpus.sh    # keep the index of an earlier run: refreshes and questions only
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >/dev/null
swift build -c release --package-path "$root/Benchmarks" --product corpus-bench >/dev/null
"$root/Benchmarks/.build/release/corpus-bench" "$root/.build/release/claimdesk" "$@"
