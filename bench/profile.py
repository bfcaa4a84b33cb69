#!/usr/bin/env python3
"""Where a turn's CPU goes: one api+agent process (embedded services, fake Chatwoot and OpenRouter as in
bench/turns.py), PROFILE_WARMUP turns (default 2,000), then PROFILE_TURNS conversations (500) arriving at
PROFILE_RATE per second (50). Prints, per turn, the JVM's CPU by thread group (turn-N, http-nio, lettuce,
C1/C2 compiler threads...), PostgreSQL's backends and background processes, and Redis.

Usage (repository root): python3 bench/profile.py JAR. BENCH_JAVA_OPTS adds JVM options, e.g.
"-XX:TieredStopAtLevel=1 -XX:StartFlightRecording=settings=profile,filename=/tmp/turns.jfr" for a flight
recording to read with bench/jfr_top.py. Loopback only; the run directory is removed at the end of a
run that started.
"""
import collections, glob, os, re, shutil, sys, tempfile, time

sys.path.insert(0, os.path.dirname(__file__))
import bench, fake_chatwoot, fake_openrouter, turns  # noqa: E402

WARMUP = int(os.environ.get('PROFILE_WARMUP', 2000))
TURNS = int(os.environ.get('PROFILE_TURNS', 500))
RATE = int(os.environ.get('PROFILE_RATE', 50))


def jvm_threads(pid):
    """CPU seconds per thread group (the name without its number) and per thread id."""
    groups = collections.Counter()
    for task in glob.glob('/proc/%d/task/*' % pid):
        try:
            name = open(task + '/comm').read().strip()
            fields = open(task + '/stat').read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        groups[(re.sub(r'[-#]?\d+$', '', name), task)] = (int(fields[11]) + int(fields[12])) / bench.TICKS
    return groups


def services_cpu(pids):
    """CPU seconds of PostgreSQL's backends, its background processes (by title) and Redis."""
    out = collections.Counter()
    for pid in pids:
        try:
            comm = open('/proc/%d/comm' % pid).read()
            title = open('/proc/%d/cmdline' % pid).read().replace('\0', ' ')
        except OSError:
            continue
        if 'redis' in comm:
            kind = 'redis'
        elif '127.0.0.1(' in title or '[local]' in title or 'idle' in title:
            kind = 'postgres backends'
        else:
            kind = 'postgres ' + (title.split('postgres: ')[1].split()[0] if 'postgres: ' in title else 'postmaster')
        out[kind] += bench.cpu_s([pid])
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: profile.py JAR')
    bench.JAR = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix='msia-profile-')
    fake_chatwoot.start(turns.CHATWOOT, turns.replies)
    fake_openrouter.start(turns.OPENROUTER, 0, turns.llm)
    proc, _ = bench.launch('api,agent', work, turns.agent_env())
    turns.wave(WARMUP)
    time.sleep(2)
    services = bench.embedded_pids(proc.pid, work)
    threads_before, services_before = jvm_threads(proc.pid), services_cpu(services)
    jvm_before = bench.cpu_s([proc.pid])
    latencies, missing, _ = turns.wave(TURNS, RATE)
    threads_after, services_after = jvm_threads(proc.pid), services_cpu(services)
    jvm = (bench.cpu_s([proc.pid]) - jvm_before) * 1000 / TURNS
    per_turn = lambda after, before, key: (after[key] - before.get(key, 0)) * 1000 / TURNS
    groups = collections.Counter()
    for key in threads_after:  # threads started during the wave count from zero
        groups[key[0]] += per_turn(threads_after, threads_before, key)
    print('%d turns at %d/s after %d warm-up turns; missing replies %d; p50 %s ms, p99 %s ms'
          % (TURNS, RATE, WARMUP, missing, turns.pct(latencies, 0.5), turns.pct(latencies, 0.99)))
    print('CPU ms per turn: JVM %.2f' % jvm)
    for name, ms in groups.most_common(14):
        print('  %-24s %6.2f' % (name, ms))
    for name in sorted(services_after):
        print('%-26s %6.2f' % (name, per_turn(services_after, services_before, name)))
    proc.terminate()
    proc.wait(60)
    # Kept when the process did not start (bench.launch exits naming its log).
    shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
