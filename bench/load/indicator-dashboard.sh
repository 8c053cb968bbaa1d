#!/usr/bin/env bash
# Load test of the indicators dashboard at realistic size (movilidad seed --synthetic realistic: 11 countries,
# 200 indicators, 2,000 activities, 16 semesters, ~140k values) on SQLite, or on PostgreSQL when a connection
# string is given. Signs an observer in through the real pages, then measures the dashboard's JSON
# (/api/indicators/dashboard) and page (/indicators) with wrk. Target: p95 < 100 ms.
# Usage: bench/load/indicator-dashboard.sh [seconds, default 15] [connections, default 8] [postgres connection string]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15}
connections=${2:-8}
threads=$(( connections < 2 ? 1 : 2 ))
postgres=${3:-}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

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

port=5198
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
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Email=bench-$$@example.org" --data-urlencode "Password=$password" "$base/account/sign-in"
cookie=$(awk '$6=="movilidad.auth" {print "movilidad.auth=" $7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
plan=sintetico-realistic

run() { # name url
  wrk -t"$threads" -c"$connections" -d5s -H "Cookie: $cookie" "$2" >/dev/null 2>&1 || true # warm-up
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" -H "Accept-Language: es" \
    -s <(printf 'done = function(summary, latency, requests)\n io.write(string.format("p95 %%.1f ms\\n", latency:percentile(95) / 1000))\nend\n') "$2")
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '/^p95/ {print $2 " " $3}' <<<"$out")" "$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')"
}

echo "endpoint	requests/s	p50	p95	errors ($([ -n "$postgres" ] && echo PostgreSQL || echo SQLite), $connections connections)"
run "/api/indicators/dashboard" "$base/api/indicators/dashboard?plan=$plan"
run "/indicators" "$base/indicators?plan=$plan"
