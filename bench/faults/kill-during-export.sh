#!/usr/bin/env bash
# Fault: kill -9 in the middle of an export. The export an operator relies on is `movilidad backup --out FILE` (the
# database, the key ring, the uploaded files and the audit trail in one file). Seeds the realistic synthetic plan so a
# backup takes a few seconds, writes a first backup, then in rounds writes the backup again to the same name and kills
# the process with SIGKILL after a delay. After each kill the file at that name must be the previous complete backup,
# byte for byte (a backup is written beside it and renamed into place only once complete), or, when the process
# finished first, a new complete one (the rounds end there, the delays doubling until one does); `movilidad audit verify` must pass. At the end the file left is restored into an
# empty database, which verifies it (hash, row counts, content, audit chain).
# Usage: bench/faults/kill-during-export.sh [postgres connection string to an empty database]
# (with PostgreSQL the restore needs a second empty database: the same connection string with "_restore" appended to
# its database name, created by this script).
set -euo pipefail
cd "$(dirname "$0")/../.."
postgres=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Movilidad.Cli -c Release -o "$work/cli" -nologo -v q >/dev/null
if [ -n "$postgres" ]; then
  database=(--database "$postgres" --provider Postgres); label=PostgreSQL
  target_db=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$postgres")
  [ -n "$target_db" ] || { echo "give the connection string with Database=..." >&2; exit 2; }
  restore_to="${postgres/Database=$target_db/Database=${target_db}_restore}"
  admin=$(sed 's/;/ /g; s/Username=/user=/; s/Host=/host=/; s/Port=/port=/; s/Database=[^ ]*/dbname=postgres/; s/Password=/password=/; s/Include Error Detail=true//' <<<"$postgres")
  psql "$admin" -qc "DROP DATABASE IF EXISTS \"${target_db}_restore\"" -c "CREATE DATABASE \"${target_db}_restore\""
  restore_database=(--database "$restore_to" --provider Postgres)
else
  database=(--database "$work/movilidad.db"); label=SQLite
  restore_database=(--database "$work/restored.db")
fi
cli() { (cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" "$@"); }
cli seed --synthetic realistic --seed 1 "${database[@]}" | tail -n 1
out="$work/backup.zip"
cli backup --out "$out" "${database[@]}" | tail -n 1
echo "$label: kill -9 during \`movilidad backup\` ($(du -h "$out" | cut -f1)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
failed=0
for delay in 0.5 1 2 4 8 16 32 64 128; do
  previous=$(sha256sum "$out" | cut -d' ' -f1)
  (cd src/Movilidad.Web && exec dotnet "$work/cli/movilidad.dll" backup --out "$out" "${database[@]}") >"$work/backup.log" 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true
    now=$(sha256sum "$out" | cut -d' ' -f1)
    [ "$now" = "$previous" ] && kept="the previous backup, unchanged" || { kept="CHANGED although the backup was killed"; failed=1; }
    state="killed after ${delay} s"
  else
    wait "$pid" || { failed=1; }
    kept="a new complete backup ($(tail -n 1 "$work/backup.log"))"; state="had finished before ${delay} s"
  fi
  verify=$(cli audit verify "${database[@]}" 2>&1 | tail -n 1) && ok=yes || { ok=no; failed=1; }
  echo "backup $state: $(basename "$out") is $kept; audit verify: $ok ($verify)"
  [ "$state" = "had finished before ${delay} s" ] && break
done
restored=$(cli restore "$out" "${restore_database[@]}" 2>&1 | tail -n 1) && ok=yes || { ok=no; failed=1; }
echo "the backup left restored into an empty database and verified: $ok ($restored)"
[ -z "$postgres" ] || psql "$admin" -qc "DROP DATABASE IF EXISTS \"${target_db}_restore\""
[ "$failed" = 0 ] && echo PASSED || { echo FAILED >&2; exit 1; }
