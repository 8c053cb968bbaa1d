#!/usr/bin/env bash
# Fault: PostgreSQL restarted under load. Starts a private PostgreSQL cluster and the published web app on it (Production),
# loads it with wrk (search, page and API, a new query each time so every request reaches the database), stops
# PostgreSQL for a few seconds in the middle of the run and starts it again, then counts every answer by status.
# Passes (exit 0) when no answer was a 5xx other than 503, every 503 carried Retry-After, and the same web host
# (same process) serves 200 again after the restart. Usage: bench/faults/postgres-restart.sh [seconds, default 30] [connections, default 32]
# Needs PostgreSQL's server (Debian: postgresql) and wrk; run as root (the cluster runs as the postgres user) or as postgres.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30}
connections=${2:-32}
port=${FAULT_PG_PORT:-5499}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1)
work=$(mktemp -d)
chmod 755 "$work"
server=
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  as_postgres "$pgbin/pg_ctl -D $work/pg/data -m immediate -w stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/pg/sock"
[ "$(id -u)" = 0 ] && chown -R postgres "$work/pg"
as_postgres "$pgbin/initdb -D $work/pg/data -A trust -U postgres" >/dev/null
pg_start() { as_postgres "$pgbin/pg_ctl -D $work/pg/data -l $work/pg/log -w -o '-p $port -k $work/pg/sock -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null; }
pg_start
as_postgres "psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE movilidad'"

dotnet publish src/Movilidad.Web -c Release -o "$work/app" -nologo -v q >/dev/null
base=http://127.0.0.1:5198
Database__Provider=Postgres ConnectionStrings__Movilidad="Host=127.0.0.1;Port=$port;Username=postgres;Database=movilidad;Timeout=5" \
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production Security__SecureCookies=false Security__ApiPermitsPerMinute=1000000000 \
  dotnet "$work/app/Movilidad.Web.dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
# The host migrates the database as it starts: PostgreSQL must not be stopped before it answers (up to 5 minutes on a busy machine).
for _ in $(seq 1 600); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done
curl -sf "$base/health" >/dev/null || { echo "the web host did not start" >&2; cat "$work/server.log" >&2; exit 1; }

cat >"$work/vary.lua" <<'LUA'
local threads, n = {}, 0
function setup(thread) thread:set("id", #threads); table.insert(threads, thread) end
function init(args) counts = {}; retry = 0 end
function request()
  n = n + 1
  local path = (n % 2 == 0) and "/api/search?q=" or "/search?q="
  return wrk.format("GET", path .. "fallo" .. id .. "x" .. n)
end
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 503 and headers["Retry-After"] then retry = retry + 1 end
end
function done(summary, latency, requests)
  local total, retries = {}, 0
  for _, thread in ipairs(threads) do
    for status, c in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + c end
    retries = retries + thread:get("retry")
  end
  local e = summary.errors
  for status, c in pairs(total) do io.write(string.format("STATUS\t%d\t%d\n", status, c)) end
  io.write(string.format("RETRYAFTER\t%d\nSOCKETS\t%d\n", retries, e.connect + e.read + e.write + e.timeout))
end
LUA

echo "PostgreSQL restart under load: $connections connections, ${duration} s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$work/vary.lua" "$base" >"$work/wrk.out" 2>&1 &
load=$!
sleep $((duration / 3))
echo "$(date -u +%T) stopping PostgreSQL (fast shutdown: every session is cut)"
as_postgres "$pgbin/pg_ctl -D $work/pg/data -m fast -w stop" >/dev/null
sleep 4
echo "$(date -u +%T) starting PostgreSQL again"
pg_start
echo "$(date -u +%T) PostgreSQL is back"
wait "$load"
after=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/search?q=despues")
alive=$(kill -0 "$server" 2>/dev/null && echo yes || echo no)

grep -E '^(STATUS|RETRYAFTER|SOCKETS)' "$work/wrk.out" | sort
echo "after the restart: GET /api/search answered $after; the same web host process ($server) still running: $alive"
bad=$(awk -F'\t' '$1 == "STATUS" && $2 >= 500 && $2 != 503 {s += $3} END {print s + 0}' "$work/wrk.out")
unavailable=$(awk -F'\t' '$1 == "STATUS" && $2 == 503 {s += $3} END {print s + 0}' "$work/wrk.out")
retry=$(awk -F'\t' '$1 == "RETRYAFTER" {print $2}' "$work/wrk.out")
echo "5xx other than 503: $bad; 503: $unavailable, of which with Retry-After: $retry"
if [ "$bad" = 0 ] && [ "$unavailable" = "$retry" ] && [ "$after" = 200 ] && [ "$alive" = yes ]; then
  echo "PASSED"
else
  echo "FAILED" >&2
  grep -m 5 -i "fail\|exception" "$work/server.log" >&2 || true
  exit 1
fi
