"""A real HTTP server on a loopback address with the misbehaviours the checker must survive."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class TestServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host="127.0.0.1"):
        super().__init__((host, 0), Handler)
        self.requests = []  # (method, path) in arrival order
        self.counters = {}
        self.bytes_sent = {}
        self.release = threading.Event()  # set at teardown so hanging handlers end
        self.lock = threading.Lock()

    @property
    def base(self):
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path):
        return self.base + path

    def count(self, key):
        with self.lock:
            self.counters[key] = self.counters.get(key, 0) + 1
            return self.counters[key]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet
        pass

    def do_HEAD(self):
        self.handle_request("HEAD")

    def do_GET(self):
        self.handle_request("GET")

    def answer(self, status, body=b"ok", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_request(self, method):
        server = self.server
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        with server.lock:
            server.requests.append((method, self.path))
        if path == "/ok":
            return self.answer(200)
        if path == "/missing":
            return self.answer(404, b"not found")
        if path == "/error":
            return self.answer(500, b"error")
        if path == "/slow":
            time.sleep(float(query.get("s", ["0.3"])[0]))
            return self.answer(200)
        if path == "/hang":
            server.release.wait(60)
            return None
        if path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/ok" if left <= 0 else f"/chain/{left - 1}"
            return self.answer(302, b"", {"Location": target})
        if path == "/loop/a":
            return self.answer(301, b"", {"Location": "/loop/b"})
        if path == "/loop/b":
            return self.answer(301, b"", {"Location": "/loop/a"})
        if path == "/redirect":
            return self.answer(302, b"", {"Location": query["to"][0]})
        if path == "/retry":
            if server.count(self.path) <= int(query.get("fail", ["1"])[0]):
                return self.answer(429, b"slow down", {"Retry-After": query.get("after", ["1"])[0]})
            return self.answer(200)
        if path == "/head-refused":
            if method == "HEAD":
                return self.answer(405, b"")
            return self.answer(200)
        if path == "/huge":
            return self.send_huge()
        return self.answer(404, b"not found")

    def send_huge(self):
        """A 1 GB body, sent in chunks until the client goes away."""
        self.send_response(200)
        self.send_header("Content-Length", str(1 << 30))
        self.end_headers()
        if self.command == "HEAD":
            return
        chunk = b"x" * 65536
        sent = 0
        try:
            while sent < (1 << 30) and not self.server.release.is_set():
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass
        finally:
            with self.server.lock:
                self.server.bytes_sent[self.path] = sent


def start(host="127.0.0.1"):
    server = TestServer(host)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def stop(server):
    server.release.set()
    server.shutdown()
    server.server_close()
