#!/usr/bin/env python3
"""Crash-restart run against the real jar on its durable embedded default: one all-in-one process on a
persistent data directory (embedded PostgreSQL and Redis), a fake Chatwoot it posts replies to, customers
writing through the webhook all the time. Run by scripts/crash-restart.sh, which builds the jar. Stdlib
only; everything listens on 127.0.0.1.

The process is killed with SIGKILL --kills times at random moments under that load and started again on
the same data directory, as an operator (or systemd) would. Odd kills take only the JVM, as the OOM killer
does, which leaves its PostgreSQL and Redis running; even kills take the JVM, the postmaster with all its
backends and Redis at once, the closest a script gets to a power cut (the page cache survives it, so it
does not prove fsync). At the end the load stops, the backlog drains, and from PostgreSQL and the fake
Chatwoot it checks:
  * every customer message the webhook accepted is recorded and answered (a sent reply row for it) or its
    conversation was handed off -- nothing missing;
  * no reply reached Chatwoot twice (posts at the fake == sent reply rows, per conversation);
  * every conversation that had an accepted message has its row;
  * no quote, case or transcript row is missing: each reply the fake Chatwoot received is in the transcript
    (messages, by Chatwoot's id), each reply that showed a price has its conversation_quotes row (by the
    customer message it answered), and each "Abro tu expediente *REF*" has its cases row -- what the
    customer was told is the truth the database is checked against;
  * amcheck finds no corrupt heap page or B-tree index.
Prints one table row; exits 1 when a check fails.
"""
import argparse
import http.server
import itertools
import json
import os
import random
import re
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
TOKEN = 'crash-restart-token-0123456789'

p = argparse.ArgumentParser()
p.add_argument('--jar', required=True)
p.add_argument('--kills', type=int, default=5)
p.add_argument('--customers', type=int, default=6)
p.add_argument('--min-up', type=float, default=8, help='shortest time up before a kill, seconds')
p.add_argument('--max-up', type=float, default=25, help='longest time up before a kill, seconds')
p.add_argument('--budget', type=float, default=900, help='the kill loop stops after this many seconds')
p.add_argument('--api-port', type=int, default=18500)
p.add_argument('--fake-port', type=int, default=19501)
p.add_argument('--seed', type=int, default=None)
args = p.parse_args()
args.jar = os.path.abspath(args.jar)
random.seed(args.seed)

WORK = tempfile.mkdtemp(prefix='msia-crash-')
DATA = os.path.join(WORK, 'data')
LOG = open(os.path.join(WORK, 'crash.log'), 'w')


def note(msg):
    line = '%s %s' % (time.strftime('%H:%M:%S'), msg)
    LOG.write(line + '\n')
    LOG.flush()
    print('  ' + line, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- fake Chatwoot -------------------------------------

class Posts:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_conversation = {}  # conversation -> [(content, private, id, created_at)]
        self.ids = itertools.count(60_000_000)

    def public(self, conversation):
        with self.lock:
            return sum(1 for post in self.by_conversation.get(conversation, ()) if not post[1])

    def all(self, conversation):
        with self.lock:
            return len(self.by_conversation.get(conversation, ()))

    def public_posts(self, conversations):
        """(conversation, content, Chatwoot id) of every public reply posted in these conversations."""
        with self.lock:
            return [(c, post[0], post[2]) for c in conversations for post in self.by_conversation.get(c, ())
                    if not post[1]]


posts = Posts()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def send(self, status, body):
        out = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(out)))
            self.end_headers()
            self.wfile.write(out)
        except OSError:
            pass

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        parts = self.path.split('?')[0].strip('/').split('/')
        if 'conversations' in parts and parts[-1] == 'messages':
            conversation = int(parts[parts.index('conversations') + 1])
            try:
                body = json.loads(raw or b'{}')
            except ValueError:
                body = {}
            message_id = next(posts.ids)
            with posts.lock:
                posts.by_conversation.setdefault(conversation, []).append(
                    (body.get('content', ''), bool(body.get('private')), message_id, int(time.time())))
            return self.send(200, {'id': message_id, 'message_type': 1, 'status': 'sent'})
        self.send(200, {'payload': []})

    def do_GET(self):
        parts = self.path.split('?')[0].strip('/').split('/')
        if 'conversations' in parts and parts[-1] == 'messages':
            conversation = int(parts[parts.index('conversations') + 1])
            with posts.lock:
                latest = list(posts.by_conversation.get(conversation, ()))[-20:]
            return self.send(200, {'meta': {}, 'payload': [
                {'id': i, 'content': c, 'message_type': 1, 'private': p, 'created_at': t} for c, p, i, t in latest]})
        self.send(200, {'payload': []})

    def log_message(self, *a):
        pass


class FakeServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        pass  # a killed process resets its connections: expected here


# ---------------------------------------------------------------- MSI-a --------------------------------------------

proc = None


def launch():
    global proc
    env = dict(os.environ)
    for name in ('DATABASE_URL', 'POSTGRES_HOST', 'REDIS_URL', 'OPENROUTER_API_KEY'):
        env.pop(name, None)  # the embedded default, and the offline engine: no network beyond loopback
    env.update({
        'MSIA_DATA_DIR': DATA, 'MSIA_STORAGE_DIR': os.path.join(DATA, 'files'),
        'CHATWOOT_WEBHOOK_TOKEN': TOKEN,
        'CHATWOOT_API_URL': 'http://127.0.0.1:%d' % args.fake_port,
        'CHATWOOT_API_TOKEN': 'fake-bot-token', 'CHATWOOT_USER_API_TOKEN': 'fake-user-token',
        'CHATWOOT_ACCOUNT_ID': '1', 'CHATWOOT_INBOX_ID': '9', 'MESSAGE_BATCH_WINDOW_SECONDS': '0',
    })
    extra = ['--msia.api.port=%d' % args.api_port, '--msia.admin.port=%d' % (args.api_port + 1),
             '--server.address=127.0.0.1',
             # Shorter than production (60 s / 2 min) so a killed turn's entry comes back within the run.
             '--msia.messaging.reclaim-idle=20s', '--msia.messaging.lock-lease=20s', '--msia.chatwoot.read-timeout=5s']
    log = open(os.path.join(WORK, 'msia.log'), 'a')
    proc = subprocess.Popen(['java', '-Xmx512m', '-XX:TieredStopAtLevel=1', '-jar', args.jar] + extra,
                            cwd=WORK, env=env, stdout=log, stderr=subprocess.STDOUT)


def healthy():
    try:
        with urllib.request.urlopen('http://127.0.0.1:%d/actuator/health' % args.api_port, timeout=2) as r:
            return json.load(r).get('status') == 'UP'
    except (OSError, ValueError):
        return False


def wait_healthy(timeout):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            return None
        if healthy():
            return time.monotonic() - start
        time.sleep(0.25)
    return None


def pid_file(path):
    try:
        with open(path) as f:
            return [line.strip() for line in f]
    except OSError:
        return None


def children(pid):
    out = subprocess.run(['ps', '-o', 'pid=', '--ppid', str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def kill(everything):
    """SIGKILL the JVM; with everything, also the postmaster, its backends and Redis, all at once."""
    victims = [proc.pid]
    if everything:
        pg = pid_file(os.path.join(DATA, 'postgres', 'postmaster.pid'))
        redis = pid_file(os.path.join(DATA, 'redis', 'redis.pid'))
        if pg:
            victims += [int(pg[0])] + children(int(pg[0]))
        if redis:
            victims.append(int(redis[0]))
    for pid in victims:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait(30)


def psql(sql):
    lines = pid_file(os.path.join(DATA, 'postgres', 'postmaster.pid'))
    out = subprocess.run(['psql', '-h', '127.0.0.1', '-p', lines[3], '-U', 'postgres', '-d', 'postgres', '-At',
                          '-v', 'ON_ERROR_STOP=1', '-c', sql], check=True, capture_output=True, text=True).stdout
    return [line.split('|') for line in out.strip().splitlines() if line]


# ---------------------------------------------------------------- load ---------------------------------------------

def Load(base):
    """The closed-loop customers of harness/customers.py, answered as the fake Chatwoot counts."""
    return Customers(base, args.customers, args.api_port, TOKEN, posts.public, '+3462', 10000, 90, texts=TEXTS)


# Two quotes and an accepted one per conversation, so cases are opened under the kills too.
TEXTS = ["quiero legalizar el escape", "y también el manillar", "vale, adelante"]
OPENED = re.compile(r'Abro tu expediente \*([A-Z0-9-]+)\*')


REPLIED = """EXISTS (SELECT 1 FROM outbound_messages o WHERE o.idempotency_key LIKE 'reply:' || m.chatwoot_message_id || ':%%'
              AND o.status = 'sent' AND NOT o.private_note)"""
HANDED = "EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = m.conversation_id)"


def verify(load):
    ids = ','.join(str(m) for _, m in load.accepted)
    conversations = sorted({c for c, _ in load.accepted})
    conv_list = ','.join(str(c) for c in conversations)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            open_rows = psql("SELECT count(*) FROM outbound_messages WHERE conversation_id IN (%s) "
                             "AND status IN ('pending','sending')" % conv_list)[0][0]
            waiting = psql("SELECT count(*) FROM messages m WHERE m.chatwoot_message_id IN (%s) AND NOT %s AND NOT %s"
                           % (ids, REPLIED, HANDED))[0][0]
            if open_rows == '0' and waiting == '0':
                break
        except subprocess.CalledProcessError:
            pass
        time.sleep(1)
    time.sleep(3)  # a late duplicate would arrive now
    recorded = int(psql("SELECT count(*) FROM messages WHERE chatwoot_message_id IN (%s)" % ids)[0][0])
    answered = int(psql("SELECT count(*) FROM messages m WHERE m.chatwoot_message_id IN (%s) AND %s" % (ids, REPLIED))[0][0])
    handed = int(psql("SELECT count(*) FROM messages m WHERE m.chatwoot_message_id IN (%s) AND NOT %s AND %s"
                      % (ids, REPLIED, HANDED))[0][0])
    sent_rows = {int(c): int(n) for c, n in psql(
        "SELECT conversation_id, count(*) FROM outbound_messages WHERE conversation_id IN (%s) AND status = 'sent' "
        "GROUP BY 1" % conv_list)}
    dup = sum(max(0, posts.all(c) - sent_rows.get(c, 0)) for c in conversations)
    conv_rows = int(psql("SELECT count(*) FROM conversations WHERE id IN (%s)" % conv_list)[0][0])
    shown = posts.public_posts(conversations)
    transcript = {int(r[0]) for r in psql(
        "SELECT chatwoot_message_id FROM messages WHERE direction = 'outbound' AND conversation_id IN (%s) "
        "AND chatwoot_message_id IS NOT NULL" % conv_list)}
    answered_by = {int(r[0]): int(r[1].split(':')[1]) for r in psql(
        "SELECT chatwoot_message_id, idempotency_key FROM outbound_messages WHERE conversation_id IN (%s) "
        "AND chatwoot_message_id IS NOT NULL AND idempotency_key LIKE 'reply:%%'" % conv_list)}
    quoted = {int(r[0]) for r in psql(
        "SELECT message_id FROM conversation_quotes WHERE conversation_id IN (%s)" % conv_list)}
    references = {r[0] for r in psql("SELECT reference FROM cases WHERE conversation_id IN (%s)" % conv_list)}
    priced = [cw for _, content, cw in shown if '*Precio:' in content]
    opened = [m.group(1) for _, content, _ in shown for m in [OPENED.search(content)] if m]
    rows = dict(
        transcript_missing=sum(1 for _, _, cw in shown if cw not in transcript),
        quotes_shown=len(priced),
        quotes_missing=sum(1 for cw in priced if answered_by.get(cw) not in quoted),
        cases_shown=len(opened),
        cases_missing=sum(1 for ref in opened if ref not in references),
        replies_shown=len(shown))
    psql("CREATE EXTENSION IF NOT EXISTS amcheck")
    heap = int(psql("""SELECT count(*) FROM pg_class c, verify_heapam(c.oid) WHERE c.relkind = 'r'
                       AND c.relnamespace = 'public'::regnamespace""")[0][0])
    indexes = int(psql("""SELECT count(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                          JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' AND i.indisvalid
                          AND c.relnamespace = 'public'::regnamespace""")[0][0])
    return dict(accepted=len(load.accepted), recorded=recorded, answered=answered, handed=handed,
                missing=len(load.accepted) - answered - handed, dup=dup,
                conv_missing=len(conversations) - conv_rows, corrupt=heap, indexes=indexes, **rows)


def main():
    server = FakeServer(('127.0.0.1', args.fake_port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    launch()
    if wait_healthy(180) is None:
        raise SystemExit('MSI-a did not start; see ' + WORK)
    note('up; work dir ' + WORK)
    load = Load(int(time.time()) % 10_000 * 1_000_000 + 4_000_000_000)
    load.start()
    started = time.monotonic()
    restarts = []
    kills = 0
    while kills < args.kills and time.monotonic() - started < args.budget:
        time.sleep(random.uniform(args.min_up, args.max_up))
        kills += 1
        everything = kills % 2 == 0
        kill(everything)
        note('kill %d: SIGKILL %s' % (kills, 'JVM, postmaster, backends and Redis' if everything else 'JVM only'))
        launch()
        took = wait_healthy(180)
        if took is None:
            note('did not come back; see ' + os.path.join(WORK, 'msia.log'))
            break
        restarts.append(took)
        note('back in %.1f s' % took)
    time.sleep(5)
    load.finish()
    result = verify(load)
    result.update(kills=kills, came_back=len(restarts), slowest=max(restarts, default=0), refused=load.refused)
    result['ok'] = (result['came_back'] == kills == args.kills and result['missing'] == 0 and result['dup'] == 0
                    and result['recorded'] == result['accepted'] and result['conv_missing'] == 0
                    and result['transcript_missing'] == 0 and result['quotes_missing'] == 0
                    and result['cases_missing'] == 0 and result['cases_shown'] > 0 and result['corrupt'] == 0)
    note(str(result))
    print()
    print('| Kills (came back) | Messages accepted | Refused at webhook | Answered | Handed off | Missing | Duplicates '
          '| Rows missing: conversations, transcript (of replies), quotes (of shown), cases (of opened) '
          '| amcheck: corrupt heap pages, B-tree indexes checked | Slowest restart | Result |')
    print('|' + '---|' * 11)
    print('| %d (%d) | %d | %d | %d | %d | %d | %d | %d, %d (of %d), %d (of %d), %d (of %d) | %d, %d | %.1f s | %s |' % (
        result['kills'], result['came_back'], result['accepted'], result['refused'], result['answered'],
        result['handed'], result['missing'], result['dup'], result['conv_missing'], result['transcript_missing'],
        result['replies_shown'], result['quotes_missing'], result['quotes_shown'], result['cases_missing'],
        result['cases_shown'], result['corrupt'], result['indexes'], result['slowest'],
        'PASS' if result['ok'] else 'FAIL'))
    print('\nLogs: ' + WORK)
    return 0 if result['ok'] else 1


def cleanup():
    if proc is not None and proc.poll() is None:
        proc.terminate()  # a clean stop: the embedded servers stop with it
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            kill(True)


if __name__ == '__main__':
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    code = 1
    try:
        code = main()
    finally:
        cleanup()
    sys.exit(code)
