"""A fake Chatwoot for load scripts: answers the calls MSI-a makes and records every reply.

Replies are POSTs to /api/v1/accounts/<a>/conversations/<c>/messages; each is recorded with its arrival
time (time.monotonic) so scripts can count replies per conversation and measure turn latency.
Loopback only. Used by bench/scale_out.py and bench/bench.py.
"""
import http.server
import json
import threading
import time


class Replies:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_conversation = {}   # conversation id -> [(monotonic time, content)]
        self.other_calls = 0

    def add(self, conversation, content):
        with self.lock:
            self.by_conversation.setdefault(conversation, []).append((time.monotonic(), content))

    def count(self, conversation):
        with self.lock:
            return len(self.by_conversation.get(conversation, ()))

    def times(self, conversation):
        with self.lock:
            return [t for t, _ in self.by_conversation.get(conversation, ())]


class _Server(http.server.ThreadingHTTPServer):
    # Hundreds of conversations connect at once in the benchmarks.
    request_queue_size = 1024
    daemon_threads = True


def start(port, replies):
    """Starts the fake on 127.0.0.1:port in a daemon thread and returns the server."""
    ids = iter(range(10_000_000, 1 << 62))

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'

        def _answer(self, body):
            out = json.dumps(body).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get('Content-Length', 0)))
            parts = self.path.split('?')[0].strip('/').split('/')
            if 'conversations' in parts and parts[-1] == 'messages':
                conversation = int(parts[parts.index('conversations') + 1])
                content = ''
                if 'json' in (self.headers.get('Content-Type') or ''):
                    try:
                        content = json.loads(raw or b'{}').get('content', '')
                    except ValueError:
                        pass
                replies.add(conversation, content)
                self._answer({"id": next(ids), "message_type": 1, "status": "sent"})
            else:
                replies.other_calls += 1
                self._answer({"payload": []})

        def do_GET(self):
            replies.other_calls += 1
            self._answer({"payload": []})

        def log_message(self, *args):
            pass

    server = _Server(('127.0.0.1', port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def incoming_text(template, message_id, conversation, content):
    """A Chatwoot 'message_created' webhook body (protocols.md A4.1) for one customer message."""
    body = json.loads(json.dumps(template))
    phone = '+3461%07d' % (conversation % 10_000_000)
    body['id'] = message_id
    body['content'] = content
    body['created_at'] = time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime())
    body['sender']['phone_number'] = phone
    body['conversation']['id'] = conversation
    body['conversation']['meta']['sender']['phone_number'] = phone
    body['conversation']['contact_inbox']['source_id'] = phone.replace('+', '')
    return json.dumps(body).encode()
