#!/usr/bin/env python3
"""Benchmark (b): end-to-end turn time, webhook POST -> reply at a fake Chatwoot, burst window off.

One api+agent process with embedded services, a fake Chatwoot and a fake OpenRouter answering one tool
call after 0 ms or 1,500 ms. For each LLM delay: 1 conversation (20 turns one after another), then 50
and 500 new conversations posted at once. Engine overhead = turn time - LLM delay x LLM calls per turn.
Throughput is conversations / (last reply - first post); the ideal with a 1.5 s LLM is all of them in 1.5 s.
Writes bench/results/turns-<timestamp>.json and prints a table. Loopback only, bounded waits.
"""
import http.client, json, os, shutil, sys, tempfile, threading, time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(__file__))
import bench, fake_chatwoot, fake_openrouter  # noqa: E402

CHATWOOT, OPENROUTER = bench.PORT + 90, bench.PORT + 91
LEVELS = [int(x) for x in os.environ.get('BENCH_CONVERSATIONS', '1,50,500').split(',')]
WARMUP = int(os.environ.get('BENCH_WARMUP', 2000))
DELAYS = [float(x) for x in os.environ.get('BENCH_LLM_DELAYS', '0,1.5').split(',')]
# BENCH_PACED=conversations:rate adds a run where the conversations arrive spread out (rate per second)
# instead of all at once: the engine's overhead under a sustained load it can carry, next to the burst.
PACED = [tuple(int(v) for v in x.split(':')) for x in os.environ.get('BENCH_PACED', '500:50').split(',') if x]
replies = fake_chatwoot.Replies()
llm = fake_openrouter.Stats()
next_conversation = [int(time.time()) % 100_000 * 10_000 + 600_000_000]


_local = threading.local()


def agent_env():
    """Environment of an api+agent process that talks to this module's fake Chatwoot and fake OpenRouter."""
    return {'CHATWOOT_API_URL': 'http://127.0.0.1:%d' % CHATWOOT, 'CHATWOOT_API_TOKEN': 'bench', 'CHATWOOT_ACCOUNT_ID': '1',
            'OPENROUTER_API_KEY': 'sk-or-v1-bench', 'OPENROUTER_BASE_URL': 'http://127.0.0.1:%d/api/v1' % OPENROUTER,
            'LLM_MONTHLY_BUDGET_EUR': '100000'}


def post(conversation):
    """Posts the conversation's message on a kept-alive connection of this thread (a new connection per
    request would make the load generator, not the application, the slow part of a 500-conversation burst)."""
    body = fake_chatwoot.incoming_text(bench.TEMPLATE, conversation * 10, conversation, 'quiero homologar el escape')
    path = '/api/chatwoot/webhook?token=%s' % bench.TOKEN
    for attempt in range(3):
        conn = getattr(_local, 'conn', None)
        if conn is None:
            conn = _local.conn = http.client.HTTPConnection('127.0.0.1', bench.PORT, timeout=30)
        sent = time.monotonic()
        try:
            conn.request('POST', path, body, {'Content-Type': 'application/json'})
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                return conversation, sent
        except (OSError, http.client.HTTPException):
            conn.close()
            _local.conn = None
    raise RuntimeError('webhook post failed for conversation %d' % conversation)


def wave(count, rate=None):
    """count new conversations, one message each: all at once, or (rate) one every 1/rate s, open loop."""
    conversations = list(range(next_conversation[0], next_conversation[0] + count))
    next_conversation[0] += count
    t0 = time.monotonic() + 0.1

    def paced(item):
        i, conversation = item
        if not rate:
            return post(conversation)
        due = t0 + i / rate
        time.sleep(max(0.0, due - time.monotonic()))
        # Latency counts from when the message was due, so a load generator falling behind hides nothing.
        return post(conversation)[0], due
    with ThreadPoolExecutor(min(count, 64)) as pool:
        sent = dict(pool.map(paced, enumerate(conversations)))
    deadline = time.monotonic() + 60 + count * 0.1
    while time.monotonic() < deadline and any(replies.count(c) == 0 for c in conversations):
        time.sleep(0.01)
    answered = {c: replies.times(c)[0] for c in conversations if replies.count(c)}
    latencies = sorted((answered[c] - sent[c]) * 1000 for c in answered)
    span = (max(answered.values()) - min(sent.values())) if answered else float('nan')
    return latencies, len(conversations) - len(answered), span


def pct(values, p):
    return round(values[min(len(values) - 1, int(p * len(values)))], 1) if values else float('nan')


def main():
    work = tempfile.mkdtemp(prefix='msia-turns-')
    fake_chatwoot.start(CHATWOOT, replies)
    llm.delay = 0.0
    server = fake_openrouter.start(OPENROUTER, 0, llm)
    results = []
    try:
        proc, _ = bench.launch('api,agent', work, agent_env())
        for delay in DELAYS:
            server.RequestHandlerClass.delay = delay
            # Warm-up at this delay: the JIT compiles the turn's code paths first (a long-running agent's state).
            wave(WARMUP)
            for level, rate in [(n, None) for n in LEVELS] + PACED:
                before = llm.requests
                services = bench.embedded_pids(proc.pid, work)
                jvm_cpu, services_cpu = bench.cpu_s([proc.pid]), bench.cpu_s(services)
                if level == 1:
                    latencies, missing, span = [], 0, 0.0
                    for _ in range(20):
                        one, miss, s = wave(1)
                        latencies += one; missing += miss; span += s
                    latencies.sort(); turns = 20
                else:
                    latencies, missing, span = wave(level, rate); turns = level
                calls = (llm.requests - before) / turns
                jvm_cpu = (bench.cpu_s([proc.pid]) - jvm_cpu) * 1000 / turns
                services_cpu = (bench.cpu_s(services) - services_cpu) * 1000 / turns
                overhead = [l - delay * 1000 * calls for l in latencies]
                results.append({'llm_delay_ms': int(delay * 1000), 'conversations': level, 'arrival_per_s': rate,
                                'turns': turns,
                                'missing': missing, 'llm_calls_per_turn': round(calls, 2),
                                'p50_ms': pct(latencies, 0.5), 'p99_ms': pct(latencies, 0.99),
                                'overhead_p99_ms': pct(sorted(overhead), 0.99),
                                'throughput_conv_s': round(turns / span, 1) if span else None,
                                'ideal_conv_s': round(level / delay, 1) if delay and level > 1 and not rate else None,
                                'cpu_ms_per_turn_jvm': round(jvm_cpu, 1),
                                'cpu_ms_per_turn_pg_redis': round(services_cpu, 1)})
        proc.terminate(); proc.wait(30)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = os.path.join(bench.ROOT, 'bench', 'results', 'turns-%s.json' % time.strftime('%Y%m%dT%H%M%S'))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    json.dump(results, open(out, 'w'), indent=2)
    print('\n%-8s %9s %8s %8s %9s %9s %13s %8s %7s %14s' % ('llm ms', 'convs', 'missing', 'calls/t', 'p50 ms', 'p99 ms',
                                                        'overhead p99', 'conv/s', 'ideal', 'CPU ms/turn*'))
    print('-' * 110)
    for r in results:
        convs = '%d@%d/s' % (r['conversations'], r['arrival_per_s']) if r.get('arrival_per_s') else str(r['conversations'])
        print('%-8d %9s %8d %8.2f %9.1f %9.1f %13.1f %8s %7s %14s' % (r['llm_delay_ms'], convs, r['missing'],
              r['llm_calls_per_turn'], r['p50_ms'], r['p99_ms'], r['overhead_p99_ms'], r['throughput_conv_s'], r['ideal_conv_s'],
              '%.1f + %.1f' % (r['cpu_ms_per_turn_jvm'], r['cpu_ms_per_turn_pg_redis'])))
    print('* CPU per turn: the JVM + embedded PostgreSQL and Redis (user + system time of the processes)')
    print('targets: overhead p99 < 150 ms at 500 conversations; with 1,500 ms LLM >= 80 % of ideal conv/s')
    print('N@R/s: N conversations arriving at R per second (open loop) instead of all at once')
    print('written', os.path.relpath(out, bench.ROOT))


if __name__ == '__main__':
    main()
