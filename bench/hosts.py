"""Test hosts for the link-checker benchmark: one asyncio process listening on 127.0.0.2 ... 127.0.0.(H+1).

Endpoints (any method; HEAD gets no body): /ok/N 200, /missing/N 404, /error/N 500, /slow/N 200 after SLOW s,
/hang/N no answer for HANG s, /redirect/N 301 -> /ok/N, /loop/N 301 -> /loop/N/again 301 -> /loop/N.
Every response carries `LinkChecker: 1` so LinkChecker lifts its per-host wait (see DOMAIN.md).
GET /__stats on any host returns JSON: requests per host, and the peak of simultaneous connections per host,
which shows both checkers kept to their per-host connection cap. POST /__reset clears the figures.

    python bench/hosts.py --hosts 20 --port 8765
"""

import argparse
import asyncio
import json
import logging
import signal
from collections import Counter

logger = logging.getLogger("bench.hosts")

REASONS = {200: "OK", 301: "Moved Permanently", 404: "Not Found", 500: "Internal Server Error"}


class Stats:
    def __init__(self):
        self.reset()

    def reset(self):
        self.open = Counter()
        self.peak = Counter()
        self.requests = Counter()

    def as_json(self) -> bytes:
        return json.dumps(
            {"peak_connections": dict(self.peak), "requests": dict(self.requests), "open": dict(self.open)}
        ).encode()


class TestHosts:
    def __init__(self, slow: float, hang: float):
        self.slow = slow
        self.hang = hang
        self.stats = Stats()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        self.stats.open[host] += 1
        self.stats.peak[host] = max(self.stats.peak[host], self.stats.open[host])
        try:
            while await self._one_request(host, reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            self.stats.open[host] -= 1
            writer.close()

    async def _one_request(self, host, reader, writer) -> bool:
        """Answer one request; True if the connection stays open for the next one."""
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, target, _version = (lines[0].split(" ") + ["", ""])[:3]
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        length = int(headers.get("content-length", "0") or 0)
        if length:
            await reader.readexactly(length)
        if not target.startswith("/__"):
            self.stats.requests[host] += 1
        status, extra, body = await self._route(method, target.split("?")[0], reader)
        keep_alive = headers.get("connection", "").lower() != "close"
        response = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}", "LinkChecker: 1"]
        response += [f"{name}: {value}" for name, value in extra.items()]
        response += [
            "Content-Type: text/plain; charset=utf-8" if not extra.get("Content-Type") else "",
            f"Content-Length: {len(body)}",
            "Connection: keep-alive" if keep_alive else "Connection: close",
        ]
        payload = "\r\n".join(line for line in response if line).encode() + b"\r\n\r\n"
        writer.write(payload + (b"" if method == "HEAD" else body))
        await writer.drain()
        return keep_alive

    async def _route(self, method: str, path: str, reader: asyncio.StreamReader) -> tuple[int, dict, bytes]:
        parts = path.strip("/").split("/")
        kind, number = parts[0], parts[1] if len(parts) > 1 else "0"
        if kind == "__stats":
            return 200, {"Content-Type": "application/json"}, self.stats.as_json()
        if kind == "__reset" and method == "POST":
            self.stats.reset()
            return 200, {}, b"reset"
        if kind == "ok":
            return 200, {}, b"ok\n"
        if kind == "missing":
            return 404, {}, b"missing\n"
        if kind == "error":
            return 500, {}, b"error\n"
        if kind == "slow":
            await asyncio.sleep(self.slow)
            return 200, {}, b"slow but ok\n"
        if kind == "hang":
            # Wait out HANG seconds, but let go as soon as the client gives up, so "open" counts only live clients.
            try:
                await asyncio.wait_for(reader.read(), timeout=self.hang)
            except TimeoutError:
                return 200, {}, b"too late\n"
            raise ConnectionError("client gave up")
        if kind == "redirect":
            return 301, {"Location": f"/ok/{number}"}, b""
        if kind == "loop":
            target = f"/loop/{number}" if len(parts) > 2 else f"/loop/{number}/again"
            return 301, {"Location": target}, b""
        return 404, {}, b"not found\n"


async def serve(hosts: int, port: int, slow: float, hang: float) -> None:
    app = TestHosts(slow=slow, hang=hang)
    servers = [
        await asyncio.start_server(app.handle, f"127.0.0.{number + 2}", port, backlog=1024, reuse_address=True)
        for number in range(hosts)
    ]
    logger.info("test hosts 127.0.0.2 ... 127.0.0.%d listening on port %d", hosts + 1, port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    for server in servers:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hosts", type=int, default=20, help="number of addresses, from 127.0.0.2")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--slow", type=float, default=1.0, help="seconds before /slow/N answers")
    parser.add_argument("--hang", type=float, default=30.0, help="seconds before /hang/N answers")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    asyncio.run(serve(args.hosts, args.port, args.slow, args.hang))


if __name__ == "__main__":
    main()
