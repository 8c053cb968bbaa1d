#!/usr/bin/env bash
# Two Movilidad web nodes on one PostgreSQL database behind nginx, which ends TLS (a self-signed certificate made here)
# and alternates requests between them. Publishes the web app and the command line, starts a private PostgreSQL server
# unless a connection string is given, starts node 1 (which migrates the database and loads the shipped content), then
# node 2, then nginx. With --check it also proves the farm works through nginx and stops: both nodes answer, a page with
# a form works over the proxy (the forwarded scheme), a person signed in through one node is signed in on the other.
# Without --check it keeps running until Ctrl-C. Needs nginx and openssl (installed from Debian's packages when run as
# root and missing) and PostgreSQL's server (for the private database) or a connection string.
# Usage: deploy/two-nodes.sh [--check] [postgres connection string]
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
[ "${1:-}" = --check ] && { check=true; shift; }
postgres=${1:-}
port=${PORT:-8443}
node1=${NODE1_PORT:-5301}
node2=${NODE2_PORT:-5302}

work=$(mktemp -d)
chmod 755 "$work"
pids=()
pg_data=
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "$pg_data" ]; then su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $pg_data -m fast -w stop" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
say() { echo "two-nodes: $*"; }

for tool in nginx openssl; do
  if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
    [ "$(id -u)" = 0 ] || { echo "$tool is missing: apt-get install $tool (as root)" >&2; exit 1; }
    say "installing $tool from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

if [ -z "$postgres" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$pg_bin" ] && [ "$(id -u)" = 0 ] || { echo "give a PostgreSQL connection string, or run as root with PostgreSQL's server installed" >&2; exit 1; }
  pg_data="$work/pg"
  mkdir -p "$pg_data" "$work/pgsock" && chown postgres "$pg_data" "$work/pgsock"
  su postgres -s /bin/sh -c "$pg_bin/initdb -D $pg_data -A trust -U postgres" >/dev/null
  su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $pg_data -l $pg_data/log -w -o '-p 55499 -k $work/pgsock -c listen_addresses=127.0.0.1' start" >/dev/null
  postgres="Host=127.0.0.1;Port=55499;Username=postgres;Database=postgres"
  say "private PostgreSQL on port 55499"
fi

say "publishing the web app and the command line"
dotnet publish src/Movilidad.Web -c Release -o "$work/app" -nologo -v q >/dev/null
dotnet publish src/Movilidad.Cli -c Release -o "$work/cli" -nologo -v q >/dev/null

export Database__Provider=Postgres ConnectionStrings__Movilidad="$postgres" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
start_node() { # port -> returns once the node answers /health
  dotnet "$work/app/Movilidad.Web.dll" --urls "http://127.0.0.1:$1" >"$work/node-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.5; done
  echo "node on port $1 did not start:" >&2; tail -n 20 "$work/node-$1.log" >&2; exit 1
}
start_node "$node1"
start_node "$node2"
say "nodes on 127.0.0.1:$node1 and 127.0.0.1:$node2"

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
sed "s|@WORK@|$work|g; s|@PORT@|$port|g; s|@NODE1@|$node1|g; s|@NODE2@|$node2|g" deploy/nginx.conf.template >"$work/nginx.conf"
"$nginx_bin" -e "$work/nginx-error.log" -c "$work/nginx.conf"
base="https://127.0.0.1:$port"
for _ in $(seq 1 40); do curl -skf "$base/health/live" >/dev/null && break; sleep 0.25; done
say "nginx on $base (self-signed certificate)"

if ! $check; then
  say "running; Ctrl-C stops the nodes, nginx and the private database"
  wait "${pids[0]}"
  exit 0
fi

failed=0
expect() { # description, condition result
  if [ "$2" = 0 ]; then say "ok: $1"; else say "FAILED: $1"; failed=1; fi
}
nodes=$(for _ in 1 2 3 4; do curl -sk -o /dev/null -D - "$base/health" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-movilidad-node" {print $2}'; done | sort -u | wc -l)
[ "$nodes" = 2 ]; expect "both nodes answer through nginx ($nodes seen)" $?

form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
status=$(curl -sk -o "$work/sign-in.html" -w '%{http_code}' "$base/account/sign-in")
[ "$status" = 200 ] && grep -q __RequestVerificationToken "$work/sign-in.html"; expect "the sign-in form over the TLS proxy (HTTP $status)" $?

email="two-nodes-$$@example.org"
link=$(dotnet "$work/cli/movilidad.dll" users add --email "$email" --role observer --base-url "$base" --database "$postgres" --provider Postgres | grep '/account/reset')
jar="$work/cookies"
password="two nodes password $$ long enough"
token=$(curl -sk -c "$jar" -b "$jar" "$link" | form_token)
curl -sk -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Password=$password" "$link"
token=$(curl -sk -c "$jar" -b "$jar" "$base/account/sign-in" | form_token)
location=$(curl -sk -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Email=$email" --data-urlencode "Password=$password" "$base/account/sign-in")
[ "$location" = "$base/" ]; expect "signed in through nginx" $?
signed=0
for _ in 1 2 3 4; do
  [ "$(curl -sk -o /dev/null -w '%{http_code}' -b "$jar" "$base/account/security")" = 200 ] && signed=$((signed + 1))
done
[ "$signed" = 4 ]; expect "the session is valid on both nodes ($signed of 4 alternating requests signed in)" $?
exit "$failed"
