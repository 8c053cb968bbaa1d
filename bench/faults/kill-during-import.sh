#!/usr/bin/env bash
# Fault: kill -9 in the middle of an import. Imports a large labour-market file with `movilidad records import` and
# kills the process with SIGKILL after a delay, several times at different delays, on SQLite (and on PostgreSQL when a
# connection string to an empty database is given). After each kill: no dataset and no observation was kept, and
# `movilidad audit verify` passes; finally the same import run to its end succeeds and verify still passes.
# Usage: bench/faults/kill-during-import.sh [postgres connection string]
set -euo pipefail
cd "$(dirname "$0")/../.."
postgres=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file=data/records/us-oflc-h2-history/H-2A_Disclosure_Data_FY16_updated.xlsx
dotnet publish src/Movilidad.Cli -c Release -o "$work/cli" -nologo -v q >/dev/null
if [ -n "$postgres" ]; then database=(--database "$postgres" --provider Postgres); label=PostgreSQL
else database=(--database "$work/movilidad.db"); label=SQLite; fi
cli() { (cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" "$@" "${database[@]}"); }
count() { # datasets and observations, read through the audit-free path of the CLI's own database
  if [ -n "$postgres" ]; then
    psql "$(sed 's/;/ /g; s/Username=/user=/; s/Host=/host=/; s/Port=/port=/; s/Database=/dbname=/; s/Password=/password=/' <<<"$postgres")" -Atc \
      'SELECT (SELECT COUNT(*) FROM "LabourDatasets") || '"'"' datasets, '"'"' || (SELECT COUNT(*) FROM "LabourObservations") || '"'"' observations'"'"
  else
    sqlite3 "$work/movilidad.db" 'SELECT (SELECT COUNT(*) FROM LabourDatasets) || " datasets, " || (SELECT COUNT(*) FROM LabourObservations) || " observations"'
  fi
}
cli audit verify >/dev/null # creates the schema
echo "$label: kill -9 during \`movilidad records import $(basename "$file")\` ($(du -h "$file" | cut -f1)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
failed=0
for delay in 2 4 6 8; do
  (cd src/Movilidad.Web && exec dotnet "$work/cli/movilidad.dll" records import "$OLDPWD/$file" "${database[@]}") >"$work/import.log" 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; wait "$pid" 2>/dev/null || true; state="killed after ${delay} s"
  else wait "$pid" || true; state="had finished before ${delay} s"; fi
  verify=$(cli audit verify 2>&1 | tail -n 1) && ok=yes || ok=no
  echo "import $state: $(count); audit verify: $ok ($verify)"
  if [ "$state" != "had finished before ${delay} s" ] && [ "$(count)" != "0 datasets, 0 observations" ]; then failed=1; fi
  [ "$ok" = yes ] || failed=1
  [ "$state" = "had finished before ${delay} s" ] && break
done
[ "$(count)" = "0 datasets, 0 observations" ] && cli records import "$PWD/$file" | tail -n 1
verify=$(cli audit verify 2>&1 | tail -n 1) && ok=yes || { ok=no; failed=1; }
echo "import run to its end: $(count); audit verify: $ok ($verify)"
[ "$failed" = 0 ] && echo PASSED || { echo FAILED >&2; exit 1; }
