#!/usr/bin/env bash
# One command for the benchmarks: builds the jar, copies it (a build may rewrite target/ meanwhile), then
# runs bench/bench.py ((a) webhook ingest vs GET /api/ping, (d) start-up and memory), bench/turns.py ((b)
# end-to-end turn time with a fake LLM of 0 and 1,500 ms at 1, 50 and 500 conversations) and bench/evals.py
# ((c) LLM calls and tokens per customer turn over the eval suite); see their docstrings. Tables on stdout,
# JSON in bench/results/. BENCH_PORT moves the ports (default 28100..28191).
#
# bench/run.sh --baseline [OLD.jar] instead runs bench/baseline.py: OLD.jar and this build's jar back to
# back (CPU per turn, per webhook, per ping) and their ratio. Without OLD.jar the previous release is
# built in a temporary git worktree: BENCH_BASELINE_REF if set; else, on a branch not yet in main, the
# commit it forked from; else (on main) the first parent of the last merge, i.e. main before it.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }

baseline=""
if [ "${1:-}" = "--baseline" ]; then
  baseline="build"
  if [ -n "${2:-}" ]; then baseline="$(realpath "$2")"; [ -f "$baseline" ] || { echo "no such jar: $2"; exit 1; }; fi
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then ./mvnw -q -o package -DskipTests; fi
tmp="$(mktemp -d)"
trap 'git worktree remove --force "$tmp/baseline-src" 2>/dev/null || true; rm -rf "$tmp"' EXIT
jar_copy="$tmp/msia.jar"
cp target/msia-*.jar "$jar_copy"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

if [ -n "$baseline" ]; then
  if [ "$baseline" = "build" ]; then
    if [ -n "${BENCH_BASELINE_REF:-}" ]; then ref="$BENCH_BASELINE_REF"
    elif ! git merge-base --is-ancestor HEAD main 2>/dev/null; then ref="$(git merge-base HEAD main)"
    else ref="$(git rev-list --first-parent --merges -n1 HEAD)^1"
    fi
    sha="$(git rev-parse --short "$ref")"
    cached="target/bench-baseline/msia-$sha.jar"
    if [ ! -f "$cached" ]; then
      echo "building the baseline $sha ($(git log -1 --format=%s "$sha" | cut -c1-70))"
      git worktree add -q --detach "$tmp/baseline-src" "$sha"
      (cd "$tmp/baseline-src" && ./mvnw -q -o package -DskipTests)
      mkdir -p target/bench-baseline
      cp "$tmp"/baseline-src/target/msia-*.jar "$cached"
      git worktree remove --force "$tmp/baseline-src"
    fi
    baseline="$cached"
  fi
  cp "$baseline" "$tmp/baseline.jar"
  python3 bench/baseline.py "$tmp/baseline.jar" "$jar_copy"
  echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
  exit 0
fi

BENCH_JAR="$jar_copy" python3 bench/bench.py
BENCH_JAR="$jar_copy" python3 bench/turns.py
if [ "${SKIP_EVALS:-0}" != 1 ]; then python3 bench/evals.py; fi
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
