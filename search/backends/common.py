"""What the SQLite and PostgreSQL backends share: binding the normaliser to their indexer and query compiler."""

import types

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
