#!/usr/bin/env bash
# Crash-restart, one command: builds the jar, then scripts/crash/crash_restart.py runs it all-in-one on its
# durable embedded default (a fresh persistent data directory), with a fake Chatwoot and customers writing
# through the webhook, kills it with SIGKILL --kills times at random moments (odd kills the JVM only, even
# kills the JVM, PostgreSQL and Redis together) and starts it again on the same directory each time.
# Prints a table (accepted / answered / missing / duplicates / amcheck) and exits 1 if a check fails.
# Loopback only; bounded by --budget (seconds of kill loop, 900 by default) plus start-up and drain.
# Options go to crash_restart.py: --kills N --customers N --min-up S --max-up S --budget S --seed N
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in java python3 psql ps; do
  command -v "$tool" >/dev/null || { echo "$tool missing"; exit 1; }
done
if [ "${SKIP_BUILD:-0}" != 1 ]; then ./mvnw -q -o package -DskipTests; fi
JAR=${JAR:-$(ls target/msia-*.jar | grep -v plain | head -1)}
exec timeout 1800 python3 scripts/crash/crash_restart.py --jar "$JAR" "$@"
