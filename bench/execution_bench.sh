#!/usr/bin/env bash
# Execution speed through the API (bench/execution_bench.py says what is measured).
# Usage: bench/execution_bench.sh [path/to/pmstudio] [PM4Py source dir] [large CSV]
#   1. BPIC 2012: process map and variants blocks, with PM4Py's DFG and variants in the same run
#      when the PM4Py dir is given;
#   2. with a large CSV (e.g. gen_eventlog.py --cases 1200000): the 7-block notebook, full run and
#      re-run after changing only the last calculators.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BINARY=${1:-$ROOT/build/pmstudio}
PM4PY_DIR=${2:-}
LARGE_CSV=${3:-}
RUNS=${RUNS:-5}
set --  # no extra server arguments
source "$ROOT/bench/bench_server.sh"
echo "execution benchmark on $(nproc) cores"
/usr/bin/python3 "$ROOT/bench/execution_bench.py" bpic "$url" "$admin" "$tenant" \
  "$ROOT/../shared/data/bpic2012.xes.gz" --runs "$RUNS" ${PM4PY_DIR:+--pm4py "$PM4PY_DIR"}
if [[ -n "$LARGE_CSV" ]]; then
  /usr/bin/python3 "$ROOT/bench/execution_bench.py" notebook "$url" "$admin" "$tenant" "$LARGE_CSV"
fi
