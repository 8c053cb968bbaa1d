# Shared by every load script in bench/load (sourced, not run): one wrk measurement that counts every answer by its
# HTTP status, so a figure never counts refusals (429), redirects or errors as served requests.
# measure NAME URL [extra wrk arguments...] prints one tab-separated line:
#   name, requests/s (2xx only), 2xx answers, every other status with its count, socket errors, p50, p95, p99, load average
# and sets failed=1 when any answer was not 2xx or any socket error (connect, read, write, timeout) happened.
# Expects $work (a scratch folder, before sourcing), then $threads, $connections and $duration; a script ends with `exit "$failed"`.

# A fresh machine has no package lists yet: update them before installing.
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && { apt-get update -qq >/dev/null 2>&1 || true; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
failed=0
load() { cut -d' ' -f1-3 /proc/loadavg; }

status_script="${work:?set work to a scratch folder before sourcing}/status.lua"
cat >"$status_script" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + n end
  end
  local ok, other = 0, {}
  for status, n in pairs(total) do
    if status >= 200 and status < 300 then ok = ok + n else table.insert(other, status .. "x" .. n) end
  end
  local e = summary.errors
  io.write(string.format("RESULT\t%d\t%s\t%d\t%.1f\t%.1f\t%.1f\t%.2f\n", ok, #other > 0 and table.concat(other, ",") or "none",
    e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
LUA

measure() { # name url [wrk args] -> one line; sets failed=1 on any non-2xx answer or socket error
  local name=$1 url=$2 out line ok other sockets p50 p95 p99 seconds
  shift 2
  wrk -t"$threads" -c"$connections" -d3s "$@" "$url" >/dev/null 2>&1 || true # warm-up, not counted
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -H "Accept-Language: es" "$@" -s "$status_script" "$url")
  line=$(grep '^RESULT' <<<"$out")
  IFS=$'\t' read -r _ ok other sockets p50 p95 p99 seconds <<<"$line"
  printf '%s\t%.0f\t%s\t%s\t%s\t%s ms\t%s ms\t%s ms\tload %s\n' "$name" "$(awk -v ok="$ok" -v s="$seconds" 'BEGIN {print ok / s}')" "$ok" "$other" "$sockets" "$p50" "$p95" "$p99" "$(load)"
  if [ "$other" != none ] || [ "$sockets" != 0 ] || [ "$ok" = 0 ]; then failed=1; fi
}

measure_header() { printf 'endpoint\t2xx/s\t2xx\tother statuses\tsocket errors\tp50\tp95\tp99\tload average (1, 5, 15 min)\n'; }
