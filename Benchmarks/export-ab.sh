#!/usr/bin/env bash
# Two builds of claimdesk exporting the same session, run by turns: wall seconds, CPU seconds
# (user + system) and peak RSS of each `claimdesk export` as `/usr/bin/time` prints them, then
# the median of each per format and build. The machine is shared: compare CPU first, and wall
# only between runs taken side by side.
#
#   Benchmarks/export-ab.sh BEFORE_BINARY AFTER_BINARY SESSIONS_DIR NAME [ROUNDS]   (default 3)
#   FORMATS="w3c html" Benchmarks/export-ab.sh …                                  (some formats)
set -euo pipefail
if [ $# -lt 4 ]; then
    echo "usage: $0 BEFORE_BINARY AFTER_BINARY SESSIONS_DIR NAME [ROUNDS]" >&2
    exit 2
fi
before="$1" after="$2" sessions="$3" name="$4" rounds="${5:-3}"
formats="${FORMATS:-markdown html brat w3c claimreview csv}"
work="$(mktemp -d "${TMPDIR:-/tmp}/claimdesk-export-ab.XXXXXX")"
trap 'rm -rf "$work"' EXIT
runs="$work/runs"
: >"$runs"
for round in $(seq 1 "$rounds"); do
    for format in $formats; do
        extra=""
        [ "$format" = claimreview ] && extra="--all"
        for build in before after; do
            binary="$before"
            [ "$build" = after ] && binary="$after"
            rm -rf "$work/out"
            /usr/bin/time -o "$work/time" -f "%e %U %S %M" \
                "$binary" export "$name" --sessions "$sessions" --format "$format" $extra -o "$work/out" >/dev/null 2>&1
            read -r wall user sys peak <"$work/time"
            printf '%s %-11s %-6s %6.2f s wall %5.2f s user %5.2f s sys %7d KB\n' \
                "$round" "$format" "$build" "$wall" "$user" "$sys" "$peak" | tee -a "$runs"
        done
    done
done
echo
echo "medians of $rounds runs (wall, CPU = user + sys, peak RSS)"
for format in $formats; do
    for build in before after; do
        grep " $format " "$runs" | grep " $build " | awk -v f="$format" -v b="$build" '
            { wall[NR] = $4; cpu[NR] = $7 + $10; peak[NR] = $13 }
            function median(a, n,    i, j, t) {
                for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
            }
            END { printf "%-11s %-6s wall %5.2f s  cpu %5.2f s  peak %4.0f MB\n", f, b, median(wall, NR), median(cpu, NR), median(peak, NR) / 1024 }'
    done
done
