#!/usr/bin/env bash
# Export output, byte for byte: every format of every session in a folder, written by two builds
# of claimdesk, compared with cmp (files) and diff -r (brat folders). For speed work on the
# exporters, whose output must not change.
#
#   Benchmarks/export-compare.sh BEFORE_BINARY AFTER_BINARY SESSIONS_DIR
#
# Sessions to use: generated ones (`session-io-bench --write 100000 DIR/b100k.json`) and small
# hand-made ones that carry what the generator does not (right-to-left text, notes and tags with
# markup, review decisions, fragments, cues, stances with and without evidence, relations,
# propositions, orphaned anchors, a base URL). Prints one line per export; exits 1 if any differs.
set -uo pipefail
if [ $# -ne 3 ]; then
    echo "usage: $0 BEFORE_BINARY AFTER_BINARY SESSIONS_DIR" >&2
    exit 2
fi
before="$1" after="$2" sessions="$3"
work="$(mktemp -d "${TMPDIR:-/tmp}/claimdesk-export-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT
formats="markdown html brat w3c claimreview csv"
status=0
for file in "$sessions"/*.json; do
    name="$(basename "$file" .json)"
    for format in $formats; do
        # ClaimReview writes accepted claims only unless --all: compare both.
        for extra in "" "--all"; do
            [ "$format" != claimreview ] && [ -n "$extra" ] && continue
            label="$name $format${extra:+ $extra}"
            # Both write to the same path, so that the messages naming it can be compared too.
            "$before" export "$name" --sessions "$sessions" --format "$format" $extra -o "$work/out" \
                >"$work/before.out" 2>"$work/before.err"
            before_rc=$?
            [ -e "$work/out" ] && mv "$work/out" "$work/before"
            "$after" export "$name" --sessions "$sessions" --format "$format" $extra -o "$work/out" \
                >"$work/after.out" 2>"$work/after.err"
            after_rc=$?
            [ -e "$work/out" ] && mv "$work/out" "$work/after"
            if [ "$before_rc" != "$after_rc" ]; then
                echo "DIFFERS  $label: exit status $before_rc before, $after_rc after"
                status=1
            elif ! cmp -s "$work/before.err" "$work/after.err" || ! cmp -s "$work/before.out" "$work/after.out"; then
                echo "DIFFERS  $label: messages"
                diff "$work/before.err" "$work/after.err" | head -5
                status=1
            elif [ -d "$work/before" ]; then
                if diff -r "$work/before" "$work/after" >/dev/null; then
                    echo "same     $label ($(du -sb "$work/before" | cut -f1) bytes in $(ls "$work/before" | wc -l) files)"
                else
                    echo "DIFFERS  $label"
                    diff -rq "$work/before" "$work/after" | head -5
                    status=1
                fi
            elif [ -e "$work/before" ]; then
                if cmp "$work/before" "$work/after"; then
                    echo "same     $label ($(stat -c %s "$work/before") bytes)"
                else
                    echo "DIFFERS  $label"
                    status=1
                fi
            else
                echo "same     $label (no output, exit $before_rc)"
            fi
            rm -rf "$work/before" "$work/after"
        done
    done
done
exit $status
