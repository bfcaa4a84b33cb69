#!/usr/bin/env python3
"""Benchmarks (a) webhook ingest vs GET /api/ping and (d) start-up time and RSS, in one run.

Usage (from the repository root, jar built): python3 bench/bench.py   — or bench/run.sh, which builds first.
(d) starts the all-in-one process (api,agent,admin) with embedded PostgreSQL and Redis on a fresh data
directory and measures exec -> /actuator/health UP and the RSS of the JVM and of its child processes.
(a) starts an api-only process (embedded services; no agent, so turns do not compete for the CPU) and
for each endpoint runs wrk (closed loop, max throughput) and then an open-loop fixed-rate run (latency
counted from each request's scheduled time, so queueing is not hidden). Loopback only, bounded runs.
Writes bench/results/bench-<timestamp>.json and prints a table.
"""
import glob, http.client, json, os, shutil, subprocess, sys, tempfile, threading, time, urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import fake_chatwoot  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
# BENCH_JAR: a copied jar, so a build may rewrite target/ while a benchmark runs.
JAR = os.environ.get('BENCH_JAR') or sorted(glob.glob(os.path.join(ROOT, 'target', 'msia-*.jar')))[0]
TOKEN = 'bench-token-0123456789abcdef'
JAVA = os.environ.get('BENCH_JAVA', 'java')
# BENCH_PORT moves every port, so two runs (or another helper's) on one machine do not collide.
PORT = int(os.environ.get('BENCH_PORT', 28100))
ADMIN, AGENT = PORT + 1, PORT + 2
RATE = int(os.environ.get('BENCH_RATE', 500))
SECONDS = int(os.environ.get('BENCH_SECONDS', 10))
WARMUP_SECONDS = int(os.environ.get('BENCH_WARMUP_SECONDS', 10))
TEMPLATE = json.load(open(os.path.join(ROOT, 'src/test/resources/chatwoot/a4-1-incoming-text.json')))


def launch(roles, work, extra=None):
    env = dict(os.environ, MSIA_ROLES=roles, MSIA_DATA_DIR=os.path.join(work, 'data'), MSIA_API_PORT=str(PORT),
               MSIA_ADMIN_PORT=str(ADMIN), MSIA_AGENT_PORT=str(AGENT), CHATWOOT_WEBHOOK_TOKEN=TOKEN,
               MESSAGE_BATCH_WINDOW_SECONDS='0')
    for key in ('DATABASE_URL', 'REDIS_URL', 'CHATWOOT_API_URL', 'OPENROUTER_API_KEY'):
        env.pop(key, None)
    env.update(extra or {})
    log = open(os.path.join(work, roles.replace(',', '-') + '.log'), 'w')
    start = time.monotonic()
    # BENCH_JAVA: the java binary (e.g. a JDK 25's); BENCH_JAVA_OPTS: extra JVM options (a flight recording...).
    java_opts = os.environ.get('BENCH_JAVA_OPTS', '').split()
    proc = subprocess.Popen([JAVA] + java_opts + ['-jar', JAR], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=work)
    while time.monotonic() - start < int(os.environ.get("BENCH_START_TIMEOUT", 300)):
        try:
            with urllib.request.urlopen('http://127.0.0.1:%d/actuator/health' % PORT, timeout=2) as r:
                if b'"UP"' in r.read():
                    elapsed = time.monotonic() - start
                    proc.startup_cpu_s = cpu_s([proc.pid])
                    return proc, elapsed
        except OSError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    # TERM first: the JVM's shutdown hooks stop the embedded PostgreSQL, which a KILL would leave running.
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
    sys.exit('process did not start; see ' + log.name)


def _children(p):
    out = []
    for task in glob.glob('/proc/%d/task/*/children' % p):
        try:
            out += [int(c) for c in open(task).read().split()]
        except OSError:
            pass
    return out


def embedded_pids(pid, work):
    """The embedded PostgreSQL and Redis processes: every process whose command line names the run's data
    directory, plus their descendants (pg_ctl detaches PostgreSQL from the JVM), and the JVM's children."""
    roots = set(_children(pid))
    for entry in glob.glob('/proc/[0-9]*/cmdline'):
        try:
            if work.encode() in open(entry, 'rb').read():
                roots.add(int(entry.split('/')[2]))
        except OSError:
            pass
    roots.discard(pid)
    seen, stack = set(), list(roots)
    while stack:
        p = stack.pop()
        if p not in seen:
            seen.add(p)
            stack += _children(p)
    return seen


def rss_mb(pid, work):
    """RSS of the JVM, and memory of the embedded PostgreSQL and Redis processes as PSS: PostgreSQL's
    processes share its buffers, and summing their RSS would count those pages once per backend."""
    def own(p, field):
        try:
            for line in open('/proc/%d/%s' % (p, 'status' if field == 'VmRSS:' else 'smaps_rollup')):
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0
    return round(own(pid, 'VmRSS:')), round(sum(own(p, 'Pss:') for p in embedded_pids(pid, work)))


TICKS = os.sysconf('SC_CLK_TCK')


def cpu_s(pids):
    """User + system CPU seconds the processes used so far (and their reaped children): CPU time, unlike
    wall time, is what one turn costs however loaded the shared machine is."""
    total = 0
    for p in pids:
        try:
            fields = open('/proc/%d/stat' % p).read().rsplit(')', 1)[1].split()
            total += sum(int(f) for f in fields[11:15])
        except (OSError, IndexError, ValueError):
            pass
    return total / TICKS


def webhook_body(i):
    return fake_chatwoot.incoming_text(TEMPLATE, 900_000_000 + i, 800_000_000 + i // 5, 'quiero homologar un escape')


wrk_ids = [0]


def wrk(path, work, seconds=None):
    script = os.path.join(work, 'webhook.lua')
    body = fake_chatwoot.incoming_text(TEMPLATE, 1111111111, 2222222222, 'quiero homologar un escape').decode()
    template = body.replace('%', '%%').replace('1111111111', '%d').replace('2222222222', '%d')
    with open(script, 'w') as f:
        # Every request a new message id: per wrk thread a range of its own, per run a base of its own
        # (an unseeded math.random gave every thread and every run the same ids, i.e. duplicates).
        f.write('local threads = 0\n'
                'function setup(thread)\n threads = threads + 1\n thread:set("tid", threads)\nend\n'
                'function init(args)\n n = 0\n base = tonumber(os.getenv("BENCH_ID_BASE")) + tid * 100000000\nend\n'
                'wrk.method = "POST"\n'
                'wrk.headers["Content-Type"] = "application/json"\n'
                'local tpl = [==[' + template + ']==]\n'
                'request = function()\n n = n + 1\n local id = base + n\n'
                ' return wrk.format(nil, nil, nil, string.format(tpl, id, math.floor(id / 5)))\nend\n')
    wrk_ids[0] += 1
    env = dict(os.environ, BENCH_ID_BASE=str((int(time.time()) % 10_000 * 100 + wrk_ids[0]) * 1_000_000_000))
    args = ['wrk', '-t2', '-c16', '-d%ds' % (seconds or SECONDS), '--latency']
    if path.startswith('/api/chatwoot'):
        args += ['-s', script]
    out = subprocess.run(args + ['http://127.0.0.1:%d%s' % (PORT, path)], capture_output=True, text=True, env=env).stdout
    rps = float([l for l in out.splitlines() if l.startswith('Requests/sec')][0].split()[1])
    non2xx = [l for l in out.splitlines() if 'Non-2xx' in l]
    return rps, (int(non2xx[0].split()[-1]) if non2xx else 0)


def fixed_rate(method, make, rate, seconds):
    """Open loop: request i is due at t0 + i/rate; latency counts from the due time."""
    total = rate * seconds
    lat, errors, lock, counter = [], [0], threading.Lock(), iter(range(total))
    t0 = time.monotonic() + 0.2
    def worker():
        conn = http.client.HTTPConnection('127.0.0.1', PORT, timeout=10)
        for i in counter:
            due = t0 + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            path, body, headers = make(i)
            try:
                conn.request(method, path, body=body, headers=headers)
                r = conn.getresponse(); r.read()
                ok = 200 <= r.status < 300
            except OSError:
                conn.close(); conn = http.client.HTTPConnection('127.0.0.1', PORT, timeout=10); ok = False
            with lock:
                lat.append((time.monotonic() - due) * 1000)
                errors[0] += not ok
    threads = [threading.Thread(target=worker) for _ in range(32)]
    [t.start() for t in threads]; [t.join() for t in threads]
    lat.sort()
    pct = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))], 1)
    return {'requests': total, 'errors': errors[0], 'p50_ms': pct(0.5), 'p99_ms': pct(0.99), 'max_ms': round(lat[-1], 1)}


def main():
    work = tempfile.mkdtemp(prefix='msia-bench-')
    results = {'machine': {'cores': os.cpu_count()}, 'rate': RATE, 'seconds': SECONDS}
    try:
        load = os.getloadavg()[0]
        proc, cold = launch('api,agent,admin', work)
        cold_cpu = proc.startup_cpu_s
        time.sleep(5)
        jvm, embedded = rss_mb(proc.pid, work)
        results['d_all_in_one'] = {'start_cold_s': round(cold, 1), 'start_cold_jvm_cpu_s': round(cold_cpu, 1),
                                   'rss_jvm_mb': jvm, 'pss_embedded_mb': embedded, 'load_avg_before': round(load, 1)}
        proc.terminate(); proc.wait(30)
        proc, warm = launch('api,agent,admin', work)
        results['d_all_in_one']['start_warm_s'] = round(warm, 1)
        results['d_all_in_one']['start_warm_jvm_cpu_s'] = round(proc.startup_cpu_s, 1)
        proc.terminate(); proc.wait(30)

        proc, _ = launch('api', work)
        ping = lambda i: ('/api/ping', None, {})
        hook = lambda i: ('/api/chatwoot/webhook?token=' + TOKEN, webhook_body(i), {'Content-Type': 'application/json'})
        # Warm-up of both paths at full speed, so the JIT's compiling (29 % of the JVM's CPU in a profiled
        # run) is not billed to whichever endpoint is measured first: a long-running API's state.
        for path in ('/api/ping', '/api/chatwoot/webhook?token=' + TOKEN):
            wrk(path, work, WARMUP_SECONDS)
        for name, path, method, make in (('ping', '/api/ping', 'GET', ping),
                                         ('webhook', '/api/chatwoot/webhook?token=' + TOKEN, 'POST', hook)):
            services = embedded_pids(proc.pid, work)
            jvm_cpu, services_cpu = cpu_s([proc.pid]), cpu_s(services)
            rps, bad = wrk(path, work)
            requests = rps * SECONDS
            results['a_' + name] = {'wrk_max_rps': rps, 'wrk_non2xx': bad,
                                    'cpu_ms_per_request_jvm': round((cpu_s([proc.pid]) - jvm_cpu) * 1000 / requests, 3),
                                    'cpu_ms_per_request_pg_redis': round((cpu_s(services) - services_cpu) * 1000 / requests, 3),
                                    'fixed_rate': fixed_rate(method, make, RATE, SECONDS)}
        results['a_api_rss_after_load_mb'] = rss_mb(proc.pid, work)
        proc.terminate(); proc.wait(30)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(ROOT, 'bench', 'results'), exist_ok=True)
    out = os.path.join(ROOT, 'bench', 'results', 'bench-%s.json' % time.strftime('%Y%m%dT%H%M%S'))
    json.dump(results, open(out, 'w'), indent=2)
    p, w, d = results['a_ping'], results['a_webhook'], results['d_all_in_one']
    rows = [
        ('(a) max throughput, wrk 16 conn (req/s)', '%.0f' % p['wrk_max_rps'], '%.0f' % w['wrk_max_rps'],
         'webhook >= 50%% of ping: %s (%.0f%%)' % (w['wrk_max_rps'] >= 0.5 * p['wrk_max_rps'], 100 * w['wrk_max_rps'] / p['wrk_max_rps'])),
        ('(a) CPU per request, JVM + PG/Redis (ms)', '%.2f + %.2f' % (p['cpu_ms_per_request_jvm'], p['cpu_ms_per_request_pg_redis']),
         '%.2f + %.2f' % (w['cpu_ms_per_request_jvm'], w['cpu_ms_per_request_pg_redis']), 'during the wrk run'),
        ('(a) p50 at %d req/s (ms)' % RATE, p['fixed_rate']['p50_ms'], w['fixed_rate']['p50_ms'], ''),
        ('(a) p99 at %d req/s (ms)' % RATE, p['fixed_rate']['p99_ms'], w['fixed_rate']['p99_ms'],
         'webhook p99 < 20 ms: %s' % (w['fixed_rate']['p99_ms'] < 20)),
        ('(a) errors / non-2xx', '%d / %d' % (p['fixed_rate']['errors'], p['wrk_non2xx']),
         '%d / %d' % (w['fixed_rate']['errors'], w['wrk_non2xx']), ''),
        ('(d) start, fresh data dir / restart (s)', '', '%.1f / %.1f' % (d['start_cold_s'], d['start_warm_s']),
         'start < 15 s: %s (load avg %.1f on %d cores)' % (d['start_cold_s'] < 15, d['load_avg_before'], os.cpu_count())),
        ('(d) start, JVM CPU time fresh / restart (s)', '', '%.1f / %.1f' % (d['start_cold_jvm_cpu_s'], d['start_warm_jvm_cpu_s']),
         'CPU time depends less on the machine load than wall time'),
        ('(d) RSS JVM / PSS embedded PG+Redis (MB)', '', '%d / %d' % (d['rss_jvm_mb'], d['pss_embedded_mb']),
         'JVM + embedded < 700 MB: %s' % (d['rss_jvm_mb'] + d['pss_embedded_mb'] < 700)),
    ]
    print('\n%-42s %12s %14s  %s' % ('measure', 'ping', 'webhook/app', 'target'))
    print('-' * 110)
    for r in rows:
        print('%-42s %12s %14s  %s' % r)
    print('\nwritten', os.path.relpath(out, ROOT))


if __name__ == '__main__':
    main()
