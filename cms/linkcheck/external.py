"""Check external http(s) URLs concurrently with aiohttp, politely and safely.

Each URL is checked once: HEAD, then GET where HEAD is refused; redirects are followed by hand (up to
LINKCHECK_MAX_REDIRECTS, loops detected) so every hop passes the address guard; 429/503 are retried with backoff
honouring Retry-After. Concurrency is bounded globally and per host, with an optional interval between request
starts to one host. The whole phase has a time budget: what is left when it runs out is reported UNCHECKED.
"""

import asyncio
import email.utils
import logging
import socket
import ssl
import threading
import time
from urllib.parse import urljoin, urlsplit

import aiohttp

from .netguard import GuardedResolver, find_blocked, is_forbidden, literal_ip
from .status import Reason, UrlResult, UrlStatus

__all__ = ["BackgroundChecker", "ExternalChecker", "UrlResult", "failure_of"]

logger = logging.getLogger(__name__)

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
HEAD_REFUSED_CODES = frozenset({400, 403, 405, 501})
RETRY_CODES = frozenset({429, 503})


class _Answer:
    """What one HTTP exchange produced: a status code and, for redirects, the Location."""

    def __init__(self, status, location=None, retry_after=None):
        self.status = status
        self.location = location
        self.retry_after = retry_after


def parse_retry_after(value):
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def failure_of(exc):
    """(status, reason) for an exception raised while fetching: refused by the guard, no such host, no answer ..."""
    if find_blocked(exc) is not None:
        return UrlStatus.BLOCKED, Reason.PRIVATE_ADDRESS
    if isinstance(exc, TimeoutError | aiohttp.ServerTimeoutError):
        return UrlStatus.UNREACHABLE, Reason.TIMEOUT
    if isinstance(exc, aiohttp.InvalidURL):
        return UrlStatus.INVALID, Reason.NOT_HTTP
    if isinstance(exc, aiohttp.ClientSSLError | ssl.SSLError):
        return UrlStatus.UNREACHABLE, Reason.TLS
    for cause in _chain(exc):
        if isinstance(cause, socket.gaierror | aiohttp.ClientConnectorDNSError):
            return UrlStatus.UNREACHABLE, Reason.NO_SUCH_HOST
        if isinstance(cause, ConnectionRefusedError):
            return UrlStatus.UNREACHABLE, Reason.REFUSED
        if isinstance(cause, TimeoutError):
            return UrlStatus.UNREACHABLE, Reason.TIMEOUT
    if isinstance(exc, aiohttp.ClientError | OSError):
        return UrlStatus.UNREACHABLE, Reason.FAILED
    return UrlStatus.UNCHECKED, Reason.CHECKER_ERROR  # a bug of ours says nothing about the link


def _chain(exc):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = getattr(exc, "os_error", None) or exc.__cause__ or exc.__context__


class ExternalChecker:
    def __init__(self, options, progress=None):
        self.options = options
        self.progress = progress
        self._host_locks = {}
        self._host_next_start = {}

    def _host_key(self, url):
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.hostname}:{parts.port or ''}"

    def _host_semaphore(self, key):
        if key not in self._host_locks:
            self._host_locks[key] = asyncio.Semaphore(self.options.max_per_host)
        return self._host_locks[key]

    async def _wait_for_interval(self, key):
        """Space request starts to one host by LINKCHECK_HOST_INTERVAL seconds."""
        interval = self.options.host_interval
        if interval <= 0:
            return
        loop = asyncio.get_running_loop()
        start = max(loop.time(), self._host_next_start.get(key, 0.0))
        self._host_next_start[key] = start + interval
        await asyncio.sleep(start - loop.time())

    async def _exchange(self, session, method, url):
        """One request; only the status line and headers matter, the body is read up to a bounded size."""
        key = self._host_key(url)
        async with self._host_semaphore(key):
            await self._wait_for_interval(key)
            async with self._global:
                loop = asyncio.get_running_loop()
                deadline = loop.time() + self.options.timeout
                async with asyncio.timeout(self.options.timeout):
                    response = await session.request(method, url, allow_redirects=False)
                try:
                    answer = _Answer(
                        response.status,
                        response.headers.get("Location"),
                        parse_retry_after(response.headers.get("Retry-After")),
                    )
                    if method == "GET":
                        await self._read_bounded(response, deadline - loop.time())
                finally:
                    if response.content.at_eof():
                        response.release()  # keeps the connection for the next request to this host
                    else:
                        response.close()
                return answer

    async def _read_bounded(self, response, remaining):
        """Read at most LINKCHECK_MAX_BODY_BYTES, so a huge or endless body costs nothing more."""
        budget = self.options.max_body_bytes
        try:
            async with asyncio.timeout(max(remaining, 0.05)):
                while budget > 0:
                    chunk = await response.content.read(min(budget, 65536))
                    if not chunk:
                        break
                    budget -= len(chunk)
        except TimeoutError:
            pass  # the status already arrived; a slow body does not make the link broken

    async def _fetch_with_retries(self, session, method, url):
        answer = None
        for attempt in range(self.options.retries + 1):
            answer = await self._exchange(session, method, url)
            if answer.status not in RETRY_CODES or attempt == self.options.retries:
                return answer
            delay = answer.retry_after if answer.retry_after is not None else self.options.backoff * 2**attempt
            await asyncio.sleep(min(delay, self.options.retry_after_max))
        return answer

    async def check(self, session, url):
        visited = {url}
        current = url
        for _hop in range(self.options.max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                return UrlResult(url, UrlStatus.INVALID, reason=Reason.NOT_HTTP, final_url=current)
            ip = literal_ip(parts.hostname)
            if ip and is_forbidden(ip, self.options.allowed_networks):
                return UrlResult(url, UrlStatus.BLOCKED, reason=Reason.PRIVATE_ADDRESS, final_url=current, detail=ip)
            answer = await self._fetch_with_retries(session, "HEAD", current)
            if answer.status in HEAD_REFUSED_CODES:
                answer = await self._fetch_with_retries(session, "GET", current)
            if answer.status in REDIRECT_CODES and answer.location:
                target = urljoin(current, answer.location).split("#", 1)[0]
                if target in visited:
                    return UrlResult(url, UrlStatus.BROKEN, answer.status, Reason.REDIRECT_LOOP, target)
                visited.add(target)
                current = target
                continue
            if answer.status < 400:
                return UrlResult(url, UrlStatus.OK, answer.status, final_url=current)
            return UrlResult(url, UrlStatus.BROKEN, answer.status, Reason.HTTP_ERROR, current)
        return UrlResult(url, UrlStatus.BROKEN, None, Reason.TOO_MANY_REDIRECTS, current)

    async def _check_safely(self, session, url):
        try:
            return await self.check(session, url)
        except Exception as exc:  # a network failure (or a checker bug) costs one URL, not the run
            status, reason = failure_of(exc)
            if reason == Reason.CHECKER_ERROR:
                logger.exception("Checking %s failed", url)
            return UrlResult(url, status, reason=reason, detail=f"{type(exc).__name__}: {exc}"[:500])

    # Streaming API: open(), submit() as URLs are found, finish() -------------------------------------------

    async def open(self):
        """Start the session; the run budget counts from here."""
        self.results = {}
        self._tasks = {}
        self._global = asyncio.Semaphore(self.options.max_connections)
        self._deadline = asyncio.get_running_loop().time() + self.options.run_budget
        connector = aiohttp.TCPConnector(
            limit=self.options.max_connections,
            limit_per_host=self.options.max_per_host,
            resolver=GuardedResolver(self.options.allowed_networks),
            ttl_dns_cache=300,
        )
        timeout = aiohttp.ClientTimeout(
            total=None, connect=self.options.connect_timeout, sock_connect=self.options.connect_timeout
        )
        headers = {"User-Agent": self.options.user_agent, "Accept": "*/*"}
        self._session = aiohttp.ClientSession(
            connector=connector, timeout=timeout, headers=headers, trust_env=False, max_line_size=16384
        )

    def submit(self, urls):
        """Schedule URLs not yet seen in this run (each URL is fetched once per run)."""
        for url in urls:
            if url not in self._tasks:
                task = asyncio.ensure_future(self._check_safely(self._session, url))
                task.add_done_callback(self._collect)
                self._tasks[url] = task

    def _collect(self, task):
        if not task.cancelled() and task.exception() is None:
            result = task.result()
            self.results[result.url] = result
            if self.progress:
                self.progress(len(self.results), len(self._tasks))

    async def finish(self):
        """Wait for every submitted URL until the budget runs out; the rest is UNCHECKED. Returns {url: result}."""
        pending = [task for task in self._tasks.values() if not task.done()]
        remaining = self._deadline - asyncio.get_running_loop().time()
        if pending and remaining > 0:
            _done, pending = await asyncio.wait(pending, timeout=remaining)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        await self._session.close()
        for url in self._tasks:
            if url not in self.results:
                self.results[url] = UrlResult(url, UrlStatus.UNCHECKED, reason=Reason.BUDGET)
        return self.results

    async def run(self, urls):
        """Check every URL once; returns {url: UrlResult}. Never runs past LINKCHECK_RUN_BUDGET."""
        await self.open()
        self.submit(urls)
        return await self.finish()


class BackgroundChecker:
    """A fetching.Fetcher: the checker on its own event loop in a thread, fed while pages are still being rendered.

    Rendering is CPU work in the calling thread and fetching is waiting on the network, so running both at once
    makes a run take about as long as the longer of the two instead of their sum.
    """

    def __init__(self, options, progress=None):
        self.checker = ExternalChecker(options, progress)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="linkcheck-fetch", daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.checker.open(), self.loop).result()

    def submit(self, urls):
        self.loop.call_soon_threadsafe(self.checker.submit, list(urls))

    def finish(self):
        try:
            return asyncio.run_coroutine_threadsafe(self.checker.finish(), self.loop).result()
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join()
            self.loop.close()
