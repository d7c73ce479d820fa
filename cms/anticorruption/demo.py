"""Demo content of the section (fictional; demo_data.yaml), written idempotently by the bootstrap hook."""

import datetime
import hashlib
from decimal import Decimal
from pathlib import Path

import yaml
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from cms.ownership import api as ownership

from .models import (
    CommissionMeeting,
    CommissionMember,
    CommissionPage,
    DisclosureCampaign,
    DisclosureRow,
    DisclosuresPage,
    DocumentFormsPage,
    ExpertConclusion,
    ExpertiseDraftPage,
    ExpertisePage,
    LegalActsPage,
    MethodicalMaterialsPage,
    PropertyUse,
    RealEstateItem,
    Relation,
    ReportFormPage,
    ReportsPage,
    VehicleItem,
)

DATA_FILE = Path(__file__).with_name("demo_data.yaml")
DOCUMENT_PAGES = {
    "legal_acts": LegalActsPage,
    "methodical": MethodicalMaterialsPage,
    "forms": DocumentFormsPage,
    "reports": ReportsPage,
}
REPORT_PAGE_TEXT = (
    "<p>Сообщение рассматривается в течение 30 дней со дня регистрации. Анонимные сообщения и сообщения без "
    "адреса для ответа не рассматриваются по существу. Сообщить о коррупции можно также письмом по почте или на "
    "личном приёме (демо).</p>"
)
NOTIFY_TEXT = (
    "<p>Уведомление о возникновении личной заинтересованности, которая приводит или может привести к конфликту "
    "интересов, муниципальный служащий подаёт секретарю комиссии письменно по форме, приведённой ниже. "
    "Граждане могут направить в комиссию информацию через форму обратной связи раздела (демо).</p>"
)


def _pdf(title: str) -> bytes:
    """A small valid one-page PDF naming the demo document (the files exist so format and size are real)."""
    text = title.encode("ascii", "replace")[:80].replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 12 Tf 40 780 Td (DEMO: " + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _document(title: str):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title)
    document.file.save(
        f"demo-{hashlib.sha256(title.encode()).hexdigest()[:10]}.pdf", ContentFile(_pdf(title)), save=False
    )
    document.save()
    return document


def _document_blocks(entries):
    return [
        (
            "document",
            {
                "document": _document(e["title"]),
                "title": "",
                "date": e["date"],
                "number": e.get("number", ""),
                "note": "",
            },
        )
        for e in entries
    ]


def _publish(page, **values):
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision().publish()


def _find(pages, model):
    return next((page for page in pages.values() if isinstance(page, model)), None)


def _fill_documents(pages, data, done):
    for key, model in DOCUMENT_PAGES.items():
        page = _find(pages, model)
        if page is not None and not len(page.documents) and not page.has_unpublished_changes:
            _publish(page, documents=_document_blocks(data["documents"][key]))
            done.append(f"+ demo documents on «{page.title}»")


def _add_row(campaign, order, relation, spec, official=None):
    row = DisclosureRow.objects.create(
        campaign=campaign,
        relation=relation,
        official=official,
        sort_order=order,
        name=spec.get("name", ""),
        position=spec.get("position", ""),
        income=Decimal(str(spec["income"])) if spec.get("income") else None,
        deal_sources=spec.get("deal_sources", ""),
    )
    for i, (kind, ownership_type, share, area) in enumerate(spec.get("owned", [])):
        RealEstateItem.objects.create(
            row=row,
            sort_order=i,
            use=PropertyUse.OWNED,
            object_type=kind,
            ownership_type=ownership_type,
            share=share,
            area=Decimal(str(area)),
        )
    for i, (kind, area) in enumerate(spec.get("used", [])):
        RealEstateItem.objects.create(
            row=row, sort_order=100 + i, use=PropertyUse.USED, object_type=kind, area=Decimal(str(area))
        )
    for i, (kind, make) in enumerate(spec.get("vehicles", [])):
        VehicleItem.objects.create(row=row, sort_order=i, kind=kind, make_model=make)
    return row


def _fill_campaigns(data, done):
    for campaign_spec in data["campaigns"]:
        if DisclosureCampaign.objects.filter(year=campaign_spec["year"]).exists():
            continue
        campaign = DisclosureCampaign.objects.create(
            year=campaign_spec["year"], note="Демонстрационные данные: все лица вымышлены."
        )
        order = 0
        for official_spec in campaign_spec["officials"]:
            official = _add_row(campaign, order, Relation.OFFICIAL, official_spec)
            order += 1
            for relative in official_spec.get("relatives", []):
                _add_row(campaign, order, relative["relation"], relative, official=official)
                order += 1
        done.append(f"+ demo disclosures for {campaign.year} ({order} rows)")


def _fill_commission(pages, data, done):
    page = _find(pages, CommissionPage)
    if page is not None and not page.how_to_notify and not page.has_unpublished_changes:
        _publish(page, how_to_notify=NOTIFY_TEXT, documents=_document_blocks(data["documents"]["commission"]))
        done.append("+ demo notice procedure on the commission page")
    if not CommissionMember.objects.exists():
        for order, member in enumerate(data["commission"]["members"]):
            CommissionMember.objects.create(sort_order=order, **member)
        done.append(f"+ {len(data['commission']['members'])} demo commission members")
    if not CommissionMeeting.objects.exists():
        for meeting in data["commission"]["meetings"]:
            date = meeting["date"]
            document = _document(f"Выписка из протокола заседания комиссии от {date:%d.%m.%Y} (демо)")
            CommissionMeeting.objects.create(decision_document=document, **meeting)
        done.append(f"+ {len(data['commission']['meetings'])} demo commission meetings")


def _fill_drafts(pages, data, done):
    index = _find(pages, ExpertisePage)
    if index is None or ExpertiseDraftPage.objects.child_of(index).exists():
        return
    today = timezone.localdate()
    for spec in data["drafts"]:
        start = today + datetime.timedelta(days=spec["starts_in_days"])
        draft = ExpertiseDraftPage(
            title=spec["title"],
            slug=spec["slug"],
            developer=spec["developer"],
            expertise_start=start,
            expertise_end=start + datetime.timedelta(days=spec["lasts_days"] - 1),
            draft_document=_document(spec["title"].replace("Проект", "Текст проекта", 1)),
            intro="<p>Независимая антикоррупционная экспертиза проводится в течение указанного срока (демо).</p>",
        )
        index.add_child(instance=draft)
        owner = ownership.owner_of(index)
        if owner is not None:  # a draft is answered for by whoever owns the expertise subsection
            ownership.assign(draft, unit=owner.unit, official=owner.official)
        draft.save_revision().publish()
        done.append(f"+ demo draft in expertise «{draft.title}»")
        conclusion = spec.get("conclusion")
        if conclusion:
            ExpertConclusion.objects.create(
                draft=draft,
                expert_name=conclusion["expert"],
                accreditation=conclusion["accreditation"],
                email="expert@example.org",
                text=conclusion["text"],
                answer=conclusion["answer"],
                answered_on=draft.expertise_end + datetime.timedelta(days=5),
                is_published=True,
                status="answered",
            )
            done.append("+ a demo published conclusion with the answer")


def fill(pages: dict) -> list[str]:
    """Create whatever demo data of the section is missing; returns one line per thing done."""
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    done: list[str] = []
    _fill_documents(pages, data, done)
    _fill_campaigns(data, done)
    _fill_commission(pages, data, done)
    _fill_drafts(pages, data, done)
    report_page = _find(pages, ReportFormPage)
    if report_page is not None and not report_page.after_form and not report_page.has_unpublished_changes:
        _publish(report_page, after_form=REPORT_PAGE_TEXT)
        done.append("+ demo text on the report form page")
    disclosures = _find(pages, DisclosuresPage)
    if disclosures is not None and not disclosures.intro and not disclosures.has_unpublished_changes:
        _publish(disclosures, intro="<p>Сведения представлены за каждый отчётный год (демо).</p>")
        done.append("+ demo introduction on the disclosures page")
    return done
