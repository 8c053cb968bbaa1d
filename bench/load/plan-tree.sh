#!/usr/bin/env bash
# Load test for the foundation: the plan-tree API and the plan page against the bare /health/live endpoint, in one
# run, on the embedded SQLite database, with the API's rate limit raised by configuration (Security__ApiPermitsPerMinute;
# one client address would otherwise get 429 after 600 requests a minute). Every answer is counted by status; the
# script exits with 1 when any was not 2xx. Target (2-core machine, 64 connections): plan tree >= 30% of /health/live
# throughput, p99 < 50 ms. bench/load/suite.sh measures every endpoint of the suite.
# Usage: bench/load/plan-tree.sh [seconds per endpoint, default 15] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15}
connections=${2:-64}
threads=2

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; rm -rf "$work"' EXIT
source bench/load/wrk-lib.sh
dotnet publish src/Movilidad.Web -c Release -o "$work/app" -nologo -v q >/dev/null
port=5199
Database__DataDirectory="$work/db" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production Security__ApiPermitsPerMinute=1000000000 \
  dotnet "$work/app/Movilidad.Web.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
base="http://127.0.0.1:$port"
plan_id=$(curl -sf "$base/api/plans" | grep -o '"id":[0-9]*,"key":"prml-2023-2027"' | grep -o '[0-9]*' | head -n 1)

measure_header >"$work/results.tsv"
measure "/health/live" "$base/health/live" >>"$work/results.tsv"
measure "/api/plans/$plan_id/tree" "$base/api/plans/$plan_id/tree" >>"$work/results.tsv"
measure "/plans/prml-2023-2027" "$base/plans/prml-2023-2027" >>"$work/results.tsv"
cat "$work/results.tsv"
live=$(awk -F'\t' 'NR==2 {print $2}' "$work/results.tsv")
awk -F'\t' -v live="$live" 'NR>2 {printf "%s: %.0f%% of /health/live throughput (2xx only)\n", $1, 100*$2/live}' "$work/results.tsv"
exit "$failed"
