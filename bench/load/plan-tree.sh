#!/usr/bin/env bash
# Load test for the foundation: the plan-tree API and the plan page against the bare /health/live
# endpoint, in one run, on the embedded SQLite database. Prints requests/s and p99 latency for each
# and the ratio to /health/live. Target (2-core machine, 64 connections): plan tree >= 30% of
# /health/live throughput, p99 < 50 ms.
# Usage: bench/load/plan-tree.sh [seconds per endpoint, default 15] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15}
connections=${2:-64}
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish src/Movilidad.Web -c Release -o "$work/app" -nologo -v q >/dev/null
port=5199
Database__DataDirectory="$work/db" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$work/app/Movilidad.Web.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
base="http://127.0.0.1:$port"
plan_id=$(curl -sf "$base/api/plans" | grep -o '"id":[0-9]*,"key":"prml-2023-2027"' | grep -o '[0-9]*' | head -n 1)

run() { # name url
  wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Accept-Language: es" "$2" >/dev/null 2>&1 || true # warm-up
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Accept-Language: es" "$2")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  printf '%s\t%s\t%s\t%s\n' "$1" "$rps" "$p99" "${errors:-none}"
}

echo "endpoint	requests/s	p99	errors" | tee "$work/results.tsv"
run "/health/live" "$base/health/live" | tee -a "$work/results.tsv"
run "/api/plans/$plan_id/tree" "$base/api/plans/$plan_id/tree" | tee -a "$work/results.tsv"
run "/plans/prml-2023-2027" "$base/plans/prml-2023-2027" | tee -a "$work/results.tsv"
live=$(awk -F'\t' 'NR==2 {print $2}' "$work/results.tsv")
awk -F'\t' -v live="$live" 'NR>2 {printf "%s: %.0f%% of /health/live throughput\n", $1, 100*$2/live}' "$work/results.tsv"
