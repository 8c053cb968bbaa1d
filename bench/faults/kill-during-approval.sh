#!/usr/bin/env bash
# Fault: kill -9 of the web host in the middle of a report approval. Seeds the demonstration data (it has a semi-annual
# report in draft), gives a Secretariat account and a Pro-Tempore Presidency account an API token each, then in rounds:
# the Secretariat submits the report, the Presidency approves it, and the host is killed with SIGKILL a few
# milliseconds after the approval was sent (a different delay each round). After each kill the host is started again
# and the report must be wholly one thing or the other: submitted, with no approval in the audit trail; or approved,
# with its approval time, its frozen data and exactly one audit entry for the approval. `movilidad audit verify` must
# pass after every round. A report still submitted is returned to draft (with a comment) and the next round kills
# later; the rounds end with the first approval that landed (an approved report is final).
# The accounts' two-step verification and tokens are arranged in the database by this script (a fault harness, not a
# way in): the rounds use the platform's API as any client does.
# Usage: bench/faults/kill-during-approval.sh [rounds, default 20] [postgres connection string to an empty database]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-20}
postgres=${2:-}
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && { kill -9 "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; rm -rf "$work"' EXIT
dotnet publish src/Movilidad.Web -c Release -o "$work/app" -nologo -v q >/dev/null
dotnet publish src/Movilidad.Cli -c Release -o "$work/cli" -nologo -v q >/dev/null
if [ -n "$postgres" ]; then
  export Database__Provider=Postgres ConnectionStrings__Movilidad="$postgres"
  database=(--database "$postgres" --provider Postgres); label=PostgreSQL
  sql() { psql "$(sed 's/;/ /g; s/Username=/user=/; s/Host=/host=/; s/Port=/port=/; s/Database=/dbname=/; s/Password=/password=/; s/Include Error Detail=true//' <<<"$postgres")" -Atc "$1"; }
  yes=true
else
  mkdir -p "$work/db"; export Database__DataDirectory="$work/db"
  database=(--database "$work/db/movilidad.db"); label=SQLite
  sql() { sqlite3 "$work/db/movilidad.db" "$1"; }
  yes=1
fi
cli() { (cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" "$@" "${database[@]}"); }
cli seed --demo | tail -n 1
token_for() { # email role -> a bearer token of a new account with that role
  cli users add --email "$1" --role "$2" >/dev/null
  local token="mov_$(openssl rand -hex 32)" hash id
  hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1 | tr a-f A-F)
  id=$(sql "SELECT \"Id\" FROM \"Accounts\" WHERE \"Email\" = '$1'")
  sql "UPDATE \"Accounts\" SET \"TwoFactorEnabled\" = $yes WHERE \"Id\" = $id" >/dev/null
  sql "INSERT INTO \"ApiTokens\" (\"AccountId\", \"Name\", \"Prefix\", \"Hash\", \"CreatedAt\", \"ExpiresAt\") VALUES ($id, 'kill-during-approval', '${token:0:12}', '$hash', '2026-01-01 00:00:00+00:00', '2099-01-01 00:00:00+00:00')" >/dev/null
  echo "$token"
}
secretariat=$(token_for "secretariat-$$@example.org" secretariat)
presidency=$(token_for "presidency-$$@example.org" presidency)

base=http://127.0.0.1:5207
start() {
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production Security__SecureCookies=false Security__ApiPermitsPerMinute=1000000000 \
    dotnet "$work/app/Movilidad.Web.dll" --urls "$base" >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -sf "$base/health" >/dev/null && return; sleep 0.25; done
  echo "the host did not start" >&2; exit 1
}
api() { # token method path [json] -> body; fails on a non-2xx answer
  curl -sf -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' ${4:+-d "$4"} "$base$3"
}
start
report=$(api "$secretariat" GET /api/reports | jq -r '.[0].id')
[ "$report" != null ] || { echo "the demonstration data has no report" >&2; exit 1; }
echo "$label: kill -9 during the approval of report $report, $rounds rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
approvals() { sql "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"EntityType\" = 'report' AND \"EntityId\" = '$report' AND \"Action\" = 'approved'"; }
failed=0 approved=0 submitted=0
for round in $(seq 1 "$rounds"); do
  view=$(api "$secretariat" GET "/api/reports/$report")
  [ "$(jq -r .status <<<"$view")" = draft ] || { echo "round $round: the report is not in draft: $(jq -c '{status,version}' <<<"$view")" >&2; failed=1; break; }
  view=$(api "$secretariat" POST "/api/reports/$report/submit" "{\"version\":$(jq .version <<<"$view")}")
  before=$(approvals)
  delay=$(awk -v r="$round" 'BEGIN { printf "%.3f", 0.005 * 1.6 ^ (r - 1) }')
  api "$presidency" POST "/api/reports/$report/approve" "{\"version\":$(jq .version <<<"$view")}" >/dev/null 2>&1 &
  sleep "$delay"; kill -9 "$server"; wait "$server" 2>/dev/null || true; wait || true
  start
  view=$(api "$secretariat" GET "/api/reports/$report")
  status=$(jq -r .status <<<"$view"); after=$(approvals)
  verify=$(cli audit verify 2>&1 | tail -n 1) && ok=yes || ok=no
  case "$status" in
    approved)
      approved=$((approved + 1))
      whole=$([ "$(jq -r '.approvedAt != null and .frozen' <<<"$view")" = true ] && [ "$after" = $((before + 1)) ] && echo yes || echo no) ;;
    submitted)
      submitted=$((submitted + 1))
      whole=$([ "$(jq -r '.approvedAt == null and (.frozen | not)' <<<"$view")" = true ] && [ "$after" = "$before" ] && echo yes || echo no)
      view=$(api "$presidency" POST "/api/reports/$report/return" "{\"version\":$(jq .version <<<"$view"),\"comment\":\"round $round of the kill -9 test\"}") ;;
    *) whole=no ;;
  esac
  echo "round $round: killed $delay s after the approval was sent: report $status, approval audit entries $before -> $after, whole: $whole; audit verify: $ok ($verify)"
  [ "$whole" = yes ] && [ "$ok" = yes ] || failed=1
  [ "$status" = submitted ] || break
done
echo "$approved rounds ended approved, $submitted still submitted; load $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$failed" = 0 ] && echo PASSED || { echo FAILED >&2; exit 1; }
