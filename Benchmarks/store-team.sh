#!/usr/bin/env bash
# Team-store benchmark: release builds of claimdesk and of the benchmark, a throw-away PostgreSQL
# server (.ci/postgres) on loopback, then the figures: what one fdatasync costs on this disk
# (pg_test_fsync), 20 concurrent clients saturated and at an analyst's pace (changes/s, commit
# latency p50/p99, CPU per change), pgbench's bare INSERT on the same server beside them (the
# floor the disk sets), and a chaos run (clients killed, server crashed and restarted at random).
# Arguments: [CLIENTS] [CHANGES PER CLIENT] [CHAOS SECONDS] [PACED SECONDS] [SETTINGS]
# (defaults 20 200 30 20, no SETTINGS). SETTINGS, e.g. "commit_delay=1000,commit_siblings=5;wal_sync_method=open_datasync" (sets split by ;), are
# server settings tried after the defaults and reported apart (see docs/team-store.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >/dev/null
swift build -c release --package-path "$root/Benchmarks" --product team-store-bench >/dev/null
cluster=$(mktemp -d /tmp/claimdesk-bench-pg.XXXXXX)
trap 'bash "$root/.ci/postgres" stop "$cluster" || true; rm -rf "$cluster"' EXIT
eval "$(bash "$root/.ci/postgres" start "$cluster")"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); the WAL's disk, one 8 kB write and flush (pg_test_fsync, 1 s each):"
runuser -u postgres -- "$bin/pg_test_fsync" -s 1 -f "$cluster/fsync-probe" 2>/dev/null \
  | grep -E '^\s+(open_datasync|fdatasync|fsync) ' | head -3 | sed 's/^\s*/  /'
"$root/Benchmarks/.build/release/team-store-bench" "$root/.build/release/claimdesk" "$CLAIMDESK_TEST_STORE" "$cluster" \
  "$root/.ci/postgres" "$root/docs/examples/harbor-talks.txt" "${1:-20}" "${2:-200}" "${3:-30}" "${4:-20}" "${5:-}"
