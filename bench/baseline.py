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
Prints one row per jar and the ratio new / old; writes bench/results/baseline-<timestamp>.json.
Loopback only, bounded runs. CPU time, unlike wall time, depends little on what else the machine runs.
"""
import json, os, shutil, sys, tempfile, time

sys.path.insert(0, os.path.dirname(__file__))
import bench, fake_chatwoot, fake_openrouter, turns  # noqa: E402

PACED = tuple(int(v) for v in os.environ.get('BENCH_BASELINE_PACED', '500:50').split(':'))
ROUNDS = int(os.environ.get('BENCH_ROUNDS', 1))


def webhook_and_ping(jar):
    bench.JAR = jar
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


def paced_turns(jar):
    bench.JAR = jar
    work = tempfile.mkdtemp(prefix='msia-baseline-agent-')
    try:
        proc, _ = bench.launch('api,agent', work, {
            'CHATWOOT_API_URL': 'http://127.0.0.1:%d' % turns.CHATWOOT, 'CHATWOOT_API_TOKEN': 'bench',
            'CHATWOOT_ACCOUNT_ID': '1', 'OPENROUTER_API_KEY': 'sk-or-v1-bench',
            'OPENROUTER_BASE_URL': 'http://127.0.0.1:%d/api/v1' % turns.OPENROUTER, 'LLM_MONTHLY_BUDGET_EUR': '100000'})
        turns.wave(turns.WARMUP)
        count, rate = PACED
        services = bench.embedded_pids(proc.pid, work)
        jvm, pg_redis = bench.cpu_s([proc.pid]), bench.cpu_s(services)
        latencies, missing, _ = turns.wave(count, rate)
        result = {'conversations': count, 'per_second': rate, 'missing': missing,
                  'cpu_ms_jvm': (bench.cpu_s([proc.pid]) - jvm) * 1000 / count,
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
            'turn_pg_redis': turn('cpu_ms_pg_redis'), 'turn_p99_ms': turn('p99_ms'),
            'missing': sum(run['turn']['missing'] for run in runs),
            'webhook_cpu_ms': hook('cpu_ms_jvm') + hook('cpu_ms_pg_redis'), 'webhook_jvm': hook('cpu_ms_jvm'),
            'webhook_pg_redis': hook('cpu_ms_pg_redis'), 'webhook_rps': hook('rps'),
            'ping_cpu_ms': ping('cpu_ms_jvm') + ping('cpu_ms_pg_redis')}


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: baseline.py OLD.jar NEW.jar')
    jars = {'baseline': sys.argv[1], 'new': sys.argv[2]}
    fake_chatwoot.start(turns.CHATWOOT, turns.replies)
    fake_openrouter.start(turns.OPENROUTER, 0, turns.llm)
    runs = {'baseline': [], 'new': []}
    for _ in range(ROUNDS):
        for name, jar in jars.items():
            print('%s: %s (load average %s)' % (name, jar, ' '.join('%.1f' % l for l in os.getloadavg())), flush=True)
            runs[name].append({'a': webhook_and_ping(jar), 'turn': paced_turns(jar)})
    rows = {name: summary(r) for name, r in runs.items()}
    out = os.path.join(bench.ROOT, 'bench', 'results', 'baseline-%s.json' % time.strftime('%Y%m%dT%H%M%S'))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    json.dump({'jars': jars, 'paced': PACED, 'rounds': ROUNDS, 'runs': runs, 'summary': rows}, open(out, 'w'), indent=2)

    count, rate = PACED
    print('\n%-9s %26s %9s %24s %9s %14s' % ('jar', 'CPU ms/turn JVM+PG/Redis', 'turn p99',
                                            'webhook CPU ms JVM+PG/R', 'ping ms', 'webhook/ping'))
    print('-' * 100)
    for name, r in rows.items():
        print('%-9s %26s %9.1f %24s %9.3f %14.1f' % (
            name, '%.2f + %.2f = %.2f' % (r['turn_jvm'], r['turn_pg_redis'], r['turn_cpu_ms']), r['turn_p99_ms'],
            '%.2f + %.2f = %.2f' % (r['webhook_jvm'], r['webhook_pg_redis'], r['webhook_cpu_ms']), r['ping_cpu_ms'],
            r['webhook_cpu_ms'] / r['ping_cpu_ms'] if r['ping_cpu_ms'] else float('nan')))
    old, new = rows['baseline'], rows['new']
    ratio = lambda key: new[key] / old[key] if old[key] else float('nan')
    print('%-9s %26s %9.2f %24s %9.2f' % ('new/base', '%.2f' % ratio('turn_cpu_ms'), ratio('turn_p99_ms'),
                                          '%.2f' % ratio('webhook_cpu_ms'), ratio('ping_cpu_ms')))
    print('turns: %d conversations at %d/s after %d warm-up turns, fake LLM 0 ms; missing replies: base %d, new %d'
          % (count, rate, turns.WARMUP, old['missing'], new['missing']))
    print('targets (#16): CPU per turn <= 6 ms at 500@50/s; webhook CPU <= 0.5 ms or <= 2x the ping')
    print('written', os.path.relpath(out, bench.ROOT))


if __name__ == '__main__':
    main()
