#!/usr/bin/env bash
# One command for the benchmarks: builds the jar, copies it (a build may rewrite target/ meanwhile), then
# runs bench/bench.py ((a) webhook ingest vs GET /api/ping, (d) start-up and memory), bench/turns.py ((b)
# end-to-end turn time with a fake LLM of 0 and 1,500 ms at 1, 50 and 500 conversations) and bench/evals.py
# ((c) LLM calls and tokens per customer turn over the eval suite); see their docstrings. Tables on stdout,
# JSON in bench/results/. BENCH_PORT moves the ports (default 28100..28191).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then ./mvnw -q -o package -DskipTests; fi
jar_copy="$(mktemp -d)/msia.jar"
cp target/msia-*.jar "$jar_copy"
trap 'rm -rf "$(dirname "$jar_copy")"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
BENCH_JAR="$jar_copy" python3 bench/bench.py
BENCH_JAR="$jar_copy" python3 bench/turns.py
if [ "${SKIP_EVALS:-0}" != 1 ]; then python3 bench/evals.py; fi
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
