"""Cheap validators for conditional requests: counters read with one indexed single-row SELECT.

``content_version()`` is a site-wide stamp bumped whenever a transaction that changed the site's data commits.
Every INSERT, UPDATE and DELETE Django sends is seen by a database execute wrapper (installed on each new
connection), so saves, deletions, many-to-many changes, ``QuerySet.update()``, bulk writes and Wagtail's tree
moves all count, with no signal to forget. The registry endpoints answer a conditional request from this stamp
alone (cms/api/registry.py), before any queryset, serialiser or pagination is built.

Read inside a transaction, the stamp also counts that transaction's own uncommitted writes (a test runs inside
one, and a request under ATOMIC_REQUESTS would too); requests outside a transaction see only committed bumps.
"""

import re

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.signals import post_migrate, pre_migrate

from .models import ContentVersion, FeedEntry, FeedSequence, WebhookDelivery

# Writes that never change what a citizen or the API is served: the stamp itself, sessions, the feed's own
# bookkeeping, the search statistics every citizen's search writes (counting them would expire every ETag and
# cached page at each search) and the link checker's results, which only editors see (a run writes thousands).
IGNORED_MODELS = (ContentVersion, Session, FeedEntry, FeedSequence, WebhookDelivery)
IGNORED_LABELS = (
    "wagtailsearchpromotions.Query",
    "wagtailsearchpromotions.QueryDailyHits",
    "search.ZeroResultDailyHits",
    "linkcheck.CheckRun",
    "linkcheck.UrlCheck",
    "linkcheck.PageCheckState",
    "linkcheck.LinkFinding",
)
WRITE = re.compile(r'\s*(?:UPDATE|DELETE\s+FROM|(?:INSERT|REPLACE)\b[^"`]*?\bINTO)\s+["`]?([\w.]+)', re.IGNORECASE)

_SELECT = {}
_ignored_tables = None
_migrating = False


def read_counter(model, pk: int = 1) -> int:
    """``model``'s ``value`` in row ``pk`` (0 when the row does not exist yet), by a plain prepared SELECT.

    The ORM spends more time compiling ``filter(pk=1).values_list("value")`` than SQLite spends answering it;
    with this read the feed's 304 went from 0.54x to 0.85x a bare view's throughput (bench/api_bench.py).
    """
    sql = _SELECT.get(model)
    if sql is None:
        quote = connection.ops.quote_name
        table, key = model._meta.db_table, model._meta.pk.column
        sql = _SELECT[model] = f"SELECT {quote('value')} FROM {quote(table)} WHERE {quote(key)} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    return row[0] if row else 0


def content_version() -> str:
    """The stamp, plus the writes not yet committed when read inside a transaction (e.g. a test's)."""
    value = read_counter(ContentVersion)
    pending = getattr(connection, "content_writes_pending", 0) if connection.in_atomic_block else 0
    return f"{value}.{pending}" if pending else str(value)


def bump() -> None:
    connection.content_writes_pending = 0
    if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})


def bump_on_commit(using=None) -> None:
    """One bump when the writer's transaction commits (at once outside a transaction).

    After the commit, not inside the transaction: the counter row is then locked for an instant, never for the
    rest of a long transaction (which would serialise every writer of the site and could deadlock two of them).
    Between the commit and the bump a request may still match the old stamp; the next one sees the new one.
    """
    current = transaction.get_connection(using)
    if not current.in_atomic_block and not current.get_autocommit():
        bump()  # manual transaction management (no on_commit): inside the transaction, as the write is
    elif not any(callback[1] is bump for callback in current.run_on_commit):
        transaction.on_commit(bump, using=using, robust=True)  # a failed bump never fails the writer


def written_table(sql: str) -> str | None:
    """The table an INSERT, UPDATE or DELETE statement writes, or None for any other statement."""
    if not sql or sql.lstrip()[:1].upper() not in "IUDR":
        return None
    match = WRITE.match(sql)
    return match.group(1).lower() if match else None


def _ignored() -> frozenset:
    global _ignored_tables  # noqa: PLW0603 - computed once, after the apps are loaded
    if _ignored_tables is None:
        models = list(IGNORED_MODELS)
        for label in IGNORED_LABELS:
            try:
                models.append(apps.get_model(label))
            except LookupError:  # an app this installation leaves out
                pass
        _ignored_tables = frozenset(model._meta.db_table.lower() for model in models) | {"django_migrations"}
    return _ignored_tables


def watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if not _migrating:
        table = written_table(sql)
        if table is not None and table not in _ignored():
            writer = context["connection"]
            if writer.in_atomic_block:
                writer.content_writes_pending = getattr(writer, "content_writes_pending", 0) + 1
            bump_on_commit(writer.alias)
    return result


def on_connection_created(sender, connection, **kwargs):
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


def on_pre_migrate(**kwargs):
    global _migrating  # noqa: PLW0603 - one flag for the process, set while `migrate` runs
    _migrating = True


def on_post_migrate(plan=None, **kwargs):
    global _migrating  # noqa: PLW0603
    if _migrating and plan:
        bump()  # once, now that the table exists: data migrations may have changed what is served
    _migrating = False


def connect():
    connection_created.connect(on_connection_created, dispatch_uid="cms.api.versions.watch")
    pre_migrate.connect(on_pre_migrate, dispatch_uid="cms.api.versions.pre_migrate")
    post_migrate.connect(on_post_migrate, dispatch_uid="cms.api.versions.post_migrate")
