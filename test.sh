#!/usr/bin/env bash
# The one test command: builds, starts what the tests need (a private PostgreSQL cluster, Debian's
# Chromium), runs every suite on SQLite and PostgreSQL, stops what it started, prints the totals.
# In CI (CI=true) a PostgreSQL or Chromium that cannot be had fails the run; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work=$(mktemp -d /tmp/movilidad-test.XXXXXX)
chmod 755 "$work"
pg_run="$work/pg"
pg_data="$pg_run/data"
pg_bin=""
pg_started=""

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

cleanup() {
  if [ -n "$pg_started" ]; then
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $pg_data -m fast -w stop" >/dev/null 2>&1 || true
    else "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$work"
}
trap cleanup EXIT

apt_install() {
  [ "$(id -u)" = 0 ] || return 1
  say "installing $* from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq "$@" >/dev/null
}

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

start_postgres() {
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    apt_install postgresql || return 1
    pg_bin=$(find_pg_bin)
  fi
  [ -x "$pg_bin/initdb" ] || return 1
  local port
  port=$(free_port) || return 1
  mkdir -p "$pg_data" "$pg_run/sock"
  local opts="-p $port -k $pg_run/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || return 1
    chown -R postgres:postgres "$pg_run"
    su postgres -s /bin/sh -c "$pg_bin/initdb -D $pg_data -A trust -U postgres" >"$work/initdb.log" 2>&1 || return 1
    su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $pg_data -l $pg_run/server.log -w -o '$opts' start" >"$work/pg_ctl.log" 2>&1 || { cat "$pg_run/server.log" >&2; return 1; }
  else
    "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres >"$work/initdb.log" 2>&1 || return 1
    "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_run/server.log" -w -o "$opts" start >"$work/pg_ctl.log" 2>&1 || { cat "$pg_run/server.log" >&2; return 1; }
  fi
  pg_started=1
  export MOVILIDAD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
  say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $port"
}

ensure_chromium() {
  local chromium
  chromium=$(command -v chromium || true)
  if [ -z "$chromium" ]; then
    apt_install chromium fonts-noto-core || return 1
    chromium=$(command -v chromium || true)
  fi
  [ -n "$chromium" ] || return 1
  export MOVILIDAD_CHROMIUM="$chromium"
  say "Chromium at $chromium"
}

# The OpenAPI linter, pinned, installed once from npm into a cache next to the repository (Node and npm from Debian if missing).
redocly_version=2.77.0
ensure_redocly() {
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || return 1
  fi
  local cache="${MOVILIDAD_CACHE:-$root/.cache}/redocly-cli-$redocly_version"
  if [ ! -x "$cache/node_modules/.bin/redocly" ]; then
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-audit --no-fund --silent "@redocly/cli@$redocly_version" >/dev/null || return 1
  fi
  redocly="$cache/node_modules/.bin/redocly"
}

ensure_tools() {
  command -v pdftoppm >/dev/null 2>&1 || apt_install poppler-utils || true
  # The Word report is opened by LibreOffice in a test (about 80 s to install on a loaded 2-core machine).
  command -v soffice >/dev/null 2>&1 || apt_install --no-install-recommends libreoffice-writer-nogui || true
}

if ! start_postgres; then
  [ "${CI:-}" = "true" ] && fail "PostgreSQL could not be started; CI never skips it."
  fail "PostgreSQL could not be started; run as root on Debian so this script can install and start it."
fi
if ! ensure_chromium; then
  [ "${CI:-}" = "true" ] && fail "Chromium could not be installed; CI never skips the browser tests."
  fail "Chromium is missing; run as root on Debian so this script can install it (apt-get install chromium)."
fi
ensure_tools

say "build"
dotnet build Movilidad.slnx -c Release -nologo -clp:ErrorsOnly

say "tests"
results="$work/results"
status=0
# A test writes the API's OpenAPI document here for the linter below.
export MOVILIDAD_OPENAPI_OUT="$work/openapi.json"
# A hung test stops the session after 50 minutes. The web tests took 26 min 10 s in a fresh run on 2026-12-07 (17:06, a
# machine also busy with a build) and the 28-minute guard of then cut them short; the suite is too slow and is being cut.
dotnet test Movilidad.slnx -c Release --no-build -nologo --logger "trx" --results-directory "$results" \
  -- RunConfiguration.TestSessionTimeout=3000000 || status=$?

say "OpenAPI lint (@redocly/cli $redocly_version)"
if [ ! -f "$MOVILIDAD_OPENAPI_OUT" ]; then
  echo "test.sh: the OpenAPI document was not written (ApiRequestsTests)" >&2
  status=1
elif ! ensure_redocly; then
  echo "test.sh: @redocly/cli could not be installed from npm" >&2
  status=1
elif ! REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$redocly" lint --format=stylish "$MOVILIDAD_OPENAPI_OUT"; then
  echo "test.sh: the OpenAPI document has lint errors" >&2
  status=1
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  t=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  e=$(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
done
if [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
[ "$skipped" -eq 0 ] || { echo "test.sh: $skipped tests did not run" >&2; status=1; }
echo
echo "Tests: $passed passed, $failed failed"
exit "$status"
