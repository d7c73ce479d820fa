"""SQLite FTS5 search with Russian word forms: normal forms in the index and in the query, OR ranked by BM25."""

from django.db import connections
from django.db.models import BigIntegerField, FloatField, Func, IntegerField, TextField
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite as upstream
from modelsearch.backends.database.sqlite.query import Lexeme, MatchExpression, SearchQueryExpression, normalize
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.text import normalise_text, query_terms

from .common import RankedResultsMixin, allowed_ids, integer_key, normalise_value, with_indexer

# The entries' (id, content type, object id): search/migrations/0003_sqlite_index_entry_keys.py.
KEYS_INDEX = "search_indexentry_keys"

# FTS5 columns are (autocomplete, body, title): a word in the title weighs as much as several in the body.
TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0


class WeightedBM25(Func):
    """FTS5's bm25() with column weights (lower is better, as upstream orders ascending)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, function=None, template=None):
        table = upstream.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, {BODY_WEIGHT}, {TITLE_WEIGHT})", []


class Unindexed(Func):
    """``+column``: SQLite then cannot use the column's index, so the FTS MATCH drives the query.

    Without it the planner walks the (content type, object id) index and runs the MATCH again for every entry: a
    count of 8,796 matching documents in a 40,000-entry index took 5.3 s; driven by the MATCH it takes 27 ms.
    """

    template = "+%(expressions)s"


class RussianObjectIndexer(upstream.ObjectIndexer):
    method = "lemma"

    @cached_property
    def title(self):
        return normalise_value(super().title, self.method, autocomplete=False)

    @cached_property
    def body(self):
        return normalise_value(super().body, self.method, autocomplete=False)

    @cached_property
    def autocomplete(self):
        return normalise_value(super().autocomplete, self.method, autocomplete=True)


class RussianSQLiteSearchQueryCompiler(upstream.SQLiteSearchQueryCompiler):
    # OR ranked by BM25: a document with every word comes first, one with most of them is still found.
    DEFAULT_OPERATOR = "or"
    RANKS_ON_INDEX = True  # RussianSQLiteSearchResults ranks on the FTS table
    method = "lemma"

    def _terms(self, query):
        return query_terms(query.query_string, self.method)

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = self._terms(query)
            if not terms:
                return None
            lexemes = Lexeme(terms[-1], prefix=self.LAST_TERM_IS_PREFIX)
            for term in terms[:-1]:
                lexemes = (lexemes & Lexeme(term)) if query.operator.lower() == "and" else (lexemes | Lexeme(term))
            return SearchQueryExpression(lexemes, config=config)
        if isinstance(query, Phrase):
            phrase = normalise_text(query.query_string, self.method)
            return SearchQueryExpression(Lexeme(phrase), config=config) if phrase else None
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        # Upstream adds two unweighted bm25() (title and body columns alike); one weighted bm25 ranks titles first.
        return WeightedBM25()

    def search(self, config, start, stop, score_field=None):
        # A query of punctuation alone has no words to match: nothing is found (FTS5 would reject an empty MATCH).
        if isinstance(self.query, (PlainText, Phrase)) and not query_terms(self.query.query_string, self.method):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class RussianSQLiteAutocompleteQueryCompiler(upstream.SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(" ".join(query_terms(query.query_string, "fold")), operator=query.operator)
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, PlainText) and not query_terms(self.query.query_string, "fold"):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class RussianSQLiteIndex(upstream.SQLiteIndex):
    pass


class RussianSQLiteSearchBackend(upstream.SQLiteSearchBackend):
    autocomplete_query_compiler_class = RussianSQLiteAutocompleteQueryCompiler
    results_class = None  # set below the class (RussianSQLiteSearchResults is defined after it)

    def __init__(self, params, method="lemma"):
        super().__init__(params)
        self.method = method
        suffix = method.title()
        indexer = type(f"RussianObjectIndexer{suffix}", (RussianObjectIndexer,), {"method": method})
        self.index_class = type(
            f"RussianSQLiteIndex{suffix}",
            (RussianSQLiteIndex,),
            {"add_items": with_indexer(upstream.SQLiteIndex.add_items, indexer)},
        )
        self.query_compiler_class = type(
            f"RussianSQLiteSearchQueryCompiler{suffix}", (RussianSQLiteSearchQueryCompiler,), {"method": method}
        )


class RussianSQLiteSearchResults(RankedResultsMixin, upstream.SQLiteSearchResults):
    """Ranked by one FTS statement (common.RankedResultsMixin).

    Upstream orders the candidates by a subquery that repeats the MATCH for every matching row, which grows with
    the square of the matches (seconds on a 40,000-row index for a common word).
    """

    OBJECT_ID = "index_entry__object_id"
    SCORE_ORDER = "2 ASC"  # bm25(): lower is better

    def _statement(self, queryset):
        """The join to the entries goes through their keys' covering index: SQLite always takes the rowid.

        Each match is joined to its entry for the content type and object id; through the rowid that reads the
        entry's wide row (it holds the texts too). With the narrow index a source's statement takes 9 ms less on
        29,440 matches (bench: 52 -> 43 ms for documents, 20 -> 10 ms for a source with none of them).
        """
        sql, params = super()._statement(queryset)
        if _has_keys_index(queryset.db):
            table = connections[queryset.db].ops.quote_name(upstream.IndexEntry._meta.db_table)
            sql = sql.replace(f"INNER JOIN {table} ON", f'INNER JOIN {table} INDEXED BY "{KEYS_INDEX}" ON', 1)
        return sql, params

    def _ranked(self):
        compiler = self.query_compiler
        search_query = compiler.build_search_query(normalize(compiler.query))
        if search_query is None:
            return None
        entries = upstream.SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(compiler.FTS_TABLE_FIELDS, search_query)
        ).alias(content_type=Unindexed("index_entry__content_type_id", output_field=IntegerField()))
        entries = entries.filter(content_type__in=get_descendants_content_types_pks(compiler.queryset.model))
        return (
            _of_rows(entries, compiler.queryset)
            .annotate(score=WeightedBM25())
            .order_by("score", "-index_entry__object_id")
        )


def _of_rows(entries, queryset):
    """``entries`` narrowed to those of ``queryset``'s rows: the privacy boundary stays the caller's.

    With an integer key the object id is compared as a number (bench: 10 % of a source's statement, 52 -> 46 ms
    for 14,759 FAQ matches). SQLite's CAST never fails, and the content type narrows the entries to this model's
    anyway. ``+`` (Unindexed) keeps the planner off the entries' (content type, object id) index either way.
    """
    if not integer_key(queryset.model):
        object_id = Unindexed("index_entry__object_id", output_field=TextField())
        return entries.alias(object_id=object_id).filter(object_id__in=allowed_ids(queryset))
    object_pk = Cast(Unindexed("index_entry__object_id", output_field=TextField()), BigIntegerField())
    return entries.alias(object_pk=object_pk).filter(object_pk__in=queryset.order_by().values("pk"))


_keys_index_found: dict[tuple[str, str], bool] = {}  # (alias, database file): asked once per process


def _has_keys_index(alias) -> bool:
    """Whether the database has the keys index: naming a missing one fails the statement (a table rebuilt by a
    later migration loses indexes made by SQL), so without it searches take the rowid, slower but right."""
    connection = connections[alias]
    key = (alias, str(connection.settings_dict["NAME"]))
    if key not in _keys_index_found:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = %s", [KEYS_INDEX])
            _keys_index_found[key] = cursor.fetchone() is not None
    return _keys_index_found[key]


RussianSQLiteSearchBackend.results_class = RussianSQLiteSearchResults
