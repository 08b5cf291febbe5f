#!/usr/bin/env bash
# Rewrites every NAME.out / NAME.err from the current build. Review the diff before committing:
# a transcript is only a test while its expected output has been read by a person.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
bin="$root/.build/debug/claimdesk"
for script in "$here"/*.script; do
  name=$(basename "$script" .script)
  work=$(mktemp -d)
  cp "$root/docs/examples/harbor-talks.txt" "$here/../Fixtures/"* "$work/"
  extra=()
  [[ $name == annotate* ]] && extra=(harbor-talks.txt)
  (cd "$work" && CLAIMDESK_NOW=1790000000 CLAIMDESK_ANALYST=tester NO_COLOR=1 \
      "$bin" "${extra[@]}" --script "$script" >"$here/$name.out" 2>"$here/$name.err" || true)
  sed -i "s|$script|SCRIPT|g" "$here/$name.err"
  [ -s "$here/$name.err" ] || rm "$here/$name.err"
  rm -rf "$work"
done
