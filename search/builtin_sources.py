"""The two sources every site has: live public pages of the current site, and documents outside private collections."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex, Site

from cms.core import request_cache
from search.models import DocumentText
from search.sources import SearchSource, document_found, indexed_text, page_found


def site_pages(request):
    pages = request_cache.public(Page.objects.live())
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


def _specific(pages):
    # One query per page type on the page of results, for the excerpt's body text.
    by_pk = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    return [by_pk.get(page.pk, page) for page in pages]


def page_source() -> SearchSource:
    return SearchSource(
        key="pages",
        label=_("Pages"),
        queryset=site_pages,
        url=lambda page, request: page.get_url(request),
        title=lambda page: page.title,
        text=lambda page: " ".join(filter(None, [page.search_description, indexed_text(page)])),
        date_field="last_published_at",
        in_section=lambda pages, section: pages.descendant_of(section, inclusive=True),
        found=page_found,
        prepare=_specific,
        order=10,
    )


def private_collections() -> Q:
    """Collections with a view restriction, and everything inside them."""
    restricted = Q(pk__in=[])
    for path in Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection_id")).values_list(
        "path", flat=True
    ):
        restricted |= Q(path__startswith=path)
    return restricted


def public_document_texts(request):
    hidden = Collection.objects.filter(private_collections()).values_list("pk", flat=True)
    return DocumentText.objects.exclude(collection__in=list(hidden)).select_related("document")


def documents_in_section(rows, section):
    """Documents that live pages of the section use (Wagtail's reference index knows every link and block)."""
    pages = request_cache.public(Page.objects.live()).descendant_of(section, inclusive=True)
    used = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
    ).values_list("to_object_id", flat=True)
    return rows.filter(document__in=[int(pk) for pk in used if str(pk).isdigit()])


def document_source() -> SearchSource:
    return SearchSource(
        key="documents",
        label=_("Documents"),
        queryset=public_document_texts,
        url=lambda row, request: row.document.url,
        title=lambda row: row.title,
        text=lambda row: row.text,
        date_field="created_at",
        in_section=documents_in_section,
        found=document_found,
        order=30,
    )
