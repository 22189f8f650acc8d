#!/usr/bin/env bash
# XES import speed: `pmstudio inspect` on BPIC 2012 (bpic2012.xes.gz: 262,200 events, 74 MB of XML)
# RUNS times (default 5), median of the import time it reports and of the whole process. With a
# PM4Py source directory, also times pm4py.read_xes on the same file in the same run (Debian's
# python3 with that directory on sys.path; PM4PY_RUNS times, default 3) and prints the ratio.
# Usage: bench/xes_import_bench.sh [path/to/pmstudio] [PM4Py source dir]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BINARY=${1:-$ROOT/build/pmstudio}
PM4PY_DIR=${2:-}
RUNS=${RUNS:-5}
PM4PY_RUNS=${PM4PY_RUNS:-3}
LOG=${LOG:-$ROOT/../shared/data/bpic2012.xes.gz}

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "XES import benchmark: $(basename "$LOG") on $(nproc) cores"
import_times=()
wall_times=()
for _ in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  out=$("$BINARY" inspect "$LOG")
  end=$(date +%s.%N)
  import_times+=("$(python3 -c 'import json,sys; print(json.load(sys.stdin)["import_seconds"])' <<< "$out")")
  wall_times+=("$(echo "$end - $start" | bc -l)")
done
events=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["events"])' <<< "$out")
pmstudio_import=$(printf '%s\n' "${import_times[@]}" | median)
pmstudio_wall=$(printf '%s\n' "${wall_times[@]}" | median)
printf 'pmstudio inspect: %s events, import %.3f s (median of %d: %s), process %.3f s\n' \
  "$events" "$pmstudio_import" "$RUNS" "${import_times[*]}" "$pmstudio_wall"

if [[ -n "$PM4PY_DIR" ]]; then
  pm4py_times=()
  for _ in $(seq 1 "$PM4PY_RUNS"); do
    pm4py_times+=("$(/usr/bin/python3 - "$PM4PY_DIR" "$LOG" 2> /dev/null <<'PY'
import sys, time
sys.path.insert(0, sys.argv[1])
import pm4py
start = time.perf_counter()
frame = pm4py.read_xes(sys.argv[2])
elapsed = time.perf_counter() - start
assert len(frame) > 0
print(elapsed)
PY
)")
  done
  pm4py_import=$(printf '%s\n' "${pm4py_times[@]}" | median)
  printf 'PM4Py read_xes:   import %.3f s (median of %d: %s)\n' \
    "$pm4py_import" "$PM4PY_RUNS" "${pm4py_times[*]}"
  printf 'ratio PM4Py/pmstudio (import): %.1fx\n' "$(echo "$pm4py_import / $pmstudio_import" | bc -l)"
fi
