#!/usr/bin/env python3
"""Fault injection against the real jar: one api and two agents on a private PostgreSQL and Redis that this
script owns (so it can stop them), a fake Chatwoot and a fake OpenRouter it controls. Run by
scripts/fault-injection.sh, which builds the jar. Stdlib only.

Load: a few customers write all the time, each sending its next message only once the previous one was
answered (as people do), through the API's webhook. Each scenario injects one fault in the middle of that
load, then the load stops and the script waits for the backlog to drain. Per scenario it checks, from
PostgreSQL and the fake Chatwoot:
  * every customer message the webhook accepted was answered (a sent reply row for it) or its conversation
    was handed off to a person -- nothing lost;
  * no reply reached Chatwoot twice (posts at the fake == sent reply rows, per conversation);
  * every process reports UP on /actuator/health again, with nobody touching anything (a killed agent is
    started again by the script, as the compose restart policy would).
Prints one table row per scenario; exits 1 when a check fails.
"""
import argparse
import faulthandler
import http.server
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'scripts'))
from harness.customers import Customers  # noqa: E402
TOKEN = 'fault-injection-token-0123456789'
# Each text adds one element to the quote, so every turn gets exactly one reply.

p = argparse.ArgumentParser()
p.add_argument('--jar', required=True)
p.add_argument('--pg-outage', type=float, default=30, help='seconds PostgreSQL stays stopped')
p.add_argument('--chatwoot-outage', type=float, default=60, help='seconds Chatwoot answers 500/429/timeouts')
p.add_argument('--llm-outage', type=float, default=60, help='seconds OpenRouter answers 429/502/timeouts')
p.add_argument('--customers', type=int, default=8, help='customers writing at the same time')
p.add_argument('--only', default='', help='comma-separated scenario names to run')
p.add_argument('--pg-port', type=int, default=15432)
p.add_argument('--redis-port', type=int, default=16379)
p.add_argument('--api-port', type=int, default=18400)
p.add_argument('--fake-port', type=int, default=19401)
args = p.parse_args()

WORK = tempfile.mkdtemp(prefix='msia-faults-')
os.chmod(WORK, 0o755)
LOG = open(os.path.join(WORK, 'faults.log'), 'w')


def note(msg):
    stamp = time.strftime('%H:%M:%S')
    LOG.write('%s %s\n' % (stamp, msg))
    LOG.flush()
    print('  %s %s' % (stamp, msg), file=sys.stderr, flush=True)


# ---------------------------------------------------------------- fakes --------------------------------------------

class Fakes:
    """Fake Chatwoot (/api/v1/accounts/...) and fake OpenRouter (/api/v1/chat/completions) on one port."""

    def __init__(self):
        self.lock = threading.Lock()
        self.posts = {}  # conversation -> [(content, private, id, created_at)]
        self.chatwoot_faulty = False
        self.llm_faulty = False
        self.llm_delay = 0.0
        # 'stored-timeout': the message IS created, then the answer stalls past the agent's read timeout (the
        # outbox must find it in GET messages instead of sending it twice).
        self.faults = itertools.cycle(['500', '429', 'timeout', 'stored-timeout'])
        self.llm_faults = itertools.cycle(['429', '502', 'timeout'])
        self.ids = itertools.count(50_000_000)

    def public_posts(self, conversation):
        with self.lock:
            return sum(1 for post in self.posts.get(conversation, ()) if not post[1])

    def all_posts(self, conversation):
        with self.lock:
            return len(self.posts.get(conversation, ()))


fakes = Fakes()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def send(self, status, body, content_type='application/json', headers=()):
        out = body if isinstance(body, bytes) else json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header('Content-Type', content_type)
            self.send_header('Content-Length', str(len(out)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(out)
        except OSError:
            pass

    def chatwoot_fault(self, store=None):
        if not fakes.chatwoot_faulty:
            return False
        kind = next(fakes.faults)
        if kind == 'stored-timeout':
            if store is None:  # not a message create: answer as a plain timeout
                kind = 'timeout'
            else:
                store()
                time.sleep(8)
                self.send(200, {'id': 0, 'message_type': 1, 'status': 'sent'})
                return True
        if kind == '500':
            self.send(500, {'error': 'Internal Server Error'})
        elif kind == '429':
            self.send(429, b'Retry later\n', 'text/plain', [('Retry-After', '2')])
        else:
            time.sleep(8)  # beyond the agent's 5 s read timeout; the message is NOT created
            self.send(504, b'Gateway Timeout\n', 'text/plain')
        return True

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        path = self.path.split('?')[0]
        if path.endswith('/chat/completions'):
            return self.completion(raw)
        parts = path.strip('/').split('/')
        if 'conversations' in parts and parts[-1] == 'messages':
            conversation = int(parts[parts.index('conversations') + 1])
            body = {}
            if 'json' in (self.headers.get('Content-Type') or ''):
                try:
                    body = json.loads(raw or b'{}')
                except ValueError:
                    pass

            def store():
                message_id = next(fakes.ids)
                with fakes.lock:
                    fakes.posts.setdefault(conversation, []).append(
                        (body.get('content', ''), bool(body.get('private')), message_id, int(time.time())))
                return message_id
            if self.chatwoot_fault(store):
                return
            self.send(200, {'id': store(), 'message_type': 1, 'status': 'sent'})
        elif not self.chatwoot_fault():
            self.send(200, {'payload': []})

    def do_GET(self):
        if self.chatwoot_fault():
            return
        parts = self.path.split('?')[0].strip('/').split('/')
        if 'conversations' in parts and parts[-1] == 'messages':
            # B2/B3: the latest 20, ascending, message_type as an int and created_at in unix seconds.
            conversation = int(parts[parts.index('conversations') + 1])
            with fakes.lock:
                posts = list(fakes.posts.get(conversation, ()))[-20:]
            return self.send(200, {'meta': {}, 'payload': [
                {'id': i, 'content': c, 'message_type': 1, 'private': p, 'created_at': t} for c, p, i, t in posts]})
        self.send(200, {'payload': []})

    def completion(self, raw):
        if fakes.llm_faulty:
            kind = next(fakes.llm_faults)
            if kind == 'timeout':
                time.sleep(6)  # beyond LLM_TIMEOUT=3s
                return self.send(504, {'error': {'code': 408, 'message': 'timeout'}})
            code = int(kind)
            headers = [('Retry-After', '1')] if code == 429 else []
            return self.send(code, {'error': {'code': code, 'message': 'Provider returned error',
                                              'metadata': {'error_type': 'rate_limit_exceeded' if code == 429
                                                           else 'provider_unavailable'}}}, headers=headers)
        if fakes.llm_delay:
            time.sleep(fakes.llm_delay)
        try:
            request = json.loads(raw)
        except ValueError:
            request = {}
        offered = [t.get('function', {}).get('name') for t in request.get('tools', [])]
        # The model "understands" the element the customer names; the engine's matcher resolves it.
        text = ''
        for m in request.get('messages', []):
            if m.get('role') == 'user':
                text = m.get('content') if isinstance(m.get('content'), str) else text
        words = [w for w in ('escape', 'manillar', 'espejos', 'luces', 'guardabarros') if w in text]
        newest = max(words, key=text.rfind) if words else 'escape'
        if 'mention_elements' in offered:
            name, arguments = 'mention_elements', json.dumps({'mentions': [newest]})
        else:
            name, arguments = (offered[0] if offered else 'greet'), '{}'
        self.send(200, {
            'id': 'gen-%d' % next(fakes.ids), 'provider': 'OpenAI', 'model': request.get('model', 'openai/gpt-4o-mini'),
            'object': 'chat.completion', 'created': int(time.time()),
            'choices': [{'index': 0, 'finish_reason': 'tool_calls', 'native_finish_reason': 'tool_calls',
                         'message': {'role': 'assistant', 'content': None, 'tool_calls': [
                             {'id': 'call_%d' % next(fakes.ids), 'type': 'function',
                              'function': {'name': name, 'arguments': arguments}}]}}],
            'usage': {'prompt_tokens': 900, 'completion_tokens': 20, 'total_tokens': 920, 'cost': 0.0001}})

    def log_message(self, *a):
        pass


class FakeServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        pass  # a killed agent resets its connections: expected here


# ---------------------------------------------------------------- services -----------------------------------------

def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw).stdout


def as_postgres(cmd):
    """PostgreSQL refuses to run as root; the machine's install has a postgres account."""
    if os.geteuid() == 0:
        return ['runuser', '-u', 'postgres', '--'] + cmd
    return cmd


PG_DIR = os.path.join(WORK, 'pg')
REDIS_DIR = os.path.join(WORK, 'redis')


def pg_start():
    run(as_postgres(['pg_ctl', '-D', PG_DIR, '-l', os.path.join(PG_DIR, 'server.log'), '-w', '-o',
                     '-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=100' % (args.pg_port, PG_DIR),
                     'start']))


def pg_stop():
    run(as_postgres(['pg_ctl', '-D', PG_DIR, '-m', 'fast', '-w', 'stop']))


def psql(sql):
    out = run(['psql', '-h', '127.0.0.1', '-p', str(args.pg_port), '-U', 'postgres', '-d', 'msia', '-At', '-c', sql])
    return [line.split('|') for line in out.strip().splitlines() if line]


redis_proc = None


def redis_start():
    global redis_proc
    redis_proc = subprocess.Popen(['redis-server', '--port', str(args.redis_port), '--bind', '127.0.0.1',
                                   '--dir', REDIS_DIR, '--appendonly', 'yes', '--appendfsync', 'everysec',
                                   '--maxmemory-policy', 'noeviction', '--save', ''],
                                  stdout=open(os.path.join(WORK, 'redis.log'), 'a'), stderr=subprocess.STDOUT)
    for _ in range(50):
        if subprocess.run(['redis-cli', '-p', str(args.redis_port), 'ping'], capture_output=True).stdout.strip() == b'PONG':
            return
        time.sleep(0.1)
    raise SystemExit('private redis-server did not start')


def redis_restart(wipe=False):
    """A restart as an upgrade or a crash-looping container does it: SHUTDOWN (AOF flushed), start again.
    With wipe, Redis comes back empty, as one without persistence (or a lost volume) does."""
    subprocess.run(['redis-cli', '-p', str(args.redis_port), 'shutdown', 'nosave' if wipe else 'save'],
                   capture_output=True)
    redis_proc.wait(10)
    if wipe:
        shutil.rmtree(REDIS_DIR)
        os.makedirs(REDIS_DIR)
    time.sleep(3)
    redis_start()


PROCS = {}
PORTS = {'api': args.api_port, 'agent1': args.api_port + 1, 'agent2': args.api_port + 2}


def launch(name):
    env = dict(os.environ)
    env.update({
        'DATABASE_URL': 'postgresql://postgres@127.0.0.1:%d/msia' % args.pg_port,
        'REDIS_URL': 'redis://127.0.0.1:%d/0' % args.redis_port,
        'CHATWOOT_WEBHOOK_TOKEN': TOKEN,
        'CHATWOOT_API_URL': 'http://127.0.0.1:%d' % args.fake_port,
        'CHATWOOT_API_TOKEN': 'fake-bot-token', 'CHATWOOT_USER_API_TOKEN': 'fake-user-token',
        'CHATWOOT_ACCOUNT_ID': '1', 'CHATWOOT_INBOX_ID': '9',
        'OPENROUTER_API_KEY': 'sk-or-v1-fault-injection', 'OPENROUTER_BASE_URL': 'http://127.0.0.1:%d/api/v1' % args.fake_port,
        'LLM_TIMEOUT': '3s', 'MESSAGE_BATCH_WINDOW_SECONDS': '0', 'MSIA_DATA_DIR': os.path.join(WORK, 'data-' + name),
        'MSIA_ROLES': 'api' if name == 'api' else 'agent',
    })
    if name == 'agent2':
        env['LOG_FORMAT'] = 'json'  # one agent logs ECS JSON (traceId, conversationId fields): both formats run
    extra = ['--msia.api.port=%d' % PORTS[name]] if name == 'api' else ['--msia.agent.port=%d' % PORTS[name]]
    # Shorter than production (60 s / 30 s) so a killed agent's entries come back within the run.
    extra += ['--msia.messaging.reclaim-idle=20s', '--msia.messaging.lock-lease=20s', '--msia.chatwoot.read-timeout=5s',
              '--msia.chatwoot.max-backoff=10s']
    log = open(os.path.join(WORK, name + '.log'), 'a')
    PROCS[name] = subprocess.Popen(['java', '-Xmx384m', '-XX:TieredStopAtLevel=1', '-jar', args.jar] + extra,
                                   env=env, stdout=log, stderr=subprocess.STDOUT)


def health(name):
    try:
        with urllib.request.urlopen('http://127.0.0.1:%d/actuator/health' % PORTS[name], timeout=2) as r:
            return json.load(r).get('status') == 'UP'
    except (OSError, ValueError):
        return False


class HealthWatch:
    """Polls every process's health twice a second: when did all of them report UP again after the fault?"""

    def __init__(self):
        self.samples = []  # (monotonic time, all UP)
        self.stop = threading.Event()
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        while not self.stop.is_set():
            at = time.monotonic()
            up = all(health(n) for n in PORTS)
            self.samples.append((at, up))
            time.sleep(0.5)

    def down_seconds(self):
        """Seconds some process was not UP during the scenario."""
        return sum(0.5 for _, up in self.samples if not up)

    def green_after(self, fault_end):
        """Seconds from the end of the fault until every process was UP and stayed UP."""
        self.stop.set()
        if not all(health(n) for n in PORTS):  # judged now, not by the poller's possibly stale last round
            return None
        last_down = max((t for t, up in list(self.samples) if not up and t >= fault_end), default=None)
        return 0.0 if last_down is None else last_down - fault_end + 0.5


def wait_healthy(names, timeout):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if all(health(n) for n in names):
            return time.monotonic() - start
        time.sleep(0.5)
    return None


# ---------------------------------------------------------------- load ---------------------------------------------

def Load(base):
    """The closed-loop customers of harness/customers.py, answered as the fake Chatwoot counts."""
    return Customers(base, args.customers, args.api_port, TOKEN, fakes.public_posts, '+3461', 1000, 240,
                     wait_through_stop=True)


def verify(load, drain_timeout):
    """Waits for the backlog to drain, then counts answered / handed off / lost / duplicated."""
    ids = [m for _, m in load.accepted]
    conversations = sorted(load.conversations)
    if not ids:
        return dict(sent=0, answered=0, handed=0, lost=0, dup=0)
    id_list = ','.join(str(i) for i in ids)
    conv_list = ','.join(str(c) for c in conversations)
    deadline = time.monotonic() + drain_timeout
    while True:
        try:
            open_rows = psql("SELECT count(*) FROM outbound_messages WHERE conversation_id IN (%s) "
                             "AND status IN ('pending','sending')" % conv_list)[0][0]
            unanswered = psql("""SELECT count(*) FROM messages m WHERE m.chatwoot_message_id IN (%s)
                AND NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.idempotency_key LIKE 'reply:' || m.chatwoot_message_id || ':%%'
                                AND o.status = 'sent' AND NOT o.private_note)
                AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = m.conversation_id)""" % id_list)[0][0]
        except subprocess.CalledProcessError:
            open_rows, unanswered = '1', '1'
        if (open_rows == '0' and unanswered == '0') or time.monotonic() > deadline:
            break
        time.sleep(1)
    time.sleep(3)  # a late duplicate would arrive now
    recorded = int(psql("SELECT count(*) FROM messages WHERE chatwoot_message_id IN (%s)" % id_list)[0][0])
    answered = int(psql("""SELECT count(DISTINCT m.chatwoot_message_id) FROM messages m JOIN outbound_messages o
        ON o.idempotency_key LIKE 'reply:' || m.chatwoot_message_id || ':%%' AND o.status = 'sent' AND NOT o.private_note
        WHERE m.chatwoot_message_id IN (%s)""" % id_list)[0][0])
    handed = int(psql("""SELECT count(*) FROM messages m WHERE m.chatwoot_message_id IN (%s)
        AND NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.idempotency_key LIKE 'reply:' || m.chatwoot_message_id || ':%%'
                        AND o.status = 'sent' AND NOT o.private_note)
        AND EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = m.conversation_id)""" % id_list)[0][0])
    sent_rows = {int(c): int(n) for c, n in psql(
        "SELECT conversation_id, count(*) FROM outbound_messages WHERE conversation_id IN (%s) AND status = 'sent' "
        "GROUP BY 1" % conv_list)}
    dup = sum(max(0, fakes.all_posts(c) - sent_rows.get(c, 0)) for c in conversations)
    return dict(sent=len(ids), recorded=recorded, answered=answered, handed=handed,
                lost=len(ids) - answered - handed, dup=dup)


# ---------------------------------------------------------------- scenarios ----------------------------------------

def kill_agent_mid_turn():
    fakes.llm_delay = 1.5  # turns take a while, so the kill lands in the middle of some
    time.sleep(2)
    victim = PROCS['agent1']
    note('kill -9 agent1 (pid %d)' % victim.pid)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    time.sleep(10)
    fakes.llm_delay = 0
    note('agent1 started again (compose restart policy)')
    launch('agent1')


def redis_restarted():
    note('redis-server SHUTDOWN and start again')
    redis_restart()


def redis_wiped():
    note('redis-server SHUTDOWN NOSAVE, data deleted, start again empty')
    redis_restart(wipe=True)


def postgres_stopped():
    note('PostgreSQL stopped for %ds' % args.pg_outage)
    pg_stop()
    time.sleep(args.pg_outage)
    pg_start()
    note('PostgreSQL started')


def chatwoot_failing():
    note('Chatwoot answers 500/429/timeouts for %ds' % args.chatwoot_outage)
    fakes.chatwoot_faulty = True
    time.sleep(args.chatwoot_outage)
    fakes.chatwoot_faulty = False
    note('Chatwoot healthy')


def openrouter_failing():
    note('OpenRouter answers 429/502/timeouts for %ds' % args.llm_outage)
    fakes.llm_faulty = True
    time.sleep(args.llm_outage)
    fakes.llm_faulty = False
    note('OpenRouter healthy')


SCENARIOS = [
    ('baseline (no fault)', 'baseline', lambda: time.sleep(10)),
    ('kill -9 agent mid-turn', 'kill', kill_agent_mid_turn),
    ('Redis restarted mid-load', 'redis', redis_restarted),
    ('Redis restarted empty (data lost)', 'redis-wiped', redis_wiped),
    ('PostgreSQL stopped %ds' % args.pg_outage, 'postgres', postgres_stopped),
    ('Chatwoot 500/429/timeouts %ds' % args.chatwoot_outage, 'chatwoot', chatwoot_failing),
    ('OpenRouter 429/502/timeouts %ds' % args.llm_outage, 'openrouter', openrouter_failing),
]


def reclaimed_so_far():
    """Entries taken over from a dead agent (XAUTOCLAIM), from the agents' logs: turns the kill interrupted."""
    total = 0
    for name in ('agent1', 'agent2'):
        with open(os.path.join(WORK, name + '.log'), errors='replace') as f:
            total += sum(1 for line in f if 'Reclaimed entry' in line)
    return total


def main():
    server = FakeServer(('127.0.0.1', args.fake_port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    os.makedirs(REDIS_DIR)
    os.makedirs(PG_DIR)
    if os.geteuid() == 0:
        shutil.chown(PG_DIR, 'postgres', 'postgres')
    run(as_postgres(['initdb', '-D', PG_DIR, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8']))
    pg_start()
    run(['createdb', '-h', '127.0.0.1', '-p', str(args.pg_port), '-U', 'postgres', 'msia'])
    redis_start()
    launch('api')
    if wait_healthy(['api'], 300) is None:
        raise SystemExit('api did not start; see ' + WORK)
    launch('agent1')
    launch('agent2')
    if wait_healthy(['api', 'agent1', 'agent2'], 300) is None:  # a busy 2-core machine starts three JVMs in ~2 min
        raise SystemExit('agents did not start; see ' + WORK)
    note('api + 2 agents up; work dir ' + WORK)

    only = set(filter(None, args.only.split(',')))
    rows = []
    base = int(time.time()) % 10_000 * 1_000_000 + 3_000_000_000
    for n, (title, key, inject) in enumerate(SCENARIOS):
        if only and key not in only:
            continue
        note('--- ' + title)
        reclaimed_before = reclaimed_so_far()
        load = Load(base + n * 100_000)
        watch = HealthWatch()
        load.start()
        time.sleep(5)
        t0 = time.monotonic()
        inject()
        fault_end = time.monotonic()
        time.sleep(10)
        load.finish()
        result = verify(load, drain_timeout=240)
        healthy = wait_healthy(['api', 'agent1', 'agent2'], 180)
        green = watch.green_after(fault_end) if healthy is not None else None
        result.update(title=title, fault=fault_end - t0, green=green, down=watch.down_seconds(), refused=load.refused, slowest=load.slowest,
                      reclaimed=reclaimed_so_far() - reclaimed_before if key == 'kill' else None)
        result['ok'] = result['lost'] == 0 and result['dup'] == 0 and green is not None
        note('%s: %s' % (title, result))
        rows.append(result)

    header = ('| Scenario | Messages accepted | Refused at webhook | Answered | Handed off | Lost | Duplicates '
              '| Slowest answer | Not UP during run | All UP after fault end | Result |')
    print()
    print(header)
    print('|' + '---|' * 11)
    for r in rows:
        title = r['title'] + (' (%d turns in flight, reclaimed)' % r['reclaimed'] if r.get('reclaimed') else '')
        print('| %s | %d | %d | %d | %d | %d | %d | %.1f s | %.1f s | %s | %s |' % (
            title, r['sent'], r['refused'], r['answered'], r['handed'], r['lost'], r['dup'], r['slowest'], r['down'],
            'never' if r['green'] is None else '%.1f s' % r['green'], 'PASS' if r['ok'] else 'FAIL'))
    print('\nLogs: ' + WORK)
    return 0 if all(r['ok'] for r in rows) else 1


def cleanup():
    for proc in PROCS.values():
        if proc.poll() is None:
            proc.terminate()
    for proc in PROCS.values():
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    if redis_proc is not None and redis_proc.poll() is None:
        redis_proc.terminate()
    try:
        pg_stop()
    except Exception:  # noqa: BLE001 -- already stopped
        pass


if __name__ == '__main__':
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # Ctrl-C or kill: still stop what we started
    # `kill -USR1 <pid>` prints where every thread of the driver is, for a run that seems stuck.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    code = 1
    try:
        code = main()
    finally:
        cleanup()
    sys.exit(code)
