#!/usr/bin/env python3
"""Side by side: a baseline jar (by default the previous release's) against this build's, in one run.

Usage (from the repository root): python3 bench/baseline.py OLD.jar NEW.jar — or bench/run.sh --baseline
[OLD.jar], which builds both. Each jar runs in turn on the same ports, each on a fresh data directory
(old, new; BENCH_ROUNDS=2 gives old, new, old, new, so a machine that drifts during the run shows):
  - an api-only process: a wrk warm-up of GET /api/ping and of the webhook (BENCH_WARMUP_SECONDS each),
    then BENCH_SECONDS of wrk on each; CPU per request of the JVM and of embedded PostgreSQL + Redis;
  - an api+agent process with a fake Chatwoot and a fake OpenRouter answering at once: BENCH_WARMUP turns,
    then BENCH_BASELINE_PACED (conversations:per second, default 500:50) new conversations arriving at that
    rate, open loop; CPU per turn of the JVM and of PostgreSQL + Redis, reply latency p50/p99.
Each jar runs with the JVM options it is deployed with: BENCH_BASELINE_JAVA_OPTS for the old one (default
none: the previous release's image set no JIT option), BENCH_NEW_JAVA_OPTS for the new one (default
-XX:TieredStopAtLevel=1, as the Dockerfile and ./mvnw spring-boot:run now set). When the two differ, the
new jar also runs with the old options ("new, old JVM options"), so the table separates what the code
changed from what the JVM option changed. The turn columns also show the JIT compiler threads' share
(a lower bound: the JVM stops idle compiler threads, and their CPU goes with them).
Prints one row per run and the ratio new / old; writes bench/results/baseline-<timestamp>.json.
Loopback only, bounded runs. CPU time, unlike wall time, depends little on what else the machine runs.
"""
import glob, json, os, shutil, sys, tempfile, time

sys.path.insert(0, os.path.dirname(__file__))
import bench, fake_chatwoot, fake_openrouter, turns  # noqa: E402

PACED = tuple(int(v) for v in os.environ.get('BENCH_BASELINE_PACED', '500:50').split(':'))
ROUNDS = int(os.environ.get('BENCH_ROUNDS', 1))
BASELINE_OPTS = os.environ.get('BENCH_BASELINE_JAVA_OPTS', '')
NEW_OPTS = os.environ.get('BENCH_NEW_JAVA_OPTS', '-XX:TieredStopAtLevel=1')


def compiler_threads(pid):
    """CPU seconds per JIT compiler thread (C1/C2 CompilerThread) of the JVM, by thread id: the part of a
    turn's JVM CPU that is compiling code rather than running it, which shrinks only as the JIT runs out
    of work. The JVM starts and stops compiler threads as its queue grows and shrinks, so a delta is
    taken per thread (see jit_delta)."""
    threads = {}
    for task in glob.glob('/proc/%d/task/*' % pid):
        try:
            if 'CompilerThre' in open(task + '/comm').read():
                fields = open(task + '/stat').read().rsplit(')', 1)[1].split()
                threads[task] = (int(fields[11]) + int(fields[12])) / bench.TICKS
        except OSError:
            pass
    return threads


def jit_delta(before, after):
    """Compiler CPU between two samples: threads started meanwhile count from zero; a thread that ended
    meanwhile is gone with its CPU, so the figure is a lower bound."""
    return sum(cpu - before.get(task, 0) for task, cpu in after.items())


def webhook_and_ping(jar, opts):
    bench.JAR = jar
    os.environ['BENCH_JAVA_OPTS'] = opts
    work = tempfile.mkdtemp(prefix='msia-baseline-api-')
    result = {}
    try:
        proc, _ = bench.launch('api', work)
        hook = '/api/chatwoot/webhook?token=' + bench.TOKEN
        for path in ('/api/ping', hook):
            bench.wrk(path, work, bench.WARMUP_SECONDS)
        for name, path in (('ping', '/api/ping'), ('webhook', hook)):
            services = bench.embedded_pids(proc.pid, work)
            jvm, pg_redis = bench.cpu_s([proc.pid]), bench.cpu_s(services)
            rps, bad = bench.wrk(path, work)
            requests = rps * bench.SECONDS
            result[name] = {'rps': rps, 'non2xx': bad,
                            'cpu_ms_jvm': (bench.cpu_s([proc.pid]) - jvm) * 1000 / requests,
                            'cpu_ms_pg_redis': (bench.cpu_s(services) - pg_redis) * 1000 / requests}
        proc.terminate(); proc.wait(30)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def paced_turns(jar, opts):
    bench.JAR = jar
    os.environ['BENCH_JAVA_OPTS'] = opts
    work = tempfile.mkdtemp(prefix='msia-baseline-agent-')
    try:
        proc, _ = bench.launch('api,agent', work, turns.agent_env())
        turns.wave(turns.WARMUP)
        count, rate = PACED
        services = bench.embedded_pids(proc.pid, work)
        jvm, pg_redis, jit = bench.cpu_s([proc.pid]), bench.cpu_s(services), compiler_threads(proc.pid)
        latencies, missing, _ = turns.wave(count, rate)
        result = {'conversations': count, 'per_second': rate, 'missing': missing,
                  'cpu_ms_jvm': (bench.cpu_s([proc.pid]) - jvm) * 1000 / count,
                  'cpu_ms_jit': jit_delta(jit, compiler_threads(proc.pid)) * 1000 / count,
                  'cpu_ms_pg_redis': (bench.cpu_s(services) - pg_redis) * 1000 / count,
                  'p50_ms': turns.pct(latencies, 0.5), 'p99_ms': turns.pct(latencies, 0.99)}
        proc.terminate(); proc.wait(30)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def mean(runs, *path):
    values = []
    for run in runs:
        for key in path:
            run = run[key]
        values.append(run)
    return sum(values) / len(values)


def summary(runs):
    turn = lambda part: mean(runs, 'turn', part)
    hook = lambda part: mean(runs, 'a', 'webhook', part)
    ping = lambda part: mean(runs, 'a', 'ping', part)
    return {'turn_cpu_ms': turn('cpu_ms_jvm') + turn('cpu_ms_pg_redis'), 'turn_jvm': turn('cpu_ms_jvm'),
            'turn_jit': turn('cpu_ms_jit'),
            'turn_pg_redis': turn('cpu_ms_pg_redis'), 'turn_p99_ms': turn('p99_ms'),
            'missing': sum(run['turn']['missing'] for run in runs),
            'webhook_cpu_ms': hook('cpu_ms_jvm') + hook('cpu_ms_pg_redis'), 'webhook_jvm': hook('cpu_ms_jvm'),
            'webhook_pg_redis': hook('cpu_ms_pg_redis'), 'webhook_rps': hook('rps'),
            'ping_cpu_ms': ping('cpu_ms_jvm') + ping('cpu_ms_pg_redis')}


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: baseline.py OLD.jar NEW.jar')
    variants = {'baseline': (sys.argv[1], BASELINE_OPTS), 'new': (sys.argv[2], NEW_OPTS)}
    if NEW_OPTS != BASELINE_OPTS:
        variants = {'baseline': variants['baseline'], 'new-oldopts': (sys.argv[2], BASELINE_OPTS), 'new': variants['new']}
    fake_chatwoot.start(turns.CHATWOOT, turns.replies)
    fake_openrouter.start(turns.OPENROUTER, 0, turns.llm)
    runs = {name: [] for name in variants}
    for _ in range(ROUNDS):
        for name, (jar, opts) in variants.items():
            print('%s: %s %s(load average %s)' % (name, jar, opts + ' ' if opts else '',
                                                  ' '.join('%.1f' % l for l in os.getloadavg())), flush=True)
            runs[name].append({'a': webhook_and_ping(jar, opts), 'turn': paced_turns(jar, opts)})
    rows = {name: summary(r) for name, r in runs.items()}
    out = os.path.join(bench.ROOT, 'bench', 'results', 'baseline-%s.json' % time.strftime('%Y%m%dT%H%M%S'))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    json.dump({'variants': variants, 'paced': PACED, 'rounds': ROUNDS, 'runs': runs, 'summary': rows},
              open(out, 'w'), indent=2)

    count, rate = PACED
    print('\n%-12s %26s %8s %9s %24s %9s %13s' % ('run', 'CPU ms/turn JVM+PG/Redis', 'of it JIT', 'turn p99',
                                                'webhook CPU ms JVM+PG/R', 'ping ms', 'webhook/ping'))
    print('-' * 110)
    for name, r in rows.items():
        print('%-12s %26s %8.2f %9.1f %24s %9.3f %13.1f' % (
            name, '%.2f + %.2f = %.2f' % (r['turn_jvm'], r['turn_pg_redis'], r['turn_cpu_ms']), r['turn_jit'],
            r['turn_p99_ms'], '%.2f + %.2f = %.2f' % (r['webhook_jvm'], r['webhook_pg_redis'], r['webhook_cpu_ms']),
            r['ping_cpu_ms'], r['webhook_cpu_ms'] / r['ping_cpu_ms'] if r['ping_cpu_ms'] else float('nan')))
    old = rows['baseline']
    for name in [n for n in rows if n != 'baseline']:
        new = rows[name]
        ratio = lambda key: new[key] / old[key] if old[key] else float('nan')
        print('%-12s %26s %8s %9.2f %24s %9.2f' % (name + '/base', '%.2f' % ratio('turn_cpu_ms'), '',
                                                  ratio('turn_p99_ms'), '%.2f' % ratio('webhook_cpu_ms'),
                                                  ratio('ping_cpu_ms')))
    for name, (jar, opts) in variants.items():
        print('%-12s %s %s' % (name, os.path.basename(jar), opts or '(default JVM options)'))
    print('turns: %d conversations at %d/s after %d warm-up turns, fake LLM 0 ms; missing replies: %s'
          % (count, rate, turns.WARMUP, ', '.join('%s %d' % (n, r['missing']) for n, r in rows.items())))
    print('targets (#16): CPU per turn <= 6 ms at 500@50/s; webhook CPU <= 0.5 ms or <= 2x the ping')
    print('written', os.path.relpath(out, bench.ROOT))


if __name__ == '__main__':
    main()
