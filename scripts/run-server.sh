#!/usr/bin/env bash
# Starts pmstudio in the foreground and prints its URL and the global admin API key.
set -euo pipefail
BINARY=${1:-build/pmstudio}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8080}
DATA_DIR=${DATA_DIR:-.pmstudio-data}

"$BINARY" serve --host "$HOST" --port "$PORT" --data-dir "$DATA_DIR" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid"' INT TERM
for _ in $(seq 1 200); do
  if curl -sf "http://$HOST:$PORT/api/Action/ping" > /dev/null; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then wait "$pid"; exit $?; fi
  sleep 0.1
done
echo
echo "pmstudio is running at http://$HOST:$PORT  (OpenAPI: http://$HOST:$PORT/swagger/v1/swagger.json)"
echo "global admin API key: $(cat "$DATA_DIR/admin-key.txt")"
echo "stop with Ctrl-C"
wait "$pid"
