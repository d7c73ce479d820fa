"""Run the external checker in a child process, fed with URLs while the parent renders pages.

Rendering is CPU-bound Python; fetching is thousands of small event-loop wake-ups. In one process they fight over
the GIL and the fetcher stalls, so the checker runs in its own process. It is spawned (not forked): it imports only
aiohttp and the checker modules that import no Django (this one, external, netguard, status), so it stays small,
shares no database connection and needs no settings; it talks to the parent over a pipe. Messages, parent -> child:
("urls", [url, ...]) and ("finish",); child -> parent: ("progress", done, total) and ("results", [tuple, ...]).
"""

import asyncio
import logging
import multiprocessing
import time

from .external import ExternalChecker
from .status import UrlResult

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 0.5  # seconds; keeps the pipe far from full while the parent is busy rendering


def _child_main(options, conn):
    asyncio.run(_child_loop(options, conn))
    conn.close()


async def _child_loop(options, conn):
    loop = asyncio.get_running_loop()
    last_progress = [0.0]

    def progress(done, total):
        now = time.monotonic()
        if now - last_progress[0] >= PROGRESS_EVERY or done == total:
            last_progress[0] = now
            conn.send(("progress", done, total))

    checker = ExternalChecker(options, progress)
    await checker.open()
    finished = loop.create_future()

    def on_message():
        while conn.poll():
            try:
                message = conn.recv()
            except EOFError:  # the parent went away: stop
                message = ("finish",)
            if message[0] == "urls":
                checker.submit(message[1])
            elif not finished.done():
                finished.set_result(None)
                loop.remove_reader(conn.fileno())
                return

    loop.add_reader(conn.fileno(), on_message)
    await finished
    results = await checker.finish()
    conn.send(("results", [result.as_tuple() for result in results.values()]))


class ProcessChecker:
    """A fetching.Fetcher: submit(urls) any number of times, then finish() -> {url: UrlResult}."""

    def __init__(self, options, progress=None):
        self.progress = progress
        self.wait_limit = options.run_budget + 60  # the child stops itself at the budget; this is a backstop
        context = multiprocessing.get_context("spawn")
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(target=_child_main, args=(options, child_conn), name="linkcheck-fetch")
        self.process.daemon = True
        self.process.start()
        child_conn.close()

    def _handle(self, message):
        if message[0] == "progress":
            if self.progress:
                self.progress(message[1], message[2])
            return None
        return {row[0]: UrlResult(*row) for row in message[1]}

    def _drain(self):
        while self.conn.poll():
            self._handle(self.conn.recv())

    def submit(self, urls):
        try:
            self._drain()
            self.conn.send(("urls", list(urls)))
        except (EOFError, OSError):
            logger.exception("The link checker's fetching process is gone")

    def finish(self):
        """The results; {} if the child died or hung (its URLs then count as unknown, not as broken or fine)."""
        deadline = time.monotonic() + self.wait_limit
        try:
            self.conn.send(("finish",))
            while self.conn.poll(max(0.0, deadline - time.monotonic())):
                results = self._handle(self.conn.recv())
                if results is not None:
                    return results
            logger.error("The link checker's fetching process gave no results in time; stopping it")
            return {}
        except (EOFError, OSError):
            logger.exception("The link checker's fetching process failed")
            return {}
        finally:
            self.conn.close()
            self.process.join(timeout=3)  # e.g. a resolver thread stuck in getaddrinfo: do not wait for it
            if self.process.is_alive():
                self.process.kill()
