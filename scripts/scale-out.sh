#!/usr/bin/env bash
# Scale-out proof: one api and two agent processes on this machine, sharing the local PostgreSQL
# (127.0.0.1:5432, trust auth) and Redis (127.0.0.1:6379). A throwaway database and a unique stream
# name keep the run apart from anything else. Usage: scripts/scale-out.sh [conversations] [messages]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-40}
M=${2:-3}
RUN="scaleout_$(date +%s)_$$"
API_PORT=${API_PORT:-18000}
FAKE_PORT=${FAKE_PORT:-19099}
WORK=$(mktemp -d)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  redis-cli -h 127.0.0.1 -p 6379 DEL "$RUN" "$RUN:dead" >/dev/null 2>&1 || true
  dropdb -h 127.0.0.1 -U postgres --if-exists "$RUN" 2>/dev/null || true
  echo "logs kept in $WORK"
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then ./mvnw -q -o package -DskipTests; fi
JAR=${JAR:-$(ls target/msia-*.jar | head -1)}
createdb -h 127.0.0.1 -U postgres "$RUN"

export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$RUN"
export REDIS_URL="redis://127.0.0.1:6379/0"
export CHATWOOT_WEBHOOK_TOKEN="scale-out-token-0123456789"
export CHATWOOT_API_URL="http://127.0.0.1:$FAKE_PORT"
export CHATWOOT_API_TOKEN="fake-bot-token" CHATWOOT_USER_API_TOKEN="fake-user-token" CHATWOOT_ACCOUNT_ID=1 CHATWOOT_INBOX_ID=9
export MESSAGE_BATCH_WINDOW_SECONDS=0
export MSIA_DATA_DIR="$WORK/data"
JAVA_OPTS=(-Xmx384m -XX:TieredStopAtLevel=1)
COMMON=(--msia.messaging.stream="$RUN" --msia.messaging.group="$RUN")

launch() { # name roles [extra args]
  local name=$1 roles=$2; shift 2
  MSIA_ROLES=$roles java "${JAVA_OPTS[@]}" -jar "$JAR" "${COMMON[@]}" "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}
wait_up() { # name port
  for _ in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$2/actuator/health" >/dev/null 2>&1; then echo "$1 up on :$2"; return; fi
    sleep 1
  done
  echo "$1 did not start; see $WORK/$1.log"; tail -30 "$WORK/$1.log"; exit 1
}

# The api first: it runs Flyway on the fresh database before the agents validate it.
launch api api --msia.api.port="$API_PORT"
wait_up api "$API_PORT"
DEBUG=--logging.level.es.msia.bot.conversation.ConversationTurns=DEBUG
launch agent1 agent --msia.agent.port=18101 "$DEBUG"
launch agent2 agent --msia.agent.port=18102 "$DEBUG"
wait_up agent1 18101
wait_up agent2 18102
python3 bench/scale_out.py "$API_PORT" "$FAKE_PORT" "$N" "$M" "$WORK/agent1.log" "$WORK/agent2.log"
