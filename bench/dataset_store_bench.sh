#!/usr/bin/env bash
# Dataset store benchmark: the 10M-event synthetic log written to and loaded from the binary
# format (docs/binary-format.md). Generates the CSV once (reused when present).
#   bench/dataset_store_bench.sh [BUILD_DIR]
# Environment: CASES (default 1200000, about 10M events), CSV (default /tmp/synth.csv),
# STORE (default /tmp/pmstudio-store-bench.pmslog).
set -euo pipefail

BUILD_DIR=${1:-build}
CASES=${CASES:-1200000}
CSV=${CSV:-/tmp/synth.csv}
STORE=${STORE:-/tmp/pmstudio-store-bench.pmslog}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

if [[ ! -s $CSV ]]; then
  echo "generating $CSV ($CASES cases)"
  python3 "$ROOT/../shared/tools/gen_eventlog.py" --cases "$CASES" --out "$CSV.part"
  mv "$CSV.part" "$CSV"
fi
cmake --build "$BUILD_DIR" --target pmstudio_store_bench -j "$(nproc)" >/dev/null
"$BUILD_DIR/pmstudio_store_bench" "$CSV" "$STORE"
rm -f "$STORE"
