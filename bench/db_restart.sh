#!/usr/bin/env bash
# Fault test on loopback: does the portal recover by itself after the
# database restarts? gunicorn (production settings, benchmark database) under
# wrk load; the local cluster is restarted half-way; then every request must
# succeed again without touching the app servers.
#
#   bench/db_restart.sh      (needs the local cluster: scripts/localdb)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-8098}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -z "${DATABASE_URL:-}" ] || { echo "uses the local cluster; unset DATABASE_URL" >&2; exit 1; }

export DJANGO_SETTINGS_MODULE=bench.settings PYTHONPATH=.
.venv/bin/gunicorn pps_portal.wsgi --bind "127.0.0.1:$PORT" --workers 3 --log-level warning --access-logfile /dev/null &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; wait $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done

wrk -t2 -c8 -d12s "http://127.0.0.1:$PORT/aktualnosci/" > /tmp/pps-db-restart-wrk.txt &
WRK=$!
sleep 4
started=$(date +%s.%N)
scripts/localdb stop >/dev/null
scripts/localdb start >/dev/null
restarted=$(date +%s.%N)
wait $WRK

# After the restart: the first requests on each worker's old connection must
# not fail (the pool checks each connection before handing it out).
codes=$(for _ in $(seq 30); do curl -s -o /dev/null -w "%{http_code} " "http://127.0.0.1:$PORT/aktualnosci/"; done)
bad_after=$(awk '{for (i = 1; i <= NF; i++) if ($i != "200") n++} END {print n + 0}' <<<"$codes")
echo "Date: $(date +%F); database down for $(awk "BEGIN {printf \"%.1f\", $restarted - $started}") s during 12 s of load"
echo
echo "| phase | requests | non-2xx/3xx or errors |"
echo "|---|---|---|"
total=$(awk '/requests in/ {print $1}' /tmp/pps-db-restart-wrk.txt)
during=$(awk '/Non-2xx or 3xx/ {print $5}' /tmp/pps-db-restart-wrk.txt)
errors=$(awk -F'Socket errors: ' '/Socket errors/ {print $2}' /tmp/pps-db-restart-wrk.txt)
echo "| under load, restart included | $total | ${during:-0} answered 5xx (503/500 while the database was down)${errors:+; socket: $errors} |"
echo "| 30 requests right after | 30 | $bad_after |"
