#!/usr/bin/env bash
# `find` latency: the shell's fold-and-scan over about 1 MB of English news text
# (release build), best and median of several runs per query.
#
#   Benchmarks/find.sh [--runs N]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
echo "== building find-bench (release)"
swift build -c release --package-path "$here" --product find-bench
bin="$(swift build -c release --package-path "$here" --show-bin-path)/find-bench"
echo
"$bin" "$@"
