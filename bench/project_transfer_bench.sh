#!/usr/bin/env bash
# Project export and import (.mpz) through the API, against importing the same data as a CSV
# upload in the same run (bench/project_transfer_bench.py says what is measured).
# Usage: bench/project_transfer_bench.sh [path/to/pmstudio] [CSV with CaseID, Activity, Timestamp,
#        Resource columns, e.g. /work/synth10m.csv (default: the shared receipt.csv)]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BINARY=${1:-$ROOT/build/pmstudio}
CSV=${2:-}
RUNS=${RUNS:-3}
set --  # no extra server arguments
source "$ROOT/bench/bench_server.sh"
echo "project transfer benchmark on $(nproc) cores"
/usr/bin/python3 "$ROOT/bench/project_transfer_bench.py" "$url" "$admin" "$tenant" "$server_pid" \
  "$work" --runs "$RUNS" ${CSV:+--csv "$CSV"}
