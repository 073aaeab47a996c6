#!/usr/bin/env bash
# Throughput under load on loopback: gunicorn (production settings, the
# benchmark database that bench/pages.py fills) driven by wrk.
#
#   bench/load.sh [seconds per URL, default 10] [connections, default 8]
#
# Only ever targets 127.0.0.1. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-8}
PORT=${BENCH_PORT:-8099}
WORKERS=${WEB_CONCURRENCY:-3}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

export DJANGO_SETTINGS_MODULE=bench.settings PYTHONPATH=.
.venv/bin/gunicorn pps_portal.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --log-level warning \
    --access-logfile /dev/null &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; wait $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done

echo "Date: $(date +%F); $(nproc) cores; gunicorn $WORKERS sync workers; wrk -t2 -c$CONNECTIONS -d${DURATION}s on loopback"
echo
echo "| URL | requests/s | latency avg | latency p99 | non-2xx/3xx | socket errors |"
echo "|---|---|---|---|---|---|"
for path in / /aktualnosci/ "/organizacje/?q=fundcja" /kalendarz/ "/szukaj/?q=piknik" /healthz; do
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    avg=$(awk '/^    Latency/ {print $2}' <<<"$out")
    p99=$(awk '/^ +99%/ {print $2}' <<<"$out")
    bad=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out")
    errors=$(awk -F'Socket errors: ' '/Socket errors/ {print $2}' <<<"$out")
    echo "| \`$path\` | $rps | $avg | $p99 | ${bad:-0} | ${errors:-none} |"
done
