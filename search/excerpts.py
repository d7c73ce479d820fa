"""Excerpts of results with the query's words marked, whatever form they take in the text."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.text import WORD_RE, normal_form

EXCERPT_CHARS = 240
CONTEXT_BEFORE = 60
SCAN_CHARS = 50_000  # where the first match is looked for; a longer text is excerpted from its beginning


def _is_hit(word: str, terms: frozenset, method: str) -> bool:
    return normal_form(word, method) in terms


def mark(text: str, terms: frozenset, method: str) -> SafeString:
    """``text`` escaped, each word whose normal form is a query term in <mark>."""
    parts, position = [], 0
    for match in WORD_RE.finditer(text):
        if _is_hit(match.group(), terms, method):
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def excerpt(text: str, terms: frozenset, method: str, length: int = EXCERPT_CHARS) -> SafeString:
    """About ``length`` characters of ``text`` around its first query word, the words marked; "" for no text."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    start = 0
    for match in WORD_RE.finditer(text, 0, min(len(text), SCAN_CHARS)):
        if _is_hit(match.group(), terms, method):
            start = max(0, match.start() - CONTEXT_BEFORE)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    body = mark(text[start:end], terms, method)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308
