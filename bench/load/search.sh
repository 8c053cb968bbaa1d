#!/usr/bin/env bash
# Load test of the platform-wide search (issue 13: p95 < 150 ms with 100,000 entries, wrk, 8 connections), on SQLite
# or PostgreSQL: publishes the app and the command line, adds synthetic published good practices with bilingual text
# (`movilidad search seed --practices N`, indexed as they are saved), signs an observer in, and measures
#   - /api/search and /search signed in (never answered from the output cache), and
#   - /api/search not signed in,
# each request with another query drawn from 2,500 two-word combinations of the synthetic vocabulary and a page of 1 to
# 3 (an anonymous answer repeated within the run may come from the output cache). Every answer is counted by status
# (wrk-lib.sh); the script exits with 1 when any was not 2xx.
# Usage: bench/load/search.sh [seconds, default 20] [connections, default 8] [entries, default 100000] [postgres connection string]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
connections=${2:-8}
entries=${3:-100000}
postgres=${4:-}
threads=2

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; rm -rf "$work"' EXIT
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

source bench/load/wrk-lib.sh
source bench/load/dashboard-lib.sh
start_app 5197 # migrates and loads the shipped content (the practices need its institutions)
kill "$server"; wait "$server" 2>/dev/null || true; server=
started=$(date +%s)
(cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" search seed --practices "$entries" --seed 1 "${database[@]}" 2>/dev/null | tail -n 1)
echo "seeded in $(( $(date +%s) - started )) s"
link=$(cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" users add --email "bench-$$@example.org" --role observer --base-url http://127.0.0.1:5197 "${database[@]}" | grep '/account/reset')
start_app 5197
sign_in "$link" "bench-$$@example.org"

# Every request asks another query: appended to wrk-lib's status script, so the statuses are still counted.
cat >>"$status_script" <<'LUA'
local first = {"migrantes", "trabajadoras", "contratación", "seguridad", "certificación", "reintegración", "derechos", "fraude",
  "género", "empleo", "agrícolas", "consulados", "autoridades", "competencias", "movilidad", "workers", "recruitment",
  "social", "skills", "rights", "employers", "fraud", "gender", "labour", "returnees", "programmes", "portability",
  "capacitan", "protegen", "coordinate", "assess", "rural", "frontera", "región", "temporales", "solidaria", "emprendimiento",
  "información", "mercado", "igualdad", "prevention", "consular", "agencies", "public", "Guatemala", "Honduras", "México",
  "Panama", "Costa Rica", "equitativa"}
local second = {"laboral", "Guatemala", "Honduras", "trabajadores", "workers", "región", "rural", "protección", "fair",
  "temporal", "programas", "services", "destino", "norte", "mexico", "salvador", "derechos", "training", "empleadores",
  "certifican", "orientan", "financian", "supervisan", "oversee", "guide", "fund", "document", "strengthen", "locales",
  "sociedad", "civil", "organisations", "institutions", "seguridad", "portabilidad", "competencias", "reintegration",
  "rights", "igualdad", "equality", "fraude", "prevención", "consulados", "agencias", "contratación", "recruitment",
  "mobility", "movilidad", "regular", "social"}
local n = 0
request = function()
  n = n + 1
  local a = first[math.random(#first)]
  local b = second[math.random(#second)]
  local q = (a .. " " .. b):gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end)
  return wrk.format(nil, wrk.path .. "?q=" .. q .. "&page=" .. math.random(3))
end
LUA

echo "$([ -n "$postgres" ] && echo PostgreSQL || echo SQLite), $entries synthetic practices, $connections connections"
measure_header
run "/api/search (signed in)" "$base/api/search"
run "/search (signed in)" "$base/search"
measure "/api/search (anonymous)" "$base/api/search"
exit "$failed"
