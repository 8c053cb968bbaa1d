#!/usr/bin/env bash
# Times the whole `movilidad sd run MODEL --out FILE` process (start, parse, compile, run, CSV) on the published
# models of bench/models, the start-up targets of issue 18 (WORLD3-03 under 0.5 s wall, C-LEARN under 2 s, on a
# quiet machine). Prints the load average before each model and, per run, the wall clock and the processor time
# (user + system, every thread), which is the steadier figure on a shared machine.
#
#   bench/sd-startup.sh [ROUNDS] [COMMAND...]
#
# ROUNDS defaults to 3; COMMAND defaults to the Release build (dotnet src/Movilidad.Cli/bin/Release/net10.0/movilidad.dll).
# For the ReadyToRun command: dotnet publish src/Movilidad.Cli -c Release -r linux-x64 -o /tmp/movilidad-r2r, then
# bench/sd-startup.sh 3 /tmp/movilidad-r2r/movilidad
# With TIMINGS=1 each run is given --timings and its phases (process start, reading, compiling, running, writing) are
# printed under it (the command must know the option).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
shift || true
if [ $# -eq 0 ]; then
  set -- dotnet "$root/src/Movilidad.Cli/bin/Release/net10.0/movilidad.dll"
fi
out=$(mktemp --suffix=.csv)
phases=$(mktemp)
trap 'rm -f "$out" "$phases"' EXIT
timings=()
if [ "${TIMINGS:-0}" = 1 ]; then
  timings=(--timings)
fi
TIMEFORMAT='%R %U %S'
for model in "wrld3-03.mdl" "C-LEARN v77 for Vensim.mdl"; do
  echo "$model (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  for ((i = 1; i <= rounds; i++)); do
    figures=$( { time "$@" sd run "$root/bench/models/$model" --out "$out" --progress never "${timings[@]}" >/dev/null 2>"$phases"; } 2>&1 )
    awk -v run="$i" '{ printf "  run %d: %.2f s wall, %.2f s processor\n", run, $1, $2 + $3 }' <<<"$figures"
    sed 's/^/    /' "$phases"
  done
done
