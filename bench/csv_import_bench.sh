#!/usr/bin/env bash
# End-to-end import of the synthetic 10M-event CSV through the API: upload (multipart, streamed to
# disk) + import + canonical sort + binary store, then loading the stored dataset into the project
# cache. Reports wall time, peak server RSS, stored size against the CSV size, and cache load speed,
# each next to a baseline measured in the same run on the same files (reading the CSV once with
# `wc -l`; reading the stored file once with `cat`).
# Usage: bench/csv_import_bench.sh [path/to/pmstudio] [CSV path] [cases, default 1200000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BINARY=${1:-$ROOT/build/pmstudio}
CSV=${2:-/tmp/pmstudio-synth-10m.csv}
CASES=${3:-1200000}
GENERATOR=$ROOT/../shared/tools/gen_eventlog.py

if [[ ! -s $CSV ]]; then
  echo "generating $CSV ($CASES cases)..."
  python3 "$GENERATOR" --cases "$CASES" --out "$CSV"
fi

source "$ROOT/bench/bench_server.sh" --log-level warn
key=$admin
project=$(curl -sf -X POST "$url/api/$tenant/project" -H "Authorization: Bearer $key" \
  -d '{"projectName":"bench"}' | json projectId)

peak_rss() {  # samples the server's RSS until the file $1 appears
  local peak=0 now
  while [[ ! -e $1 ]]; do
    now=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
    (( now > peak )) && peak=$now
    sleep 0.1
  done
  echo "$peak"
}

csv_bytes=$(stat -c %s "$CSV")
baseline_start=$(date +%s.%N)
wc -l < "$CSV" > /dev/null
baseline_end=$(date +%s.%N)

peak_rss "$work/done" > "$work/peak" &
sampler_pid=$!
start=$(date +%s.%N)
curl -sf -X POST "$url/api/$tenant/$project/dataset/csv" -H "Authorization: Bearer $key" \
  -F "file=@$CSV" -F datasetName=synthetic -F caseIdColumn=CaseID -F activityNameColumn=Activity \
  -F activityTimeColumn=Timestamp -F resourceColumn=Resource > "$work/result.json"
end=$(date +%s.%N)
touch "$work/done"
wait "$sampler_pid"
events=$(json eventCount < "$work/result.json")
dataset=$(json datasetId < "$work/result.json")
stored=$(curl -sf "$url/api/$tenant/$project/dataset/$dataset" -H "Authorization: Bearer $key" | json storedBytes)

# Five load/unload cycles: the first pays for fresh memory (page faults, and page-cache reclaim
# when the machine's memory is full of cache); the median shows the steady state.
load_times=()
for _ in 1 2 3 4 5; do
  load=$(curl -sf "$url/api/$tenant/project/$project/load" -H "Authorization: Bearer $key")
  load_times+=("$(json loadSeconds <<< "$load")")
  curl -sf -X DELETE "$url/api/$tenant/project/$project/unload" -H "Authorization: Bearer $key" > /dev/null
done
first_load=${load_times[0]}
load_seconds=$(printf '%s\n' "${load_times[@]}" | sort -g | sed -n 3p)
stored_file=$(find "$work/data/tenants" -name '*.pmslog' | head -1)
cat_start=$(date +%s.%N)
cat "$stored_file" > /dev/null
cat_end=$(date +%s.%N)

python3 - "$csv_bytes" "$events" "$start" "$end" "$baseline_start" "$baseline_end" "$(cat "$work/peak")" \
  "$stored" "$load_seconds" "$cat_start" "$cat_end" "$first_load" <<'PY'
import sys
(csv_bytes, events, start, end, b_start, b_end, peak_kb, stored, load_s, c_start, c_end,
 first_s) = sys.argv[1:]
first_s = float(first_s)
csv_bytes, events, stored, peak_kb = int(csv_bytes), int(events), int(stored), int(peak_kb)
wall = float(end) - float(start)
baseline = float(b_end) - float(b_start)
load_s = float(load_s)
cat_s = float(c_end) - float(c_start)
print(f"synthetic CSV: {csv_bytes / 1e6:.1f} MB, {events:,} events")
print(f"upload + import + store through the API: {wall:.2f} s wall "
      f"({csv_bytes / wall / 1e6:.0f} MB/s; baseline `wc -l` of the CSV {baseline:.2f} s, ratio {wall / baseline:.1f}x)")
print(f"peak server RSS during the import: {peak_kb / 1024 / 1024:.2f} GiB")
print(f"stored dataset: {stored / 1e6:.1f} MB = {100 * stored / csv_bytes:.1f}% of the CSV")
print(f"project load (stored dataset into the cache), median of 5: {load_s:.3f} s = "
      f"{stored / load_s / 1e9:.2f} GB/s of stored bytes; first load {first_s:.3f} s = "
      f"{stored / first_s / 1e9:.2f} GB/s (baseline `cat` of the stored file {cat_s:.3f} s = "
      f"{stored / cat_s / 1e9:.2f} GB/s)")
PY
