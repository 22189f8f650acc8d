#!/usr/bin/env bash
# HTTP throughput of GET /api/{tenantId}/project/{projectId} with a tenant key, under
# `wrk -t2 -c64 -d20s`, against the same server's unauthenticated ping measured in the same run
# (the baseline: the HTTP stack alone, no key lookup, no database). Prints requests/s, p99 latency,
# their ratios to the baseline, and the server's RSS idle and under load.
# Usage: bench/http_bench.sh [path/to/pmstudio] [duration, default 20s]
set -euo pipefail
BINARY=${1:-build/pmstudio}
DURATION=${2:-20s}
CONNECTIONS=${CONNECTIONS:-64}

if ! command -v wrk > /dev/null; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get install -y -qq wrk > /dev/null
fi

# Rate limiting stays on (its bookkeeping is part of every request) with a limit wrk cannot reach.
source "$(dirname "$0")/bench_server.sh" --rate-limit 1000000000
key=$(curl -sf -X POST "$url/api/tenant/$tenant/apikey" -H "Authorization: Bearer $admin" | json apiKey)
for i in $(seq 1 20); do
  curl -sf -X POST "$url/api/$tenant/project" -H "Authorization: Bearer $key" \
    -d "{\"projectName\":\"Project $i\",\"projectDescription\":\"bench\"}" > "$work/project.json"
done
project=$(json projectId < "$work/project.json")
curl -sf "$url/api/$tenant/project/$project" -H "Authorization: Bearer $key" > /dev/null

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
rss_idle=$(rss_kb)

run_wrk() {  # $1: label, $2: path, $3...: extra wrk args
  local label=$1 path=$2; shift 2
  local peak=0
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url$path" > "$work/$label.txt" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2> /dev/null; do
    local now; now=$(rss_kb); (( now > peak )) && peak=$now
    sleep 0.5
  done
  wait "$wrk_pid"
  echo "$peak" > "$work/$label.rss"
}

to_ms() {  # wrk latency like 812.00us, 1.20ms, 2.00s -> milliseconds
  python3 -c "
import re,sys
v,u=re.match(r'([0-9.]+)(us|ms|s)', sys.argv[1]).groups()
print(float(v)*{'us':0.001,'ms':1,'s':1000}[u])" "$1"
}

run_wrk baseline "/api/Action/ping"
run_wrk project "/api/$tenant/project/$project" -H "Authorization: Bearer $key"

report() {  # $1: label
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$1.txt")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/$1.txt")")
  errors=$(grep -E 'Non-2xx|Socket errors' "$work/$1.txt" || true)
  echo "$rps $p99 ${errors:-none}"
}
read -r base_rps base_p99 base_err <<< "$(report baseline)"
read -r proj_rps proj_p99 proj_err <<< "$(report project)"

echo "pmstudio HTTP benchmark: wrk -t2 -c$CONNECTIONS -d$DURATION on $(nproc) cores (wrk shares them)"
printf "%-48s %12s %10s  %s\n" "route" "requests/s" "p99 (ms)" "errors"
printf "%-48s %12s %10s  %s\n" "GET /api/Action/ping (baseline, no auth, no DB)" "$base_rps" "$base_p99" "$base_err"
printf "%-48s %12s %10s  %s\n" "GET /api/{tenantId}/project/{projectId}" "$proj_rps" "$proj_p99" "$proj_err"
python3 -c "print(f'ratio project/baseline: throughput {$proj_rps/$base_rps:.2f}x, p99 {$proj_p99/$base_p99:.2f}x')"
echo "server RSS: idle $((rss_idle / 1024)) MiB, under load (peak) $(( $(cat "$work/project.rss") / 1024 )) MiB"
