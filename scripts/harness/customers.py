"""Customers writing to MSI-a's webhook in closed loop, shared by the fault-injection and crash-restart runs.

Each customer thread posts the next message of its conversation only once the previous one was answered (as
the fake Chatwoot counts the bot's public messages), and retries a refused delivery as Chatwoot does: 3 more
times, 3 s apart. A message never answered within `answer_wait` seconds ends that conversation (handed off or
stuck); the customer goes on in a new one.
"""
import itertools
import json
import os
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
TEMPLATE = json.load(open(os.path.join(ROOT, 'src/test/resources/chatwoot/a4-1-incoming-text.json')))
# A fresh conversation after these keeps quotes short.
TEXTS = ["escape", "y también el manillar", "y los espejos", "y las luces", "y el guardabarros"]


class Customers:
    """`answered(conversation)` counts the bot's public replies; ids start at `base`, conversations `spacing` apart."""

    def __init__(self, base, count, api_port, token, answered, phone_prefix, spacing, answer_wait,
                 wait_through_stop=False, texts=TEXTS):
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.accepted = []   # (conversation, message id)
        self.refused = 0     # webhook deliveries the API refused after Chatwoot's retries
        self.slowest = 0.0   # longest wait of a customer for the answer
        self.conversations = set()
        self.ids = itertools.count(base)
        self.api_port, self.token, self.answered = api_port, token, answered
        self.phone_prefix, self.answer_wait = phone_prefix, answer_wait
        # Fault injection times the slowest answer, so a customer waits for it even after the load stops.
        self.wait_through_stop = wait_through_stop
        self.texts = list(texts)
        self.threads = [threading.Thread(target=self.customer, args=(base + spacing * (i + 1),), daemon=True)
                        for i in range(count)]

    def start(self):
        for t in self.threads:
            t.start()

    def finish(self):
        self.stop.set()
        for t in self.threads:
            t.join(200)

    def post(self, conversation, message_id, text):
        body = json.loads(json.dumps(TEMPLATE))
        phone = self.phone_prefix + '%07d' % (conversation % 10_000_000)
        body.update({'id': message_id, 'content': text,
                     'created_at': time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime())})
        body['sender']['phone_number'] = phone
        body['conversation']['id'] = conversation
        body['conversation']['meta']['sender']['phone_number'] = phone
        body['conversation']['contact_inbox']['source_id'] = phone.replace('+', '')
        data = json.dumps(body).encode()
        # Chatwoot (>= 4.11) retries an agent-bot webhook 3 times, 3 s apart; a restart can take longer than that.
        for attempt in range(4):
            try:
                req = urllib.request.Request('http://127.0.0.1:%d/api/chatwoot/webhook?token=%s' % (self.api_port, self.token),
                                             data, {'Content-Type': 'application/json'})
                with urllib.request.urlopen(req, timeout=10) as r:
                    if r.status < 300:
                        return True
            except (OSError, urllib.error.HTTPError):
                pass
            time.sleep(3)
        return False

    def customer(self, first_conversation):
        conversation = first_conversation
        k = 0
        while not self.stop.is_set():
            if k == len(self.texts):
                conversation += 1
                k = 0
            message_id = next(self.ids)
            before = self.answered(conversation)
            with self.lock:
                self.conversations.add(conversation)
            if not self.post(conversation, message_id, self.texts[k]):
                with self.lock:
                    self.refused += 1
                k += 1
                continue
            with self.lock:
                self.accepted.append((conversation, message_id))
            k += 1
            asked = time.monotonic()
            deadline = asked + self.answer_wait
            while (self.answered(conversation) <= before and time.monotonic() < deadline
                   and (self.wait_through_stop or not self.stop.is_set())):
                time.sleep(0.1)
            with self.lock:
                self.slowest = max(self.slowest, time.monotonic() - asked)
            if self.answered(conversation) <= before:
                k = len(self.texts)  # handed off or still waiting: go on in a new conversation
            time.sleep(0.3)
