#!/usr/bin/env bash
# CPU time the web app spends per answer on the signed-in reads of the load suite that missed its p99 target (the
# indicators page, the dashboard's JSON, the follow-up matrix export), with /health/live as the floor. Wall-clock
# percentiles mean little on a shared machine; the app's own CPU time per answer does: it is read from
# /proc/<pid>/stat (user + system) before and after a fixed-length wrk run at a few connections, and divided by the
# 2xx answers of that run. Same set-up as suite.sh (Production, realistic synthetic plan, an observer signed in
# through the real pages). Any answer that is not 2xx is reported and makes the script exit with 1.
# Usage: bench/load/cpu-per-request.sh [postgres connection string] (without one: SQLite in a scratch folder).
# DURATION (default 10 s per endpoint) and CONNECTIONS (default 8) may be set in the environment.
set -euo pipefail
cd "$(dirname "$0")/../.."
postgres=${1:-}
duration=${DURATION:-10}
connections=${CONNECTIONS:-8}
threads=2

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; rm -rf "$work"' EXIT
source bench/load/wrk-lib.sh
source bench/load/dashboard-lib.sh
seeded_app 5198 "$postgres"
signed=(-H "Cookie: $cookie")
ticks=$(getconf CLK_TCK)

cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }

per_answer() { # name url [wrk/curl header arguments] -> one line: CPU ms per 2xx answer, answers, other statuses, bytes per answer, load
  local name=$1 url=$2 before after out ok other bytes
  shift 2
  wrk -t"$threads" -c"$connections" -d3s "$@" "$url" >/dev/null 2>&1 || true # warm-up, not counted
  before=$(cpu)
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -H "Accept-Language: es" "$@" -s "$status_script" "$url")
  after=$(cpu)
  IFS=$'\t' read -r _ ok other _ <<<"$(grep '^RESULT' <<<"$out")"
  bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Language: es" "$@" "$url")
  printf '%s\t%s\t%s\t%s\t%s\tload %s\n' "$name" "$(awk -v c=$((after - before)) -v t="$ticks" -v n="$ok" 'BEGIN {printf "%.3f", n > 0 ? c * 1000 / t / n : 0}')" "$ok" "$other" "$bytes" "$(load)"
  if [ "$other" != none ] || [ "$ok" = 0 ]; then failed=1; fi
}

echo "$label, $connections connections, $threads wrk threads, ${duration} s per endpoint (after a 3 s warm-up), $(nproc) cores, commit $(git rev-parse --short HEAD)"
printf 'endpoint\tapp CPU ms per 2xx answer\t2xx\tother statuses\tbytes per answer\tload average (1, 5, 15 min)\n'
per_answer "/health/live" "$base/health/live"
per_answer "/indicators (signed in)" "$base/indicators?plan=sintetico-realistic" "${signed[@]}"
per_answer "/api/indicators/dashboard (signed in)" "$base/api/indicators/dashboard?plan=sintetico-realistic" "${signed[@]}"
per_answer "/api/matrix?plan=po-prml-2023-2027 (signed in)" "$base/api/matrix?plan=po-prml-2023-2027&language=es" "${signed[@]}"
exit "$failed"
