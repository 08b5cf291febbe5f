#!/usr/bin/env bash
# Segmentation accuracy on our Arabic, Persian, Urdu and English cases and on the public
# Golden Rules for Arabic, Persian and Urdu (Benchmarks/golden-rules/).
#
#   Benchmarks/segment-accuracy.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
echo "== building segment-accuracy (release)"
swift build -c release --package-path "$here" --product segment-accuracy
"$(swift build -c release --package-path "$here" --show-bin-path)/segment-accuracy"
