#!/usr/bin/env bash
# The load suite: every public and signed-in read that matters, each beside /health/live from the same run.
# Publishes the web app and the command line, seeds the realistic synthetic plan (for the dashboard), starts the app
# in Production with the rate limits raised by configuration (Security__ApiPermitsPerMinute: load comes from one
# address, which the production limit of 600 a minute would answer with 429), signs an observer in through the real
# pages, then measures with wrk: /health/live, the home page, a plan page, the plan tree API, search (page and API),
# the indicators dashboard signed in (page and API) and the follow-up matrix export (the shipped operational plan).
# Every answer is counted by status: the script exits with 1 when any answer was not 2xx or any socket error happened.
# Usage: bench/load/suite.sh [seconds, default 20] [connections, default 64] [postgres connection string]
# (without a connection string: SQLite in a scratch folder). A PostgreSQL database is used as given: give an empty one.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
connections=${2:-64}
postgres=${3:-}
threads=2

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; rm -rf "$work"' EXIT
source bench/load/wrk-lib.sh
source bench/load/dashboard-lib.sh
seeded_app 5197 "$postgres"
plan_id=$(curl -sf "$base/api/plans" | grep -o '"id":[0-9]*,"key":"prml-2023-2027"' | grep -o '[0-9]*' | head -n 1)
signed=(-H "Cookie: $cookie")

echo "$label, $connections connections, $threads wrk threads, ${duration} s per endpoint (after a 3 s warm-up), $(nproc) cores"
measure_header
measure "/health/live" "$base/health/live"
measure "/ (home page)" "$base/"
measure "/plans/prml-2023-2027" "$base/plans/prml-2023-2027"
measure "/api/plans/{id}/tree" "$base/api/plans/$plan_id/tree"
measure "/search?q=movilidad" "$base/search?q=movilidad"
measure "/api/search?q=movilidad" "$base/api/search?q=movilidad"
measure "/indicators (signed in)" "$base/indicators?plan=sintetico-realistic" "${signed[@]}"
measure "/api/indicators/dashboard (signed in)" "$base/api/indicators/dashboard?plan=sintetico-realistic" "${signed[@]}"
measure "/api/matrix?plan=po-prml-2023-2027 (signed in)" "$base/api/matrix?plan=po-prml-2023-2027&language=es" "${signed[@]}"
measure "/health/live (again)" "$base/health/live"
[ "$failed" = 0 ] || echo "FAILED: some answers were not 2xx (see 'other statuses' and 'socket errors')" >&2
exit "$failed"
