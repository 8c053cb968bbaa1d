#!/usr/bin/env bash
# The occupation outlook (/labour-market/outlook, GET /api/labour-market/outlook) on SQLite, or on PostgreSQL when a
# connection string is given:
#  1. imports the shipped H-2A history (FY2010-FY2018) and Canada's positive-LMIA lists (2017-2024) with
#     `movilidad records import`;
#  2. starts the web app and times the first, uncached answer of each outlook (curl: the sums, every forecast, the page);
#  3. measures the outlook's page and API with wrk through wrk-lib.sh (only 2xx answers count; any other status fails
#     the run), anonymously as the public reads it (target: p95 under 200 ms; wrk-lib prints p50 and p99).
# The server's log is kept in $OUTLOOK_SERVER_LOG (default /tmp/outlook-server.log).
# Usage: bench/load/outlook.sh [seconds, default 10] [connections, default 8] [postgres connection string]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
connections=${2:-8}
threads=$(( connections < 2 ? 1 : 2 ))
postgres=${3:-}

work=$(mktemp -d)
server=
server_log=${OUTLOOK_SERVER_LOG:-/tmp/outlook-server.log}
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

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($([ -n "$postgres" ] && echo PostgreSQL || echo SQLite))"
mapfile -t files < <(find data/records/us-oflc-h2-history -name 'H-2A*.xlsx' | sort; find data/records/canada-lmia-quarterly -name 'positive_lmia_*' | sort)
/usr/bin/time -f "import: elapsed %e s, peak memory %M KB" dotnet "$work/cli/movilidad.dll" records import "${files[@]}" "${database[@]}" > "$work/import.log" 2>&1
grep -cE '^dataset ' "$work/import.log" | sed 's/^/datasets imported: /'
tail -n 1 "$work/import.log"

source bench/load/wrk-lib.sh
source bench/load/dashboard-lib.sh
cookie="bench=anonymous"
start_app 5198
echo "first (uncached) answers:"
for path in "/api/labour-market/outlook?area=CA" "/api/labour-market/outlook?area=US" "/labour-market/outlook?area=CA&sector=agri-tech" "/labour-market/outlook?area=US&level=2"; do
  curl -s -o /dev/null -w "  %{http_code} %{time_total} s  $path\n" -H "Accept-Language: es" "$base$path"
done
echo "outlook, anonymous, $connections connections x ${duration} s; only 2xx answers are counted as served:"
measure_header
run "outlook page, Canada" "$base/labour-market/outlook?area=CA"
run "outlook page, US, level 2" "$base/labour-market/outlook?area=US&level=2"
run "outlook page, Canada, agri-tech" "$base/labour-market/outlook?area=CA&sector=agri-tech"
run "outlook API, Canada, primary agriculture" "$base/api/labour-market/outlook?area=CA&programme=TFWP%20Primary%20Agriculture"
run "methodology page" "$base/labour-market/methodology"
run "health/live, same run" "$base/health/live"
exit "$failed"
