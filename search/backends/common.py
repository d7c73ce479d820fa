"""What the SQLite and PostgreSQL backends share: binding the normaliser to their indexer and query compiler."""

import types

from django.db import connections
from django.db.models import IntegerField, TextField
from django.db.models.functions import Cast
from modelsearch.query import PlainText

from search.text import fold, normalise_text


def with_indexer(function, indexer_class):
    """``function`` (an upstream ``add_items``) with its module's ``ObjectIndexer`` replaced by ``indexer_class``.

    Upstream builds indexers by the module-level name; rebinding it keeps upstream's insert logic (upserts, title
    norms) instead of a copy that would drift from it at the next Wagtail upgrade.
    """
    namespace = dict(function.__globals__, ObjectIndexer=indexer_class)
    return types.FunctionType(function.__code__, namespace, function.__name__, function.__defaults__)


def normalise_value(text: str, method: str, autocomplete: bool) -> str:
    # Autocomplete matches prefixes of what is being typed, which a lemma or stem would not keep: fold only.
    return fold(text) if autocomplete else normalise_text(text, method)


class RankedResultsMixin:
    """Relevance-ordered results ranked on the index table alone, the rows then fetched by id.

    Upstream ranks the caller's rows joined with their index entries (wide rows, joins, on SQLite a subquery that
    repeats the MATCH per row). Here one statement ranks the entries of the caller's rows and takes the slice.
    The first statement also counts every match (a window over the same scan) and keeps the best
    ``FIRST_WINDOW`` ids on the query compiler, which the clones a paginator makes share: the count and the first
    page (or a group's preview) cost one statement instead of two.

    Subclasses give ``_ranked()`` (index rows best first, annotated ``score``, or None when the query has no
    words) and name its object id column in ``OBJECT_ID``.
    """

    FIRST_WINDOW = 10
    OBJECT_ID = "object_id"
    SCORE_ORDER = "2 DESC"  # the score column of the narrowed subquery, best first
    SUBQUERY_FENCE = ""  # SQL that keeps the engine from flattening the subquery into the window

    def _fast(self) -> bool:
        compiler = self.query_compiler
        if not getattr(compiler, "RANKS_ON_INDEX", False):  # autocomplete and stock compilers: upstream's way
            return False
        return compiler.order_by_relevance and self._score_field is None and isinstance(compiler.query, PlainText)

    def _ranked(self):
        raise NotImplementedError

    def _window(self, ranked) -> list[tuple[str, int]]:
        """The best ``FIRST_WINDOW`` object ids and the count of every match, in one statement.

        The window runs over the matches narrowed to (id, score) in a subquery: beside a window, SQLite sorts in an
        outer step where FTS5's bm25() may no longer be called, and PostgreSQL carried each match's whole row (both
        vectors) into the window and spilled it to disk (a common word on 20,000 pages: 80 ms instead of 150 ms).
        """
        inner = ranked.order_by().values_list(self.OBJECT_ID, "score")
        sql, params = self._statement(inner)
        with connections[inner.db].cursor() as cursor:
            # ``sql`` is the ORM's own statement; every value is a parameter.
            cursor.execute(
                f"SELECT ranked.*, COUNT(*) OVER () FROM ({sql}{self.SUBQUERY_FENCE}) AS ranked "  # noqa: S608
                f"ORDER BY {self.SCORE_ORDER}, 1 DESC LIMIT %s",
                [*params, self.FIRST_WINDOW],
            )
            return [(object_id, total) for object_id, _score, total in cursor.fetchall()]

    def _statement(self, queryset) -> tuple[str, tuple]:
        """``queryset``'s SQL as the engine should run it (the SQLite backend names the index for its join)."""
        return queryset.query.sql_with_params()

    def _ids(self, ranked, start, stop) -> list[str]:
        """The object ids of the matches from ``start`` to ``stop``, best first (pages after the first)."""
        page = ranked.values_list(self.OBJECT_ID, flat=True)[start:stop]
        sql, params = self._statement(page)
        with connections[page.db].cursor() as cursor:
            cursor.execute(sql, params)  # the ORM's own statement; every value is a parameter
            return [row[0] for row in cursor.fetchall()]

    def _first_window(self) -> tuple[list[str], int]:
        compiler = self.query_compiler
        if not hasattr(compiler, "_first_window"):
            ranked = self._ranked()
            rows = [] if ranked is None else self._window(ranked)
            compiler._first_window = ([row[0] for row in rows], rows[0][1] if rows else 0)
        return compiler._first_window

    def _do_search(self):
        if not self._fast():
            return super()._do_search()
        start, stop = self.start or 0, self.stop
        if start == 0 and stop is not None and stop <= self.FIRST_WINDOW:
            ids = self._first_window()[0][:stop]
        else:
            ranked = self._ranked()
            if ranked is None:
                return []
            ids = self._ids(ranked, start, stop)
        by_pk = {str(row.pk): row for row in self.query_compiler.queryset.filter(pk__in=ids)}
        return [by_pk[pk] for pk in ids if pk in by_pk]

    def _do_count(self):
        if not self._fast():
            return super()._do_count()
        total = self._first_window()[1]
        start = self.start or 0
        stop = total if self.stop is None else min(total, self.stop)
        return max(0, stop - start)


def allowed_ids(queryset):
    """The caller's rows as the index's text object ids, for ``object_id__in``: the privacy boundary stays theirs."""
    return queryset.order_by().annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")


def integer_key(model) -> bool:
    """Whether ``model``'s rows are keyed by an integer (a page type's key is its page's: page_ptr -> Page.id).

    The index keeps object ids as text; comparing them as numbers with the caller's keys lets the engine match
    integers instead of first turning every allowed row's key into text.
    """
    key = model._meta.pk
    while key.is_relation:
        key = key.target_field
    return isinstance(key, IntegerField)  # AutoField and BigAutoField are IntegerFields
