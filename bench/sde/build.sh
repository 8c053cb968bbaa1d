#!/usr/bin/env bash
# Builds SDEverywhere's C for a Vensim model and the timing driver around it: installs the compiler from npm
# (once), makes the edits the compiler needs (prepare.mjs), compiles with cc -O3.
# Usage: bench/sde/build.sh MODEL.mdl OUT-DIR    (prints the path of the binary)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
model=$1
out=$2
if [ ! -d "$here/node_modules/@sdeverywhere/compile" ]; then
  (cd "$here" && npm install --no-audit --no-fund --loglevel=error >&2)
fi
node "$here/prepare.mjs" "$model" "$out"
cp "$here/sde.h" "$out/"
cc -O3 -w -I"$out" -o "$out/model-bench" "$out/model.c" "$here/driver.c" -lm
echo "$out/model-bench"
