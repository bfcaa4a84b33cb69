#!/usr/bin/env python3
"""Turn latency of the offline engine: webhook POST -> reply received by a fake Chatwoot.

Starts a fake Chatwoot on 127.0.0.1:9099, expects MSI-a running with CHATWOOT_API_URL pointing at it and
CHATWOOT_WEBHOOK_TOKEN=bench-token-0123456789 and MESSAGE_BATCH_WINDOW_SECONDS=0 (burst window off), sends N customer messages in N conversations one after
another and prints p50/p95/max in milliseconds. Sequential on purpose: it measures the engine, not load.
"""
import http.server, json, sys, threading, time, urllib.request

received = {}
class Fake(http.server.BaseHTTPRequestHandler):
    n = 5000
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        parts = self.path.split('/')
        conv = int(parts[parts.index('conversations') + 1])
        received.setdefault(conv, time.monotonic())
        Fake.n += 1
        out = json.dumps({"id": Fake.n, "message_type": 1, "status": "sent"}).encode()
        self.send_response(200); self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(out))); self.end_headers(); self.wfile.write(out)
    def do_GET(self):
        out = b'{"payload":[]}'
        self.send_response(200); self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(out))); self.end_headers(); self.wfile.write(out)
    def log_message(self, *a): pass

server = http.server.ThreadingHTTPServer(('127.0.0.1', 9099), Fake)
threading.Thread(target=server.serve_forever, daemon=True).start()
payload = json.load(open(sys.argv[1]))
n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
texts = ["quiero homologar un escape y el manillar", "hola, le he cambiado la suspensión", "escape", "prefiero hablar con una persona"]
lat = []
for i in range(n):
    conv = 900000 + i + int(time.time()) % 100000 * 10
    payload['id'] = conv * 10
    payload['content'] = texts[i % len(texts)]
    payload['conversation']['id'] = conv
    data = json.dumps(payload).encode()
    start = time.monotonic()
    req = urllib.request.Request('http://127.0.0.1:8000/api/chatwoot/webhook?token=bench-token-0123456789', data, {'Content-Type': 'application/json'})
    urllib.request.urlopen(req).read()
    while conv not in received and time.monotonic() - start < 10:
        time.sleep(0.002)
    lat.append((received.get(conv, start + 10) - start) * 1000)
    time.sleep(0.05)
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(json.dumps({"turns": n, "p50_ms": round(pct(0.5), 1), "p95_ms": round(pct(0.95), 1), "max_ms": round(lat[-1], 1)}))
