"""Demo content of the area (``bootstrap_site --demo``), read from ``demo_data.yaml``: fictional and marked as demo.

Idempotent: each thing is looked up first (a declaration by year, a draft by slug, a document by title, a proposal
by its page and text), so a second run creates nothing and returns [].
"""

import io
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import yaml
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import format_html
from wagtail.documents import get_document_model

from cms.declarations.models import (
    ArchiveDocument,
    DeclarationIndexPage,
    DeclarationPage,
    DeclarationReport,
    DraftActIndexPage,
    DraftActPage,
    DraftStage,
    Indicator,
    PlansArchivePage,
)
from cms.declarations.models.indicators import PERIODS, Period

DATA_FILE = Path(__file__).with_name("demo_data.yaml")
KEYS = {
    "declarations": "tseli-plany-i-otchety/tseli-i-indikatory",
    "archive": "tseli-plany-i-otchety/plany-i-otchety",
    "drafts": "normotvorchestvo/proekty-pravovykh-aktov",
}
ACTS_KEY = "normotvorchestvo/munitsipalnye-pravovye-akty"


def load() -> dict:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def fill(pages: dict) -> list[str]:
    data = load()
    today = timezone.localdate()
    done = []
    index = pages.get(KEYS["declarations"])
    if isinstance(index, DeclarationIndexPage):
        for spec in data["declarations"]:
            done += _declaration(index, spec, today)
    archive = pages.get(KEYS["archive"])
    if isinstance(archive, PlansArchivePage):
        done += _archive(archive, data["archive"], today)
    drafts = pages.get(KEYS["drafts"])
    if isinstance(drafts, DraftActIndexPage):
        for spec in data["drafts"]:
            done += _draft(drafts, spec, today, pages.get(ACTS_KEY))
    return done


def _document(title: str, rows: list[list]) -> object:
    """A small XLSX workbook stored as a Wagtail document (made once, found by title afterwards)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Демонстрационный документ: сведения вымышлены"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    document = Document(title=title)
    document.file.save(f"demo-{abs(hash(title)) % 10**8}.xlsx", ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _declaration(index, spec, today) -> list[str]:
    year = today.year + spec["year_offset"]
    if DeclarationPage.objects.child_of(index).filter(year=year).exists():
        return []
    window = spec.get("discussion")
    page = DeclarationPage(
        title=f"Публичная декларация целей и задач на {year} год (демо)",
        slug=str(year),
        year=year,
        intro=format_html("<p>{}</p>", spec["intro"]),
        goals=[("goal", {**g, "description": g.get("description", "")}) for g in spec["goals"]],
        planned_results=[("result", r) for r in spec["planned_results"]],
        discussion_start=today + timedelta(days=window["start_days"]) if window else None,
        discussion_end=today + timedelta(days=window["end_days"]) if window else None,
    )
    labels = dict(Period.choices)
    reports = []
    for number, period in enumerate(spec["reports"]):
        document = _document(
            f"Отчёт о выполнении декларации за {_in_sentence(labels[period])} {year} г. (демо)",
            [[row[1], row[2], *row[5], *row[6]] for row in spec["indicators"]],
        )
        reports.append(
            DeclarationReport(
                period=period,
                published_on=_report_day(year, period, today),
                summary="Демонстрационный отчёт: плановые и фактические значения индикаторов за период.",
                document=document,
                sort_order=number,
            )
        )
    page.reports = reports
    _publish(index, page)
    for order, (goal, name, unit, baseline, direction, targets, actuals) in enumerate(spec["indicators"]):
        values = {f"target_{p}": _num(v) for p, v in zip(PERIODS, targets, strict=True)}
        values.update({f"actual_{p}": _num(v) for p, v in zip(PERIODS, actuals, strict=True)})
        Indicator.objects.create(
            declaration=page,
            sort_order=order,
            goal=goal,
            name=name,
            unit=unit,
            baseline=_num(baseline),
            direction=direction,
            **values,
        )
    return [f"declarations: declaration for {year} with {len(spec['indicators'])} indicators"]


def _report_day(year, period, today):
    from datetime import date

    month = {"q1": 4, "q2": 7, "q3": 10, "q4": 12, "year": 12}[period]
    day = date(year, month, 15) if period != "year" else date(year + 1, 1, 20)
    return min(day, today)


def _num(value):
    return None if value is None else Decimal(str(value))


def _archive(page, specs, today) -> list[str]:
    page = page.get_latest_revision_as_object()
    known = {(d.year, d.title) for d in page.archive_documents.all()}
    added = 0
    for spec in specs:
        year = today.year + spec["year_offset"]
        if (year, spec["title"]) in known:
            continue
        document = _document(f"{spec['title']}, {year}", [["Раздел", "Срок", "Ответственный"], ["—", "—", "—"]])
        page.archive_documents.add(
            ArchiveDocument(year=year, kind=spec["kind"], title=spec["title"], document=document)
        )
        added += 1
    if not added:
        return []
    page.save_revision().publish()
    return [f"declarations: {added} plans and reports in the archive"]


def _draft(index, spec, today, acts_page) -> list[str]:
    if DraftActPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
        return []
    window = spec.get("discussion")
    page = DraftActPage(
        title=spec["title"],
        slug=spec["slug"],
        plain_summary=spec["plain_summary"],
        socially_significant=spec["socially_significant"],
        list_year=today.year if spec["socially_significant"] else None,
        body=[("paragraph", "<p>Демонстрационный проект: текст проекта и пояснительная записка.</p>")],
        discussion_start=today + timedelta(days=window["start_days"]) if window else None,
        discussion_end=today + timedelta(days=window["end_days"]) if window else None,
        adopted_act_title=spec.get("adopted_act_title", ""),
        adopted_act_page=acts_page if spec.get("adopted_act_title") else None,
    )
    page.stages = [
        DraftStage(stage=stage, day=today + timedelta(days=days), sort_order=order)
        for order, (stage, days) in enumerate(spec["stages"])
    ]
    _publish(index, page)
    lines = [f"declarations: draft «{spec['slug']}» at stage {page.current_stage}"]
    if spec.get("proposals"):
        lines += _proposals(page, spec["proposals"])
    return lines


def _proposals(page, specs) -> list[str]:
    from cms.declarations.models.proposals import Proposal

    received = timezone.now() - timedelta(days=50)
    for number, spec in enumerate(specs):
        Proposal.objects.create(
            page=page,
            name=spec["name"],
            email=spec["email"],
            text=spec["text"],
            decision=spec["decision"],
            decision_reason=spec["reason"],
            received_at=received + timedelta(hours=number * 5),
        )
    return [f"declarations: {len(specs)} moderated proposals on «{page.slug}»"]


def _in_sentence(label) -> str:
    """«III квартал» inside a sentence: lower case, except the Roman numerals (all capitals) it contains."""
    return " ".join(word if word.isupper() else word.lower() for word in str(label).split())
