#!/usr/bin/env bash
# Load test of the indicators dashboard at realistic size (movilidad seed --synthetic realistic: 11 countries,
# 200 indicators, 2,000 activities, 16 semesters, ~140k values) on SQLite, or on PostgreSQL when a connection
# string is given. Signs an observer in through the real pages, then measures the dashboard's JSON
# (/api/indicators/dashboard) and page (/indicators) with wrk (p50 and p99; the target was set as p95 < 100 ms). Exits with 1 when any answer
# was not 2xx (wrk-lib.sh counts them by status).
# Usage: bench/load/indicator-dashboard.sh [seconds, default 15] [connections, default 8] [postgres connection string]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15}
connections=${2:-8}
threads=$(( connections < 2 ? 1 : 2 ))
postgres=${3:-}

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish src/Movilidad.Web -c Release -o "$work/app" -nologo -v q >/dev/null
dotnet publish src/Movilidad.Cli -c Release -o "$work/cli" -nologo -v q >/dev/null
if [ -n "$postgres" ]; then
  export Database__Provider=Postgres ConnectionStrings__Movilidad="$postgres"
  database=(--database "$postgres" --provider Postgres)
else
  mkdir -p "$work/db"
  export Database__DataDirectory="$work/db"
  database=(--database "$work/db/movilidad.db")
fi
(cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" seed --synthetic realistic --seed 1 "${database[@]}" | tail -n 1)
link=$(cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" users add --email "bench-$$@example.org" --role observer --base-url http://127.0.0.1:5198 "${database[@]}" | grep '/account/reset')

source bench/load/wrk-lib.sh
source bench/load/dashboard-lib.sh
start_app 5198
sign_in "$link" "bench-$$@example.org"
plan=sintetico-realistic

echo "$([ -n "$postgres" ] && echo PostgreSQL || echo SQLite), $connections connections"
measure_header
run "/api/indicators/dashboard" "$base/api/indicators/dashboard?plan=$plan"
run "/indicators" "$base/indicators?plan=$plan"
exit "$failed"
