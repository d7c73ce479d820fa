"""What the FAQ page lists: published entries filtered by category and tag, searched, ordered and paginated.

Unknown or malformed parameters are ignored (the page is still served), a page number past the end shows the
last page, and a list page costs the same number of queries whatever the number of entries.
"""

import json
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, prefetch_related_objects
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from cms.faq.models.entry import FaqEntry, FaqEntryTag
from cms.faq.text import plain_text

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200

ORDER_CATEGORY = "category"
ORDER_POPULAR = "popular"
ORDER_NEW = "new"
ORDER_RELEVANCE = "relevance"
ORDER_CHOICES = [
    (ORDER_CATEGORY, _("by category")),
    (ORDER_POPULAR, _("most viewed first")),
    (ORDER_NEW, _("recently updated first")),
]
SEARCH_ORDER_CHOICES = [(ORDER_RELEVANCE, _("best match first")), *ORDER_CHOICES[1:]]
ORDERINGS = {
    ORDER_CATEGORY: ("category__path", "question"),
    ORDER_POPULAR: ("-view_count", "question"),
    ORDER_NEW: ("-last_published_at", "question"),
}


@dataclass(frozen=True)
class FaqQuery:
    text: str = ""
    tag: str = ""
    category_id: int | None = None
    order: str = ORDER_CATEGORY
    page: str = "1"

    @classmethod
    def from_params(cls, params) -> "FaqQuery":
        """Read the GET parameters of the list, dropping what cannot be used instead of failing."""
        text = " ".join(params.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
        category = params.get("category", "")
        # Digits only and short enough for a 64-bit key (a longer number overflows the database driver).
        category_id = int(category) if category.isascii() and category.isdigit() and len(category) <= 18 else None
        valid = dict(SEARCH_ORDER_CHOICES if text else ORDER_CHOICES)
        order = params.get("order", "")
        if order not in valid:
            order = ORDER_RELEVANCE if text else ORDER_CATEGORY
        # NUL is refused by PostgreSQL in a query parameter; a tag slug never contains one.
        tag = params.get("tag", "").replace("\x00", "")[:100]
        return cls(text, tag, category_id, order, params.get("page", "1"))

    @property
    def filtered(self) -> bool:
        return bool(self.text or self.tag or self.category_id)


def find_entries(query: FaqQuery):
    """Published entries matching ``query``: a queryset, or Wagtail search results when there is text."""
    entries = FaqEntry.objects.public().for_listing()
    if query.category_id:
        entries = entries.filter(category_id=query.category_id)
    if query.tag:
        # Search backends filter on the entry's own fields only, so the tag becomes a list of ids.
        entries = entries.filter(id__in=list(tagged_ids(query.tag)))
    if not query.text:
        return entries.order_by(*ORDERINGS[query.order])
    if query.order == ORDER_RELEVANCE:
        return entries.search(query.text)
    return entries.order_by(*ORDERINGS[query.order][:1]).search(query.text, order_by_relevance=False)


def tagged_ids(tag_slug: str):
    return FaqEntryTag.objects.filter(tag__slug=tag_slug).values_list("content_object_id", flat=True)


def paginate(results, number):
    """One page of results (the last one for a number past the end); its entries come with their tags."""
    page = Paginator(results, PAGE_SIZE).get_page(number)
    entries = list(page.object_list)
    # Search results may come from a backend that ignores the queryset's prefetching.
    prefetch_related_objects([e for e in entries if "tags" not in getattr(e, "_prefetched_objects_cache", {})], "tags")
    page.object_list = entries
    return page


def category_counts():
    """(category id, title, number of published entries) in the order of the site tree, in one query."""
    rows = (
        FaqEntry.objects.public()
        .filter(category__isnull=False)
        .values("category_id", "category__title", "category__path")
        .annotate(count=Count("id"))
        .order_by("category__path")
    )
    return [(row["category_id"], row["category__title"], row["count"]) for row in rows]


def tag_counts():
    """Tags used by published entries with their numbers of entries, in one query."""
    return (
        Tag.objects.filter(faq_faqentrytag_items__content_object__live=True)
        .annotate(count=Count("faq_faqentrytag_items"))
        .order_by("name")
    )


_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def faq_json_ld(entries, url_of) -> str:
    """schema.org FAQPage for the answers shown, safe inside <script type="application/ld+json">."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "url": url_of(entry),
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(entry.answer)},
            }
            for entry in entries
        ],
    }
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308
