#!/usr/bin/env bash
# The indicators dashboard at stress size on PostgreSQL (movilidad seed --synthetic stress: 11 countries,
# 20,000 indicators, 200,000 activities, 16 semesters, ~14M values). Seeds (timed; SEED=0 keeps a plan seeded
# before), starts the app, signs an observer in, then:
#   cold  - the first dashboard read after start, and the first after each write (a comment: any saved content
#           makes the next read recompute the figures from the indicator totals);
#   warm  - wrk on the JSON (/api/indicators/dashboard) and the page (/indicators), p50 and p95.
# Target: < 1 s. Prints the load average with every figure (the machine may be shared).
# Usage: bench/load/indicator-dashboard-stress.sh <postgres connection string> [seconds, default 15] [connections, default 8] [cold rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
postgres=${1:?a PostgreSQL connection string (Host=...;Database=...) is needed}
duration=${2:-15}
connections=${3:-8}
rounds=${4:-5}
threads=$(( connections < 2 ? 1 : 2 ))
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

work=$(mktemp -d)
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

port=5199
base="http://127.0.0.1:$port"
Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production Security__SecureCookies=false Security__ApiPermitsPerMinute=1000000 \
  dotnet "$work/app/Movilidad.Web.dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done

jar="$work/cookies"
form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
password="bench password $$ long enough"
token=$(curl -sf -c "$jar" -b "$jar" "$link" | form_token)
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Password=$password" "$link"
token=$(curl -sf -c "$jar" -b "$jar" "$base/account/sign-in" | form_token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Email=$email" --data-urlencode "Password=$password" "$base/account/sign-in"
cookie=$(awk '$6=="movilidad.auth" {print "movilidad.auth=" $7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }

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

run() { # name url
  wrk -t"$threads" -c"$connections" -d5s -H "Cookie: $cookie" "$2" >/dev/null 2>&1 || true # warm-up
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" -H "Accept-Language: es" \
    -s <(printf 'done = function(summary, latency, requests)\n io.write(string.format("p95 %%.1f ms\\n", latency:percentile(95) / 1000))\nend\n') "$2")
  printf '%s\t%s\t%s\t%s\t%s\tload %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '/^p95/ {print $2 " " $3}' <<<"$out")" "$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')" "$(load)"
}

echo "warm, $connections connections, ${duration} s:"
echo "endpoint	requests/s	p50	p95	errors"
run "/api/indicators/dashboard" "$json"
run "/indicators" "$page"
