#!/usr/bin/env bash
# The indicators dashboard at stress size on PostgreSQL (movilidad seed --synthetic stress: 11 countries,
# 20,000 indicators, 200,000 activities, 16 semesters, ~14M values). Seeds (timed; SEED=0 keeps a plan seeded
# before), starts the app, signs an observer in, then:
#   cold  - the first dashboard read after start, and the first after each write (a comment: any saved content
#           makes the next read recompute the figures from the indicator totals);
#   warm  - wrk on the JSON (/api/indicators/dashboard) and the page (/indicators), p50 and p99 (every answer counted by status; exits with 1 on any that is not 2xx).
# Target: < 1 s. Prints the load average with every figure (the machine may be shared).
# Usage: bench/load/indicator-dashboard-stress.sh <postgres connection string> [seconds, default 15] [connections, default 8] [cold rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
postgres=${1:?a PostgreSQL connection string (Host=...;Database=...) is needed}
duration=${2:-15}
connections=${3:-8}
rounds=${4:-5}
threads=$(( connections < 2 ? 1 : 2 ))
command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }

work=$(mktemp -d)
source bench/load/wrk-lib.sh
source bench/load/dashboard-lib.sh
server=
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; rm -rf "$work"' EXIT
dotnet publish src/Movilidad.Web -c Release -o "$work/app" -nologo -v q >/dev/null
dotnet publish src/Movilidad.Cli -c Release -o "$work/cli" -nologo -v q >/dev/null
export Database__Provider=Postgres ConnectionStrings__Movilidad="$postgres"
database=(--database "$postgres" --provider Postgres)
plan=sintetico-stress
if [ "${SEED:-1}" != 0 ]; then
  echo "seed (load $(load)):"
  (cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" seed --synthetic stress --seed 1 "${database[@]}")
  echo "seeded (load $(load))"
fi
email="bench-$$@example.org"
link=$(cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" users add --email "$email" --role observer --base-url http://127.0.0.1:5199 "${database[@]}" | grep '/account/reset')

start_app 5199
sign_in "$link" "$email"

json="$base/api/indicators/dashboard?plan=$plan"
page="$base/indicators?plan=$plan"
# One timed read: seconds and size.
read_once() { curl -s -o /dev/null -w '%{time_total} s, %{size_download} bytes, HTTP %{http_code}' -b "$jar" -H "Accept-Language: es" "$1"; }

echo "cold, first read after start (load $(load)):"
echo "  JSON  $(read_once "$json")"
echo "  page  $(read_once "$page")"

# Writes from the signed-in browser carry the antiforgery token of a page of the same session (its sign-out form).
csrf=$(curl -sf -b "$jar" -c "$jar" "$page" | form_token)
[ -n "$csrf" ] || { echo "no antiforgery token" >&2; exit 1; }
line=$(curl -sf -b "$jar" "$json" | jq -r '.lines[0].key')
# Any saved content moves the data version, so the next read recomputes the figures: a comment on the plan's first line.
comment() { curl -s -o /dev/null -w '%{time_total} s, HTTP %{http_code}' -b "$jar" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
  -d "{\"entityType\":\"plan-element\",\"entityId\":\"$line\",\"text\":\"bench $1\"}" "$base/api/comments"; }

echo "cold, first read after a write, $rounds rounds (load $(load)):"
for round in $(seq 1 "$rounds"); do
  echo "  round $round: comment $(comment "$round")"
  echo "           JSON    $(read_once "$json")"
  echo "           comment $(comment "$round b")"
  echo "           page    $(read_once "$page")   (load $(load))"
done

echo "warm, $connections connections, ${duration} s:"
measure_header
run "/api/indicators/dashboard" "$json"
run "/indicators" "$page"
exit "$failed"
