#!/usr/bin/env bash
# Keystrokes and commands to annotate the shipped sample article by hand and with suggestions
# (issue 14, item 7). The two scripts are in Benchmarks/keystrokes/; both must give the same
# annotation, and the suggestion flow must take at most half the keystrokes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Keystrokes do not depend on the build mode: the debug shell is enough (and quicker to build).
swift build --package-path "$root" --product claimdesk >/dev/null
swift build -c release --package-path "$root/Benchmarks" --product keystroke-bench >/dev/null
"$root/Benchmarks/.build/release/keystroke-bench" "$root/.build/debug/claimdesk" "$root/docs/examples/harbor-talks.txt" \
  "$root/Benchmarks/keystrokes/hand.script" "$root/Benchmarks/keystrokes/suggested.script"
