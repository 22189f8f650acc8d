#!/usr/bin/env bash
# Mining core speed in process (bench/mining_bench.cpp): directly-follows counts with mean gaps,
# variants and case durations over a whole log, best of RUNS (default 10). With a PM4Py source
# directory, the same run also times PM4Py's equivalent calls on the same file (Debian's python3
# with that directory on sys.path; best of PM4PY_RUNS, default 3) — discover_dfg plus
# discover_performance_dfg, get_variants, get_all_case_durations on the imported DataFrame — and
# prints the ratios. Loading is not timed on either side.
# Usage: bench/mining_bench.sh LOG [PM4Py source dir]
#   LOG: .xes/.xes.gz, .csv or .pmslog (pmstudio only). CSV columns: MAPPING=case,activity,time
#   [,resource]; by default PM4Py's names when the header has case:concept:name, else those of
#   ../shared/tools/gen_eventlog.py (CaseID,Activity,Timestamp,Resource).
# Environment: BUILD_DIR (default build).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOG=${1:?usage: bench/mining_bench.sh LOG [PM4Py source dir]}
PM4PY_DIR=${2:-}
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
RUNS=${RUNS:-10}
PM4PY_RUNS=${PM4PY_RUNS:-3}

if [[ -z ${MAPPING:-} ]]; then
  MAPPING=CaseID,Activity,Timestamp,Resource
  if [[ $LOG == *.csv ]] && head -1 "$LOG" | grep -q 'case:concept:name'; then
    MAPPING=case:concept:name,concept:name,time:timestamp,org:resource
  fi
fi

cmake --build "$BUILD_DIR" --target pmstudio_mining_bench -j "$(nproc)" > /dev/null
echo "mining benchmark: $(basename "$LOG") on $(nproc) cores"
out=$("$BUILD_DIR/pmstudio_mining_bench" "$LOG" "$RUNS" "$MAPPING")
echo "pmstudio (in process):"
echo "$out"
seconds() { awk -v name="$1" '$1 == name {print $2}' <<< "$2"; }
dfg=$(seconds dfg "$out")
variants=$(seconds variants "$out")
durations=$(seconds case_durations "$out")

if [[ -z $PM4PY_DIR ]]; then exit 0; fi
if [[ $LOG == *.pmslog ]]; then
  echo "PM4Py cannot read .pmslog files; no comparison"
  exit 0
fi
if ! pm4py_out=$(/usr/bin/python3 - "$PM4PY_DIR" "$LOG" "$PM4PY_RUNS" "$MAPPING" 2> "$BUILD_DIR/mining_bench_pm4py.err" <<'PY'
import sys, time
sys.path.insert(0, sys.argv[1])
import pandas as pd
import pm4py
log, runs, mapping = sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",")
start = time.perf_counter()
if log.endswith(".csv"):
    frame = pd.read_csv(log)
    # Mixed UTC offsets would stay text; PM4Py's reference figures use the instants.
    frame[mapping[2]] = pd.to_datetime(frame[mapping[2]], utc=True)
    frame = pm4py.format_dataframe(frame, case_id=mapping[0], activity_key=mapping[1],
                                   timestamp_key=mapping[2])
else:
    frame = pm4py.read_xes(log)
print(f"load {time.perf_counter() - start:.3f}")

def best(call):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)

print(f"discover_dfg {best(lambda: pm4py.discover_dfg(frame)):.6f}")
print(f"discover_performance_dfg {best(lambda: pm4py.discover_performance_dfg(frame)):.6f}")
print(f"get_variants {best(lambda: pm4py.get_variants(frame)):.6f}")
print(f"get_all_case_durations {best(lambda: pm4py.get_all_case_durations(frame)):.6f}")
PY
); then
  echo "PM4Py failed, see $BUILD_DIR/mining_bench_pm4py.err" >&2
  exit 1
fi
echo "PM4Py $(/usr/bin/python3 -c "import sys; sys.path.insert(0, '$PM4PY_DIR'); import pm4py; print(pm4py.__version__)" 2> /dev/null) (best of $PM4PY_RUNS, seconds):"
echo "$pm4py_out"
python3 - "$dfg" "$variants" "$durations" "$pm4py_out" <<'PY'
import sys
dfg, variants, durations = map(float, sys.argv[1:4])
pm4py = dict((name, float(value)) for name, value in (line.split() for line in sys.argv[4].splitlines()))
frequency, performance = pm4py["discover_dfg"], pm4py["discover_performance_dfg"]
print("ratios PM4Py/pmstudio:")
print(f"  DFG counts + mean durations (discover_dfg + discover_performance_dfg): "
      f"{(frequency + performance) / dfg:.0f}x (performance DFG alone: {performance / dfg:.0f}x)")
print(f"  variants: {pm4py['get_variants'] / variants:.0f}x")
print(f"  DFG + variants: {(frequency + performance + pm4py['get_variants']) / (dfg + variants):.0f}x "
      f"(performance DFG + variants: {(performance + pm4py['get_variants']) / (dfg + variants):.0f}x)")
print(f"  case durations: {pm4py['get_all_case_durations'] / durations:.0f}x")
PY
