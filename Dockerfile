# syntax=docker/dockerfile:1
# Multi-stage build: Maven (JDK 17, the baseline the code targets) builds the jar, a JRE 25 image runs it
# as a non-root user. On Java 21+ every agent turn gets a virtual thread instead of a pooled platform
# thread (bench/turns.py: about a fifth less CPU per turn than on 17). CI starts the jar on a JDK 25 too.
# One image serves every role; MSIA_ROLES (api, agent, admin) picks what a container runs.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependencies first, so a source-only change reuses the cached layer.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -ntp -q package -DskipTests && cp target/msia-*.jar /src/app.jar

FROM eclipse-temurin:25-jre
# curl is only for the healthcheck.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system msia && useradd --system --gid msia --home-dir /app --shell /usr/sbin/nologin msia \
 && mkdir -p /app/data /app/files && chown -R msia:msia /app
WORKDIR /app
COPY --from=build --chown=msia:msia /src/app.jar /app/app.jar
USER msia
# TieredStopAtLevel=1: C1 only. A turn is mostly I/O and runs a long tail of code once per message, so C2
# kept compiling for thousands of turns (40 % of a turn's JVM CPU at 2,000-8,000 turns, Java 17 and 25)
# without making the turn itself cheaper; see README, Benchmarks (#16).
ENV MSIA_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1"
EXPOSE 8000 3001 8001
# HEALTH_PORT: 8000 for api, 3001 for admin, 8001 for a lone agent (compose sets it per service).
ENV HEALTH_PORT=8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
  CMD curl -fsS "http://127.0.0.1:${HEALTH_PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
