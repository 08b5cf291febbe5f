#!/usr/bin/env bash
# Re-anchoring benchmark: speed (release build, 10,000 anchors on a ~100 KB
# article after edits), then a side-by-side accuracy comparison with
# diff-match-patch and a re-implementation of the Hypothesis client's quote
# matching, on the hand-written corpus and on randomly edited copies of it.
# Set SKIP_COMPARE=1 to run the speed part only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
swift build -c release --product reanchor-bench >&2
"$(swift build -c release --show-bin-path)/reanchor-bench"

[ "${SKIP_COMPARE:-0}" = 1 ] && exit 0
(cd .. && swift build -c release --static-swift-stdlib --product claimdesk >&2)
claimdesk="$(cd .. && swift build -c release --show-bin-path)/claimdesk"
venv="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet diff-match-patch
"$venv/bin/python" "$here/compare/compare.py" --claimdesk "$claimdesk" \
    --corpus "$here/../Tests/ClaimDeskCoreTests/Fixtures/reanchor" "$@"
