#!/usr/bin/env bash
# Fault injection, one command: builds the jar, then scripts/faults/faults.py starts a private PostgreSQL
# (initdb + pg_ctl from the machine's install, port 15432) and Redis (redis-server, port 16379) it can stop,
# a fake Chatwoot and a fake OpenRouter, one api and two agent processes, drives customer load through the
# webhook and injects, one after another: kill -9 of an agent mid-turn, a Redis restart, PostgreSQL stopped
# for 30 s, Chatwoot answering 500/429/timeouts for 60 s, OpenRouter answering 429/502/timeouts for 60 s.
# Prints a table (answered / handed off / lost / duplicates / time to healthy) and exits 1 if a check fails.
# Options go to faults.py: --pg-outage S --chatwoot-outage S --llm-outage S --customers N --only kill,redis,...
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in redis-server redis-cli pg_ctl initdb psql createdb java python3; do
  command -v "$tool" >/dev/null || { echo "$tool missing"; exit 1; }
done
if [ "${SKIP_BUILD:-0}" != 1 ]; then ./mvnw -q -o package -DskipTests; fi
JAR=${JAR:-$(ls target/msia-*.jar | grep -v plain | head -1)}
exec python3 scripts/faults/faults.py --jar "$JAR" "$@"
