#!/usr/bin/env bash
# CI check of the deployment files (there is no Docker engine here):
#  1. docker-compose.yml is valid for Debian's docker-compose (`config -q`), with .env.example as .env;
#  2. the jar starts with each compose service's environment, DATABASE_URL/REDIS_URL removed (their
#     hosts exist only inside compose) so it runs against embedded PostgreSQL and Redis, and answers
#     /actuator/health with UP. Ports are moved off the defaults so a running instance cannot clash.
# Needs target/msia-*.jar (run after `./mvnw package` or `verify`).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v docker-compose >/dev/null || { apt-get update -qq && apt-get install -y -qq docker-compose; }
WORK=$(mktemp -d)
PID=
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

cp docker-compose.yml Dockerfile "$WORK/"
{ cat .env.example; echo "POSTGRES_PASSWORD=ci-placeholder-password"; } > "$WORK/.env"
docker-compose -f "$WORK/docker-compose.yml" --project-directory "$WORK" config -q
echo "compose: docker-compose config -q OK"
docker-compose -f "$WORK/docker-compose.yml" --project-directory "$WORK" config > "$WORK/resolved.yml"

JAR=$(ls target/msia-*.jar | head -1)
# The image runs Java 25 (Dockerfile): start the jar on a JDK 25 when the machine has one, else on `java`.
RUNTIME_JAVA=${RUNTIME_JAVA:-$(ls /usr/lib/jvm/*-25-*/bin/java /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1 || true)}
RUNTIME_JAVA=${RUNTIME_JAVA:-java}
echo "jar: starting on $("$RUNTIME_JAVA" -version 2>&1 | head -1)"
for service in api agent admin; do
  /usr/bin/python3 - "$WORK/resolved.yml" "$service" > "$WORK/$service.env" <<'PY'
import sys, yaml
env = yaml.safe_load(open(sys.argv[1]))['services'][sys.argv[2]].get('environment', {})
for key, value in sorted(env.items()):
    if key not in ('DATABASE_URL', 'REDIS_URL', 'MSIA_DATA_DIR') and value is not None:
        print('%s=%s' % (key, value))
PY
  declare -A port=([api]=28000 [admin]=28001 [agent]=28002)
  p=${port[$service]}
  (
    set -a; . "$WORK/$service.env"; set +a
    export MSIA_DATA_DIR="$WORK/data" MSIA_API_PORT=28000 MSIA_ADMIN_PORT=28001 MSIA_AGENT_PORT=28002
    exec "$RUNTIME_JAVA" -XX:TieredStopAtLevel=1 -jar "$JAR" >"$WORK/$service.log" 2>&1
  ) &
  PID=$!
  up=
  for _ in $(seq 1 90); do
    if curl -fsS "http://127.0.0.1:$p/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then up=1; break; fi
    kill -0 "$PID" 2>/dev/null || break
    sleep 1
  done
  if [ -z "$up" ]; then echo "jar with the '$service' environment did not become healthy:"; tail -40 "$WORK/$service.log"; exit 1; fi
  echo "jar: '$service' environment (MSIA_ROLES=$(grep '^MSIA_ROLES=' "$WORK/$service.env" | cut -d= -f2)) healthy on :$p"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
