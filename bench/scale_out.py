#!/usr/bin/env python3
"""Drives N conversations x M messages through the API's webhook and checks the agents' work.

Run by scripts/scale-out.sh, which starts the processes. Arguments: api_port fake_port n m log1 log2.
Checks: every customer message handled exactly once, either answered (replies counted per conversation at
the fake Chatwoot) or superseded because the customer wrote again before its reply went out (the agents log
'Reply to <id> is stale'; the next reply covers both), the last message of each conversation answered, no
conversation's turns overlapping in time across agents (from the agents' DEBUG
'Turn start/end' lines), and both agents handled turns. Prints a table; exits 1 when a check fails.
"""
import datetime
import json
import os
import re
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(__file__))
import fake_chatwoot  # noqa: E402

api_port, fake_port, n, m = (int(a) for a in sys.argv[1:5])
logs = sys.argv[5:7]
TOKEN = os.environ.get('CHATWOOT_WEBHOOK_TOKEN', 'scale-out-token-0123456789')
# Each text adds one element, so every turn gets exactly one reply (as in AgentReplicasIT).
TEXTS = ["escape", "y también el manillar", "y los espejos", "y las luces", "y el guardabarros"]
template = json.load(open(os.path.join(os.path.dirname(__file__), '..', 'src/test/resources/chatwoot/a4-1-incoming-text.json')))

replies = fake_chatwoot.Replies()
fake_chatwoot.start(fake_port, replies)
base = int(time.time()) % 100_000 * 1000 + 7_000_000
conversations = [base + i for i in range(n)]


def post(conversation, k):
    body = fake_chatwoot.incoming_text(template, conversation * 100 + k, conversation, TEXTS[k % len(TEXTS)])
    req = urllib.request.Request('http://127.0.0.1:%d/api/chatwoot/webhook?token=%s' % (api_port, TOKEN), body,
                                 {'Content-Type': 'application/json'})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status


start = time.monotonic()
statuses = []
with ThreadPoolExecutor(8) as pool:
    # Message k of every conversation goes out before message k+1 of any: turns of one conversation
    # queue up behind each other while many conversations run in parallel.
    for k in range(m):
        statuses += list(pool.map(lambda c: post(c, k), conversations))
STALE = re.compile(r'Reply to (\d+) is stale')


def superseded():
    """Messages whose reply was dropped because the customer had written again: the next turn answers both."""
    ids = set()
    for path in logs:
        for line in open(path, errors='replace'):
            match = STALE.search(line)
            if match:
                ids.add(int(match.group(1)))
    return ids


def settled():
    stale = superseded()
    return sum(min(replies.count(c) + sum(1 for k in range(m) if c * 100 + k in stale), m) for c in conversations)


deadline = time.monotonic() + 60 + n * m * 0.2
while time.monotonic() < deadline and settled() < n * m:
    time.sleep(0.5)
time.sleep(3)  # late duplicates would arrive now
elapsed = time.monotonic() - start

STAMP = re.compile(r'^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)\S*\s.*Turn (start|end) conversation=(\d+) message=(\d+)')
intervals = {}  # conversation -> [(start, end, agent)]
turns = []
for agent, path in enumerate(logs, 1):
    open_turns, count = {}, 0
    for line in open(path, errors='replace'):
        match = STAMP.match(line)
        if not match:
            continue
        at = datetime.datetime.fromisoformat(match.group(1)[:26]).timestamp()
        key = (int(match.group(3)), match.group(4))
        if match.group(2) == 'start':
            open_turns[key] = at
            count += 1
        elif key in open_turns:
            intervals.setdefault(key[0], []).append((open_turns.pop(key), at, agent))
    turns.append(count)

overlaps = 0
shared = 0
for conversation, spans in intervals.items():
    spans.sort()
    shared += len({a for _, _, a in spans}) > 1
    overlaps += sum(1 for prev, cur in zip(spans, spans[1:]) if cur[0] < prev[1])

# A message is answered by its own reply, or superseded when the customer wrote again before the reply
# went out (that reply is dropped; the next turn's reply covers both). Every message is one or the other,
# exactly once, and the last message of every conversation gets its own reply.
stale = superseded()
counts = [replies.count(c) + sum(1 for k in range(m) if c * 100 + k in stale) for c in conversations]
last_answered = sum(1 for c in conversations if c * 100 + m - 1 not in stale and replies.count(c) >= 1)
rows = [
    ("webhook posts accepted (2xx)", "%d/%d" % (sum(1 for s in statuses if 200 <= s < 300), n * m), True),
    ("replies sent / superseded by a later reply", "%d / %d" % (sum(replies.count(c) for c in conversations), len(stale)), True),
    ("conversations: every message handled once", "%d/%d" % (sum(1 for c in counts if c == m), n), all(c == m for c in counts)),
    ("conversations: last message answered", "%d/%d" % (last_answered, n), last_answered == n),
    ("missing replies", str(sum(max(0, m - c) for c in counts)), all(c >= m for c in counts)),
    ("duplicate replies", str(sum(max(0, c - m) for c in counts)), all(c <= m for c in counts)),
    ("turns agent 1 / agent 2", "%d / %d" % tuple(turns), all(t > 0 for t in turns)),
    ("conversations served by both agents", str(shared), True),
    ("overlapping turns of one conversation", str(overlaps), overlaps == 0),
    ("wall time (s)", "%.1f" % elapsed, True),
]
print("\nScale-out: 1 api + 2 agents, %d conversations x %d messages" % (n, m))
print("%-42s %-12s %s" % ("check", "value", "ok"))
print("-" * 60)
for name, value, ok in rows:
    print("%-42s %-12s %s" % (name, value, "yes" if ok else "NO"))
sys.exit(0 if all(ok for _, _, ok in rows) else 1)
