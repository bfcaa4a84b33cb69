#!/usr/bin/env bash
# One command for the benchmarks: builds the jar, then runs bench/bench.py ((a) ingest vs ping, (d) start-up
# and RSS) and bench/turns.py ((b) end-to-end turn time); see their docstrings. Results: bench/results/*.json.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then ./mvnw -q -o package -DskipTests; fi
python3 bench/bench.py
# (b) end-to-end turn time with a fake LLM of 0 and 1,500 ms.
exec python3 bench/turns.py
