#!/usr/bin/env bash
# Team-store benchmark: release builds of claimdesk and of the benchmark, a throw-away PostgreSQL
# server (.ci/postgres) on loopback, then the figures: 20 concurrent clients (changes/s, commit
# latency p50/p99) and a chaos run (clients killed, server crashed and restarted at random).
# Arguments: [CLIENTS] [CHANGES PER CLIENT] [CHAOS SECONDS] (defaults 20 200 30).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --static-swift-stdlib --package-path "$root" --product claimdesk >/dev/null
swift build -c release --package-path "$root/Benchmarks" --product team-store-bench >/dev/null
cluster=$(mktemp -d /tmp/claimdesk-bench-pg.XXXXXX)
trap 'bash "$root/.ci/postgres" stop "$cluster" || true; rm -rf "$cluster"' EXIT
eval "$(bash "$root/.ci/postgres" start "$cluster")"
"$root/Benchmarks/.build/release/team-store-bench" "$root/.build/release/claimdesk" "$CLAIMDESK_TEST_STORE" "$cluster" \
  "$root/.ci/postgres" "$root/docs/examples/harbor-talks.txt" "${1:-20}" "${2:-200}" "${3:-30}"
