"""Fixtures of the declarations area: its index pages under the home page, and builders for its content."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.declarations.models import (
    ArchiveDocument,
    DeclarationIndexPage,
    DeclarationPage,
    DraftActIndexPage,
    DraftActPage,
    DraftStage,
    Indicator,
    PlanDiscussionPage,
    PlansArchivePage,
)
from cms.snippets.models import ResponsibleUnit


@pytest.fixture
def unit(db):
    return ResponsibleUnit.objects.create(name="Главный юрисконсульт", slug="glavnyy-yuriskonsult")


@pytest.fixture
def area(home_page, site_settings, unit):
    """The area's four rubric pages, live under the home page, owned by ``unit``."""
    pages = {}
    for key, model, slug, title in [
        ("declarations", DeclarationIndexPage, "tseli", "Цели, направления работы и индикаторы"),
        ("discussion", PlanDiscussionPage, "obsuzhdenie", "Обсуждение планов и результатов работы"),
        ("archive", PlansArchivePage, "plany", "Планы и отчёты о работе"),
        ("drafts", DraftActIndexPage, "proekty", "Проекты правовых актов и общественное обсуждение"),
    ]:
        page = model(title=title, slug=slug, owner_unit=unit)
        home_page.add_child(instance=page)
        page.save_revision().publish()
        pages[key] = page
    return pages


def make_declaration(index, year, *, indicators=(), live=True, discussion=None, **fields):
    """A declaration for ``year``; ``indicators`` are dicts of Indicator fields; ``discussion`` = (start, end)."""
    page = DeclarationPage(title=f"Декларация на {year} год", slug=str(year), year=year, **fields)
    if discussion:
        page.discussion_start, page.discussion_end = discussion
    index.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.unpublish()
    for order, values in enumerate(indicators):
        Indicator.objects.create(declaration=page, sort_order=order, **values)
    return page


def indicator(name, unit="%", direction="higher", **values):
    data = {"name": name, "unit": unit, "direction": direction}
    data.update({k: (None if v is None else Decimal(str(v))) for k, v in values.items()})
    return data


def make_draft(index, slug, stages, *, live=True, discussion=None, **fields):
    """A draft act with ``stages`` = [(stage, day), ...]; ``discussion`` = (start, end)."""
    page = DraftActPage(title=fields.pop("title", f"Проект {slug}"), slug=slug, **fields)
    if discussion:
        page.discussion_start, page.discussion_end = discussion
    page.stages = [DraftStage(stage=s, day=d, sort_order=i) for i, (s, d) in enumerate(stages)]
    index.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page


def make_document(title, content=b"x" * 1536, name="plan.pdf"):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def add_archive_documents(archive, specs):
    """``specs`` = [(year, kind, title), ...]: published on the archive page through a revision."""
    page = archive.get_latest_revision_as_object()
    page.archive_documents = [
        ArchiveDocument(year=y, kind=k, title=t, document=make_document(t), sort_order=i)
        for i, (y, k, t) in enumerate(specs)
    ]
    page.save_revision().publish()
    return page


def around(today: date, before: int, after: int):
    return today - timedelta(days=before), today + timedelta(days=after)
