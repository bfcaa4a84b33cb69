"""A fake OpenRouter chat-completions endpoint (protocols.md part D, non-streaming) for load scripts.

Every POST /api/v1/chat/completions is answered after `delay` seconds with one tool call,
mention_elements {"mentions": ["escape"]}, and a D3 usage block. Counts requests. Loopback only.
"""
import http.server
import json
import threading
import time


class Stats:
    def __init__(self):
        self.requests = 0
        self.lock = threading.Lock()


class _Server(http.server.ThreadingHTTPServer):
    # Hundreds of conversations connect at once in the benchmarks.
    request_queue_size = 1024
    daemon_threads = True


def start(port, delay, stats):
    """Starts the fake on 127.0.0.1:port; returns the server (server.RequestHandlerClass.delay is adjustable)."""
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'
        # Seconds before answering; scripts may change it between runs (Handler.delay = ...).
        delay = 0.0

        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get('Content-Length', 0)))
            with stats.lock:
                stats.requests += 1
                n = stats.requests
            time.sleep(Handler.delay)
            request = json.loads(raw or b'{}')
            body = {
                "id": "gen-%d" % n, "provider": "OpenAI", "model": request.get("model", "openai/gpt-4o-mini"),
                "object": "chat.completion", "created": int(time.time()),
                "choices": [{"index": 0, "finish_reason": "tool_calls", "native_finish_reason": "tool_calls",
                             "message": {"role": "assistant", "content": None, "tool_calls": [
                                 {"id": "call_%d" % n, "type": "function",
                                  "function": {"name": "mention_elements", "arguments": json.dumps({"mentions": ["escape"]})}}]}}],
                "usage": {"prompt_tokens": len(raw) // 4, "completion_tokens": 23, "total_tokens": len(raw) // 4 + 23,
                          "cost": 0.0000756, "is_byok": False},
            }
            out = json.dumps(body).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *args):
            pass

    Handler.delay = delay
    server = _Server(('127.0.0.1', port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
