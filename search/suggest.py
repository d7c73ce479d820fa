"""Help when nothing was found: «Возможно, вы имели в виду …» from the site's own words, and rubrics to browse."""

import difflib

from django.core.cache import cache
from wagtail.models import Site

from search.text import STOP_WORDS, fold, normal_form, words

VOCABULARY_CACHE_KEY = "search:vocabulary:v2"
VOCABULARY_SECONDS = 600  # new titles reach suggestions within ten minutes
MIN_WORD = 3


def _public_titles(request, sources) -> list[str]:
    texts = []
    for source in sources:
        queryset = source.queryset(request)
        names = [f.name for f in queryset.model._meta.get_fields()]
        fields = [name for name in ("title", "search_description") if name in names]
        if fields:
            for row in queryset.values_list(*fields):
                texts.extend(value for value in row if value)
    return texts


def vocabulary(request, sources, method: str) -> tuple[dict[str, str], set[str]]:
    """{folded word: word as written} of public titles and descriptions (what the site itself calls things), and
    the normal forms of those words. Both are kept together: normalising the words again for every query without
    results cost about 75 ms on a 20,000-page site."""
    site = Site.find_for_request(request)
    key = f"{VOCABULARY_CACHE_KEY}:{method}:{site.pk if site else 0}"  # each site suggests its own words only
    cached = cache.get(key)
    if cached is None:
        known = {}
        for text in _public_titles(request, sources):
            for word in words(text):
                folded = fold(word)
                if len(folded) >= MIN_WORD and folded.isalpha() and folded not in STOP_WORDS:
                    known.setdefault(folded, word.lower())
        cached = (known, {normal_form(word, method) for word in known})
        cache.set(key, cached, VOCABULARY_SECONDS)
    return cached


def did_you_mean(query: str, request, sources, method: str) -> str:
    """The query with each unknown word replaced by the closest site word; "" if no word changed."""
    known, lemmas = vocabulary(request, sources, method)
    if not known:
        return ""
    changed, result = False, []
    for word in words(query):
        folded = fold(word)
        if len(folded) < MIN_WORD or folded in known or normal_form(folded, method) in lemmas:
            result.append(word)
            continue
        close = difflib.get_close_matches(folded, known.keys(), n=1, cutoff=0.75)
        if close:
            result.append(known[close[0]])
            changed = True
        else:
            result.append(word)
    return " ".join(result) if changed else ""
