"""Russian word forms for search: one normal form per word, used when indexing and when querying.

The index stores, and the query asks for, normal forms only, so «доходах», «доходы» and «доход» meet. The method is
chosen per backend (``NORMALISER`` in ``WAGTAILSEARCH_BACKENDS``); bench/search_bench.py measured them:

- ``lemma``: pymorphy3's dictionary form of the likeliest parse («граждан» and «гражданина» → «гражданин»);
- ``stem``: the Snowball Russian stemmer (cuts endings; «граждан» → «гражда» but «гражданина» → «гражданин»);
- ``fold``: case and ё only (what the stock backend effectively does, plus ё = е).

Every method folds case and ё to е, so «приём» and «прием» are one word whatever the editor typed.
"""

import re
from functools import lru_cache

WORD_RE = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)

# Function words that carry no meaning for a search: with the OR operator they would match every document.
STOP_WORDS = frozenset(
    """
    а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да для до его ее ей ему если
    есть еще же за и из или им их к как ко когда кто ли либо между меня мне мной мы на над не него нее нет ни них но
    ну о об однако он она они оно от по под при про с со так также такой там те тем то того тоже той только том ты у
    уже чем что чтобы эта эти это этот я
    """.split()
)

METHODS = ("lemma", "stem", "fold")


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # loaded on first use: its dictionaries take a moment and much memory

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("russian")


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    if not word.isalpha() or word.isascii():
        return word
    return fold(_morph().parse(word)[0].normal_form)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    if not word.isalpha() or word.isascii():
        return word
    return _stemmer().stemWord(word)


def normal_form(word: str, method: str = "lemma") -> str:
    word = fold(word)
    if method == "lemma":
        return _lemma(word)
    if method == "stem":
        return _stem(word)
    return word


def words(text: str) -> list[str]:
    return WORD_RE.findall(text or "")


def normalise_text(text: str, method: str = "lemma") -> str:
    """The text as the index stores it: normal forms of its meaningful words, in order."""
    return " ".join(normal_form(w, method) for w in words(text) if fold(w) not in STOP_WORDS)


def query_terms(query: str, method: str = "lemma") -> list[str]:
    """Distinct normal forms of a query's meaningful words, in the order typed (all of them if all are stop words)."""
    found = words(query)
    meaningful = [w for w in found if fold(w) not in STOP_WORDS] or found
    terms = []
    for word in meaningful:
        term = normal_form(word, method)
        if term not in terms:
            terms.append(term)
    return terms
