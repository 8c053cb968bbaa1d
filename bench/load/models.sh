#!/usr/bin/env bash
# The demand models' pages under load (issue 12's target: p95 under 200 ms): the reference model's page (structure,
# diagram, variables, bindings, the run, Monte Carlo and calibration forms) and a stored run's page (chart and table of
# a simulation of 81 saved times), on SQLite, or on PostgreSQL when a connection string is given. A focal point signs in
# through the real pages and starts the simulation with the model page's form; the pages are then measured anonymously as the
# public reads them and signed in (the forms drawn), with wrk through wrk-lib.sh (only 2xx answers count; any other
# status fails the run; wrk-lib prints p50 and p99, the script also prints the load average).
# The occupation outlook (/labour-market/outlook, public) is measured in the same run on the H-2A and LMIA records,
# imported first with the CLI.
# The server's log is kept in $MODELS_SERVER_LOG (default /tmp/models-server.log).
# Usage: bench/load/models.sh [seconds, default 10] [connections, default 8] [postgres connection string]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
connections=${2:-8}
threads=$(( connections < 2 ? 1 : 2 ))
postgres=${3:-}

work=$(mktemp -d)
server=
server_log=${MODELS_SERVER_LOG:-/tmp/models-server.log}
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; cp "$work/server.log" "$server_log" 2>/dev/null && echo "server log: $server_log"; rm -rf "$work"' EXIT
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
link=$(cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" users add --email "bench-$$@example.org" --role focal-point:GT --base-url http://127.0.0.1:5199 "${database[@]}" | grep '/account/reset')

mapfile -t records < <(find data/records/us-oflc-h2-history -name 'H-2A*.xlsx' | sort; find data/records/canada-lmia-quarterly -name 'positive_lmia_*' | sort)
dotnet "$work/cli/movilidad.dll" records import "${records[@]}" "${database[@]}" > "$work/import.log" 2>&1 || { tail -n 5 "$work/import.log" >&2; exit 1; }
echo "records imported: $(grep -cE '^dataset ' "$work/import.log") datasets"

source bench/load/wrk-lib.sh
source bench/load/dashboard-lib.sh
start_app 5199
sign_in "$link" "bench-$$@example.org"
token=$(curl -sf -c "$jar" -b "$jar" "$base/models/seasonal-agricultural-workers" | form_token)
run_id=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "scenario=" \
  "$base/models/seasonal-agricultural-workers?handler=Run" | grep -o '[0-9]*$')
[ -n "$run_id" ] || { echo "the simulation did not start" >&2; exit 1; }
signed=$cookie

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($([ -n "$postgres" ] && echo PostgreSQL || echo SQLite)), $connections connections x ${duration} s"
measure_header
cookie="bench=anonymous"
run "model page, anonymous" "$base/models/seasonal-agricultural-workers"
run "stored run page, anonymous" "$base/models/runs/$run_id"
run "stored run page, another variable" "$base/models/runs/$run_id?variable=labour%20gap"
cookie=$signed
run "model page, focal point (forms)" "$base/models/seasonal-agricultural-workers"
run "stored run page, focal point" "$base/models/runs/$run_id"
cookie="bench=anonymous"
echo "outlook, first (uncached) answers, one at a time:"
for path in "/labour-market/outlook?area=CA" "/labour-market/outlook?area=US&level=2"; do
  curl -s -o /dev/null --max-time 600 -w "  %{http_code} %{time_total} s  $path\n" -H "Accept-Language: es" "$base$path"
done
run "outlook page, Canada" "$base/labour-market/outlook?area=CA"
run "outlook page, US, level 2" "$base/labour-market/outlook?area=US&level=2"
run "health/live, same run" "$base/health/live"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$failed"
