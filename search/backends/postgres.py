"""PostgreSQL search with the ``russian`` configuration, fed normal forms (lemmas, ё = е) and OR ranked by ts_rank."""

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db.models import BigIntegerField, Case, F, FloatField, Q, Value, When
from django.db.models.expressions import CombinedExpression, Expression
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres as upstream
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.text import normalise_text, query_terms

from .common import RankedResultsMixin, allowed_ids, integer_key, normalise_value, with_indexer

COVERAGE_WEIGHT = 100.0  # above any ts_rank (at most a few units even with the title norm)


class RussianObjectIndexer(upstream.ObjectIndexer):
    method = "lemma"

    def as_vector(self, texts, for_autocomplete=False):
        # The stored plain title_text/body_text (fuzzy search, excerpts) keep the original words; only vectors change.
        texts = [(normalise_value(text, self.method, for_autocomplete), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


def _of_rows(entries, content_types, queryset):
    """``entries`` narrowed to those of ``queryset``'s rows: the privacy boundary stays the caller's.

    With an integer primary key the object id is compared as a number: PostgreSQL then joins on the unique key
    instead of first de-duplicating 20,000 texts (bench: a documents search matching 14,574 of 20,000 rows, 151 ->
    114 ms). The CASE keeps the cast to this model's entries, whatever order the planner checks conditions in.
    """
    if not integer_key(queryset.model):
        return entries.filter(object_id__in=allowed_ids(queryset))
    object_pk = Case(
        When(content_type__in=content_types, then=Cast("object_id", BigIntegerField())), output_field=BigIntegerField()
    )
    return entries.alias(_object_pk=object_pk).filter(_object_pk__in=queryset.order_by().values("pk"))


class MatchScore(Expression):
    """How many of the query's words an entry has (× COVERAGE_WEIGHT, when there are several), plus the ts_rank of
    each vector with the whole query (× its boost: the title norm for titles): "best matches first".

    ts_rank of an OR query favours a short title with one word over a text with all of them; counting the matched
    words first puts the entries with most words on top, ts_rank orders within each count. A word counts when it
    is in either vector, checked per vector: building ``title || body`` for every matching row costs a third more.

    Rendered as one piece of SQL: the same score as ORM expressions (a CASE per word and vector, a ts_rank per
    vector) took 3.5 ms of Python per source and search to resolve and compile, about 10 ms of each /search/.
    """

    output_field = FloatField()

    def __init__(self, vectors, terms, operator, config, weights, last_is_prefix=False):
        super().__init__()
        self.vectors = [
            (vector, boost if hasattr(boost, "resolve_expression") else Value(boost)) for vector, boost in vectors
        ]
        self.terms, self.operator, self.config, self.weights = terms, operator, config, weights
        self.last_is_prefix = last_is_prefix

    def get_source_expressions(self):
        return [expression for pair in self.vectors for expression in pair]

    def set_source_expressions(self, expressions):
        self.vectors = list(zip(expressions[::2], expressions[1::2], strict=True))

    def _tsquery(self, text):
        if self.config is None:
            return "to_tsquery(%s)", [text]
        return "to_tsquery(%s::regconfig, %s)", [self.config, text]

    def as_sql(self, compiler, connection):
        # Upstream's Lexeme quotes and escapes a word as to_tsquery reads it; the query joins them as upstream does.
        words = [Lexeme(term).as_sql(compiler, connection)[1][0] for term in self.terms]
        query_words = [*words[:-1], words[-1] + ":*"] if self.last_is_prefix and words else words
        compiled = [(compiler.compile(vector), compiler.compile(boost)) for vector, boost in self.vectors]
        parts, params = [], []
        if len(words) > 1:
            cases = []
            for word in words:
                matched = []
                for (vector_sql, vector_params), _boost in compiled:
                    query_sql, query_params = self._tsquery(word)
                    matched.append(f"{vector_sql} @@ {query_sql}")
                    params += [*vector_params, *query_params]
                cases.append(f"CASE WHEN ({' OR '.join(matched)}) THEN 1.0 ELSE 0.0 END")
            parts.append(f"({' + '.join(cases)}) * {COVERAGE_WEIGHT}")
        query_sql, query_params = self._tsquery(f" {'&' if self.operator == 'and' else '|'} ".join(query_words))
        for (vector_sql, vector_params), (boost_sql, boost_params) in compiled:
            parts.append(f"ts_rank(%s::float4[], {vector_sql}, {query_sql}) * {boost_sql}")
            params += [self.weights, *vector_params, *query_params, *boost_params]
        return f"({' + '.join(parts)})", params


class RussianPostgresSearchQueryCompiler(upstream.PostgresSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"
    RANKS_ON_INDEX = True  # RussianPostgresSearchResults ranks with ranked_entries()
    method = "lemma"

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            terms = query_terms(query.query_string, self.method)
            if not terms:
                return None
            lexemes = Lexeme(terms[-1], invert=invert, prefix=self.LAST_TERM_IS_PREFIX)
            for term in terms[:-1]:
                other = Lexeme(term, invert=invert)
                lexemes = (lexemes & other) if query.operator.lower() == "and" else (lexemes | other)
            return SearchQuery(lexemes, search_type="raw", config=config)
        if isinstance(query, Phrase):
            return SearchQuery(normalise_text(query.query_string, self.method), search_type="phrase", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def _build_rank_expression(self, vectors, config):
        if not isinstance(self.query, PlainText):
            return super()._build_rank_expression(vectors, config)
        terms = query_terms(self.query.query_string, self.method)
        return MatchScore(
            vectors,
            terms,
            self.query.operator.lower(),
            config,
            self.sql_weights,
            last_is_prefix=self.LAST_TERM_IS_PREFIX,
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, (PlainText, Phrase)) and not query_terms(self.query.query_string, self.method):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)

    def _entry_vectors(self, prefix: str):
        return [(F(f"{prefix}title"), F(f"{prefix}title_norm")), (F(f"{prefix}body"), 1.0)]

    def get_index_vectors(self, search_query):
        return self._entry_vectors("index_entries__")

    def ranked_entries(self, config):
        """The index entries of this query's rows that match, best first (``score``); None: no words to match."""
        if not query_terms(self.query.query_string, self.method):
            return None
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self._entry_vectors("")
        if self.query.operator.lower() == "or":
            # An OR of words is in title || body exactly when it is in either: two GIN index lookups can find it.
            matching = Q(title=search_query) | Q(body=search_query)
        else:
            matching = Q(_vector_=search_query)
        content_types = get_descendants_content_types_pks(self.queryset.model)
        entries = upstream.IndexEntry.objects.filter(content_type__in=content_types)
        return (
            _of_rows(entries, content_types, self.queryset)
            .alias(_vector_=CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField()))
            .filter(matching)
            .annotate(score=self._build_rank_expression(vectors, config))
            .order_by("-score", "-object_id")
        )


class RussianPostgresSearchResults(RankedResultsMixin, upstream.PostgresSearchResults):
    """Ranked on the index table alone (common.RankedResultsMixin): upstream ranks the rows joined with their
    entries, selects the combined vector with every row and sorts them wide, about a second for a common word
    on 20,000 pages."""

    SUBQUERY_FENCE = " OFFSET 0"  # PostgreSQL would pull the scoring subquery up into the window's level

    def _ranked(self):
        return self.query_compiler.ranked_entries(self.query_compiler.get_config(self.backend))


class RussianPostgresAutocompleteQueryCompiler(upstream.PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            query = PlainText(" ".join(query_terms(query.query_string, "fold")), operator=query.operator)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, PlainText) and not query_terms(self.query.query_string, "fold"):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class RussianPostgresIndex(upstream.PostgresIndex):
    pass


class RussianPostgresSearchBackend(upstream.PostgresSearchBackend):
    autocomplete_query_compiler_class = RussianPostgresAutocompleteQueryCompiler
    results_class = RussianPostgresSearchResults

    def __init__(self, params, method="lemma"):
        params = {"SEARCH_CONFIG": "russian", **params}
        super().__init__(params)
        self.method = method
        suffix = method.title()
        indexer = type(f"RussianObjectIndexer{suffix}", (RussianObjectIndexer,), {"method": method})
        self.index_class = type(
            f"RussianPostgresIndex{suffix}",
            (RussianPostgresIndex,),
            {"add_items": with_indexer(upstream.PostgresIndex.add_items, indexer)},
        )
        self.query_compiler_class = type(
            f"RussianPostgresSearchQueryCompiler{suffix}", (RussianPostgresSearchQueryCompiler,), {"method": method}
        )
