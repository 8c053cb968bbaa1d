#!/usr/bin/env bash
# Load test of the platform-wide search (issue 13: p95 < 150 ms with 100,000 entries, wrk, 8 connections), on SQLite
# or PostgreSQL: publishes the app and the command line, adds synthetic published good practices with bilingual text
# (`movilidad search seed --practices N`, indexed as they are saved), signs an observer in, and measures
#   - /api/search and /search signed in (never answered from the output cache), and
#   - /api/search not signed in,
# each request with another query drawn from 2,500 two-word combinations of the synthetic vocabulary and a page of 1 to
# 3 (an anonymous answer repeated within the run may come from the output cache). Every answer is counted by status
# (wrk-lib.sh); the script exits with 1 when any was not 2xx. Before the load, `movilidad search time` prints the CPU
# time of a query per stage: signed in with the counts of the web (facet sets and counts kept per data version), signed
# in with every count a grouped query (--uncached, as before them), and not signed in; on PostgreSQL, the server's version
# and settings and EXPLAIN ANALYZE of a word's match (what the count reads, once per data version) and of a query's ranked page.
# Usage: bench/load/search.sh [seconds, default 20] [connections, default 8] [entries, default 100000] [postgres connection string]
# A PostgreSQL connection string without Database= (e.g. "Host=127.0.0.1;Port=5432;Username=postgres") gets a database of
# the run's own, dropped at the end; with Database= that database is used and kept (run it on an empty one). On SQLite,
# SEARCH_DATA_DIR=folder uses and keeps the database of that folder instead of a scratch one. Entries 0 seeds nothing:
# to measure again, or another build, on a database a run seeded and kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
connections=${2:-8}
entries=${3:-100000}
postgres=${4:-}
threads=2

work=$(mktemp -d)
server=
scratch_db=
# A PostgreSQL server is given without a database: the run uses a database of its own (created by the app's migration),
# dropped at the end, so each run seeds the same entries into an empty database.
setting() { tr ';' '\n' <<<"$postgres" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { sub(/^[^=]*=/, ""); print }'; }
drop_scratch() {
  [ -n "$scratch_db" ] || return 0
  PGPASSWORD=$(setting Password) psql -q -h "$(setting Host)" -p "$(setting Port)" -U "$(setting Username)" -d postgres \
    -c "DROP DATABASE IF EXISTS \"$scratch_db\" WITH (FORCE)" >/dev/null || true
}
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; drop_scratch; rm -rf "$work"' EXIT
dotnet publish src/Movilidad.Web -c Release -o "$work/app" -nologo -v q >/dev/null
dotnet publish src/Movilidad.Cli -c Release -o "$work/cli" -nologo -v q >/dev/null
if [ -n "$postgres" ]; then
  if [ -z "$(setting Database)" ]; then
    command -v psql >/dev/null || { echo "psql is needed to drop the run's database (apt-get install postgresql-client)" >&2; exit 1; }
    scratch_db="movilidad_search_$$"
    postgres="$postgres;Database=$scratch_db"
  fi
  export Database__Provider=Postgres ConnectionStrings__Movilidad="$postgres"
  database=(--database "$postgres" --provider Postgres)
else
  data=${SEARCH_DATA_DIR:-$work/db}
  mkdir -p "$data"
  export Database__DataDirectory="$data"
  database=(--database "$data/movilidad.db")
fi

source bench/load/wrk-lib.sh
source bench/load/dashboard-lib.sh
start_app 5197 # migrates and loads the shipped content (the practices need its institutions)
kill "$server"; wait "$server" 2>/dev/null || true; server=
if [ "$entries" -gt 0 ]; then
  started=$(date +%s)
  (cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" search seed --practices "$entries" --seed 1 "${database[@]}" 2>/dev/null | tail -n 1)
  echo "seeded in $(( $(date +%s) - started )) s"
fi
# CPU time per query and stage, one query at a time (meaningful under load, unlike the wall-clock figures below).
(cd src/Movilidad.Web && for mode in "" --uncached --anonymous; do dotnet "$work/cli/movilidad.dll" search time --queries 200 $mode "${database[@]}"; echo; done)
if [ -n "$postgres" ] && command -v psql >/dev/null; then
  # The plans of one query of the benchmark's vocabulary, as the search sends them (SearchEngine): the count reads the
  # ids of each word in each configuration once per data version (then kept as bit sets); the page ranks the newest
  # 2,000 entries of the match (SearchEngine.RankedAtMost; the lowest id ranked comes from the kept sets, here from psql).
  PGPASSWORD=$(setting Password) psql -X -q -h "$(setting Host)" -p "$(setting Port)" -U "$(setting Username)" -d "$(setting Database)" <<'SQL'
\pset pager off
SELECT version();
SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'max_parallel_workers_per_gather');
\set q '((websearch_to_tsquery(''movilidad_es'', ''trabajadoras'') && websearch_to_tsquery(''movilidad_es'', ''laboral'')) || (websearch_to_tsquery(''movilidad_en'', ''trabajadoras'') && websearch_to_tsquery(''movilidad_en'', ''laboral'')))'
\echo 'The count: the ids of one word in one configuration, once per data version'
SET enable_seqscan = off;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT e."Id" FROM "SearchEntries" e WHERE e."Document" @@ websearch_to_tsquery('movilidad_es', 'trabajadoras');
SELECT COUNT(*) AS matches FROM "SearchEntries" e WHERE e."Document" @@ :q;
SELECT e."Id" AS floor FROM "SearchEntries" e WHERE e."Document" @@ :q ORDER BY e."Id" DESC LIMIT 1 OFFSET 1999 \gset
\echo 'The page: the newest 2,000 of the match ranked, not signed in, page 2'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT e."Id", ts_rank(e."Document", :q) AS "Rank"
FROM "SearchEntries" e
WHERE e."Document" @@ :q AND e."Id" >= :floor
  AND e."Id" NOT IN (SELECT "Id" FROM "SearchEntries" WHERE "IsPublic" = FALSE)
ORDER BY "Rank" DESC, e."Id" LIMIT 20 OFFSET 20;
SQL
fi
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

echo "$([ -n "$postgres" ] && echo PostgreSQL || echo SQLite), $entries synthetic practices added, $connections connections"
measure_header
run "/api/search (signed in)" "$base/api/search"
run "/search (signed in)" "$base/search"
measure "/api/search (anonymous)" "$base/api/search"
exit "$failed"
