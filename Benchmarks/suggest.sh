#!/usr/bin/env bash
# Attribution suggestions: precision, recall and F1 on the hand-annotated set in
# Benchmarks/suggest-eval/ (dev and held-out test splits, rules beside a regex baseline),
# then speed on a 5,000-word article and MB/s on a large text.
#
#   Benchmarks/suggest.sh [--details]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
echo "== building suggest-bench (release)"
swift build -c release --package-path "$here" --product suggest-bench
"$(swift build -c release --package-path "$here" --show-bin-path)/suggest-bench" "$here/suggest-eval/articles.json" "$@"
