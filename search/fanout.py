"""Independent read-only statements of one request run side by side, each on a database connection of its own.

Why: the citizen search counts and ranks every source (pages, FAQ, documents, ...) with one statement each, and
each statement touches every match. On 20,000 rows per source they take 60-80 ms apiece; one after another they
were most of a search's time. Side by side a search takes about as long as its slowest source (bench, PostgreSQL,
20,000 pages + 20,000 documents + 20,000 FAQ entries, same run: p95 232-252 ms -> 128-160 ms).

The statements see what is committed: inside a transaction (a test's, ``ATOMIC_REQUESTS``) the request's own
writes would be invisible to other connections, so there everything runs in order on the request's connection,
as it does on a private in-memory SQLite database and on engines this was not measured on.

Each worker keeps its connection between searches as a request would (``CONN_MAX_AGE``, health checks): it is
checked before a statement and closed after it when it is too old, broken or not meant to be kept (CONN_MAX_AGE=0).
``SEARCH_CONCURRENT_STATEMENTS`` caps the statements of one search at once (1 turns this off); each process then
holds up to that many connections more (docs/operations.md).
"""

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from threading import Barrier

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connections

ENGINES = {"postgresql", "sqlite"}
DEFAULT_CONCURRENCY = 4

_lock = threading.Lock()
_this_thread = threading.local()
_pool: tuple[int, int, ThreadPoolExecutor] | None = None  # (process id, workers, pool): a forked child makes its own


def concurrency() -> int:
    return max(1, int(getattr(settings, "SEARCH_CONCURRENT_STATEMENTS", DEFAULT_CONCURRENCY)))


def _executor(workers: int) -> ThreadPoolExecutor:
    global _pool  # noqa: PLW0603 - one pool per process, made on first use (after a server forks its workers)
    with _lock:
        old = _pool
        if old is None or old[0] != os.getpid() or old[1] != workers:
            _pool = (os.getpid(), workers, ThreadPoolExecutor(max_workers=workers, thread_name_prefix="search-fanout"))
        current = _pool[2]
    if old is not None and old[2] is not current:
        _close(old)  # another size (settings changed): its workers' connections are closed
    return current


def close_connections() -> None:
    """Close the workers' database connections and stop them; the next search starts new ones.

    For whoever drops or replaces the database under a running process (the test run, before it drops its
    database).
    """
    global _pool  # noqa: PLW0603
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        _close(pool)


def _close(pool) -> None:
    process_id, workers, executor = pool
    if process_id != os.getpid():
        return  # a parent's pool: its threads did not survive the fork, and its connections are the parent's
    # Every worker must take one closing task: each waits at the barrier until all of them hold one.
    barrier = Barrier(workers)

    def close_own():
        connections.close_all()
        barrier.wait(timeout=10)

    wait([executor.submit(close_own) for _ in range(workers)])
    executor.shutdown(wait=True)


def may_fan_out(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether statements may run on other connections than the request's and see the same data."""
    connection = connections[using]
    if concurrency() < 2 or connection.vendor not in ENGINES or connection.in_atomic_block:
        return False
    if getattr(_this_thread, "is_worker", False):
        return False  # a worker waiting for other workers could wait for itself
    if connection.vendor == "sqlite":
        # A private in-memory database exists for its one connection; a shared one locks tables between them.
        return not connection.is_in_memory_db()
    return True


def _on_own_connection(call: Callable):
    _this_thread.is_worker = True
    close_old_connections()  # as at a request's start: a connection past CONN_MAX_AGE or broken is dropped
    try:
        return call()
    finally:
        close_old_connections()  # as at a request's end: closes what is not to be kept, or failed


def side_by_side(calls: list[Callable], using: str = DEFAULT_DB_ALIAS) -> list:
    """Each call's result, in order. The first runs here, the others on workers when ``may_fan_out``.

    A call no worker has started by the time this thread is free (every worker busy with other searches) runs
    here: a search never waits in a queue longer than it would take one source after another. Every call has
    finished when this returns or raises; the first exception in call order is raised.
    """
    if len(calls) < 2 or not may_fan_out(using):
        return [call() for call in calls]
    executor = _executor(concurrency() - 1)
    futures = [executor.submit(_on_own_connection, call) for call in calls[1:]]
    results, errors = [], []

    def keep(call):
        try:
            results.append(call())
        except Exception as error:  # noqa: BLE001 - raised below, once every call has ended
            results.append(None)
            errors.append(error)

    try:
        keep(calls[0])
        for future, call in zip(futures, calls[1:], strict=True):
            keep(call if future.cancel() else future.result)
    finally:
        # A cancelled call counts as done for wait() only once a worker has dequeued it: skip those.
        wait([future for future in futures if not future.cancelled()])
    if errors:
        raise errors[0]
    return results
