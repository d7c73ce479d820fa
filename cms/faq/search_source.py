"""The FAQ's answers in the citizen search (``register_search_sources``; a dict, as areas cannot import search)."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cms.core import request_cache
from cms.faq.models import FaqEntry, FaqIndexPage


def _answers_page(request):
    # One FAQ page serves every answer; looked up once per request.
    if request is not None and hasattr(request, "_faq_answers_page"):
        return request._faq_answers_page
    page = FaqIndexPage.first_in_tree(request_cache.public(FaqIndexPage.objects.live()))
    if request is not None:
        request._faq_answers_page = page
    return page


def _entry_url(entry, request) -> str:
    page = _answers_page(request)
    return page.entry_url(entry, request) if page is not None else ""


def _found(count: int) -> str:
    return ngettext("Found %(count)d answer.", "Found %(count)d answers.", count) % {"count": count}


def faq_search_source() -> dict:
    return {
        "key": "faq",
        "label": _("Questions and answers"),
        "queryset": lambda request: FaqEntry.objects.public(),  # live entries only: the privacy boundary
        "url": _entry_url,
        "title": lambda entry: entry.question,
        "text": lambda entry: strip_tags(entry.answer),
        "date_field": "last_published_at",
        "found": _found,
        "order": 20,
    }
