"""Wagtail search backends that understand Russian word forms (see search/text.py and docs/search.md).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends", "NORMALISER": "lemma", ...}}``: like Wagtail's
``wagtail.search.backends.database`` it picks the implementation of the default database's engine, so every
``.search()`` in the project (the citizen search, the FAQ page, the API's ``?search=``, the admin) gets word forms.
"""

from django.db import connection

from search.text import METHODS


def _method(params) -> str:
    method = params.get("NORMALISER", "lemma")
    if method not in METHODS:
        raise ValueError(f"NORMALISER must be one of {METHODS}, not {method!r}")
    return method


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    method = _method(params)
    if connection.vendor == "postgresql":
        from .postgres import RussianPostgresSearchBackend

        return RussianPostgresSearchBackend(params, method)
    if connection.vendor == "sqlite":
        from .sqlite import RussianSQLiteSearchBackend

        return RussianSQLiteSearchBackend(params, method)
    # Other engines get Wagtail's portable fallback (LIKE-based, no word forms).
    from wagtail.search.backends.database import SearchBackend as stock

    return stock(params)
