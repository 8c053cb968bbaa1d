#!/usr/bin/env bash
# The labour-market import and explorer on SQLite, or on PostgreSQL when a connection string is given:
#  1. imports a synthetic ESDC positive-LMIA list of 100,000 rows (the real layout: title row naming the period,
#     header, NOC 2011 codes, footnotes) with `movilidad records import`, printing its time and peak memory
#     (target: under 20 s, memory flat);
#  2. imports every shipped file of data/records in one command (target: under 3 minutes);
#  3. starts the web app and measures explorer queries (JSON API and pages) with wrk, anonymously.
# Usage: bench/load/labour-market.sh [seconds, default 10] [connections, default 8] [postgres connection string]
# The server's log is kept in $LABOUR_MARKET_SERVER_LOG (default /tmp/labour-market-server.log).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
connections=${2:-8}
threads=$(( connections < 2 ? 1 : 2 ))
postgres=${3:-}

work=$(mktemp -d)
server=
server_log=${LABOUR_MARKET_SERVER_LOG:-/tmp/labour-market-server.log}
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

# 100,000 rows in ESDC's layout, occupations drawn from real NOC 2011 codes, provinces from all thirteen.
awk 'BEGIN {
  srand(7); split("Ontario,Quebec,British Columbia,Alberta,Manitoba,Saskatchewan,Nova Scotia,New Brunswick,Newfoundland and Labrador,Prince Edward Island,Yukon,Northwest Territories,Nunavut", p, ",");
  split("8431-General farm workers,8611-Harvesting labourers,6322-Cooks,9463-Fish and seafood plant workers,7511-Transport truck drivers,4412-Home support workers,2174-Computer programmers,6711-Food counter attendants,9462-Industrial butchers,8432-Nursery and greenhouse workers", o, ",");
  split("High Wage,Low Wage,Primary Agriculture,Global Talent Stream,Seasonal Agricultural Worker Program", s, ",");
  printf "\"Employers who were issued a positive Labour Market Impact Assessment (LMIA) by stream, National Occupational Classification (NOC) 2011 and business location in 2019 (January-March)\",,,,,\r\n";
  printf "Province/Territory,Stream,Employer,Address,Occupation,Approved Positions\r\n";
  for (i = 1; i <= 100000; i++) printf "%s,%s,Employer %d Inc.,\"Somewhere, ON K1A 0B1\",%s,%d\r\n", p[1 + int(rand() * 13)], s[1 + int(rand() * 5)], int(rand() * 20000), o[1 + int(rand() * 10)], 1 + int(rand() * 9);
  printf "Notes:,,,,,\r\n";
}' > "$work/positive_lmia_synthetic_100000.csv"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($([ -n "$postgres" ] && echo PostgreSQL || echo SQLite))"
echo "== 100,000-row synthetic list"
/usr/bin/time -f "elapsed %e s, peak memory %M KB" dotnet "$work/cli/movilidad.dll" records import "$work/positive_lmia_synthetic_100000.csv" "${database[@]}" 2>&1 | tail -n 3
echo "== every shipped file in one command"
mapfile -t files < <(find data/records -type f \( -name '*.xlsx' -o -name '*.csv' \) ! -name classif1_labels.csv | sort)
/usr/bin/time -f "elapsed %e s, peak memory %M KB" dotnet "$work/cli/movilidad.dll" records import "${files[@]}" "${database[@]}" > "$work/all.log" 2>&1 || true
grep -E '^dataset |already imported|refused|elapsed' "$work/all.log" | sed 's/^/  /'
echo "load average after the imports: $(cut -d' ' -f1-3 /proc/loadavg)"

source bench/load/wrk-lib.sh
source bench/load/dashboard-lib.sh
cookie="bench=anonymous"
start_app 5199
echo "explorer queries, anonymous, $connections connections x ${duration} s; only 2xx answers are counted as served:"
measure_header
run "observations by measure" "$base/api/labour-market/observations?groupBy=measure"
run "certified by period" "$base/api/labour-market/observations?measure=workers-certified&groupBy=period"
run "top ISCO sub-major groups" "$base/api/labour-market/observations?measure=positions-approved&groupBy=occupation-2&limit=15"
run "one state by unit group" "$base/api/labour-market/observations?measure=workers-certified&area=US-GA&groupBy=occupation"
run "explorer page" "$base/labour-market"
run "explorer page, occupation 6" "$base/labour-market?occupation=6&level=3"
run "health/live, same run" "$base/health/live"
exit "$failed"
