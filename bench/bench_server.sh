# Sourced by the HTTP benchmarks: starts `$BINARY serve` on a free loopback port with a fresh data
# directory and extra arguments "$@", waits until it answers, and creates a tenant named bench.
# Sets work, url, server_pid, admin (the global key) and tenant; defines json FIELD (reads JSON
# on stdin). The server and the directory go away when the script exits.
work=$(mktemp -d)
trap 'kill -TERM "${server_pid:-}" 2> /dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
"$BINARY" serve --port "$port" --data-dir "$work/data" "$@" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "$url/api/Action/ping" > /dev/null && break; sleep 0.1; done
admin=$(cat "$work/data/admin-key.txt")
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
tenant=$(curl -sf -X POST "$url/api/tenant" -H "Authorization: Bearer $admin" \
  -d '{"name":"bench","displayName":"Bench","maxUsers":100,"maxAnalyst":100,"maxCases":-1}' | json tenantId)
