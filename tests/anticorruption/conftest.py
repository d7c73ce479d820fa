import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.anticorruption.models import (
    CommissionPage,
    DisclosureCampaign,
    DisclosureRow,
    DisclosuresPage,
    DocumentFormsPage,
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
from cms.pages.models import RubricPage

SECTION = [
    ("normativnye-akty", LegalActsPage, "Нормативные правовые и иные акты в сфере противодействия коррупции"),
    ("antikorruptsionnaya-ekspertiza", ExpertisePage, "Антикоррупционная экспертиза"),
    ("metodicheskie-materialy", MethodicalMaterialsPage, "Методические материалы"),
    ("formy-dokumentov", DocumentFormsPage, "Формы документов, связанных с противодействием коррупции, для заполнения"),
    ("svedeniya-o-dokhodakh", DisclosuresPage, "Сведения о доходах, расходах, об имуществе"),
    ("komissiya-po-konfliktu-interesov", CommissionPage, "Комиссия по соблюдению требований"),
    ("obratnaya-svyaz", ReportFormPage, "Обратная связь для сообщений о фактах коррупции"),
    ("doklady-i-otchety", ReportsPage, "Доклады, отчеты, обзоры, статистическая информация"),
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def section(home_page, site_settings):
    """The section rubric with its eight live subsection pages, keyed by slug (and "rubric")."""
    rubric = RubricPage(title="Противодействие коррупции", slug="protivodeystvie-korruptsii")
    home_page.add_child(instance=rubric)
    pages = {"rubric": rubric}
    for slug, model, title in SECTION:
        page = model(title=title, slug=slug)
        rubric.add_child(instance=page)
        page.save_revision().publish()
        pages[slug] = model.objects.get(pk=page.pk)
    return pages


def make_document(title, data=b"%PDF-1.4 test document\n%%EOF\n", name="doc.pdf"):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


def add_official(campaign, order, name, *, relatives=2, estates=2, vehicles=1, income="1000000.00"):
    official = DisclosureRow.objects.create(
        campaign=campaign,
        relation=Relation.OFFICIAL,
        sort_order=order,
        name=name,
        position="Начальник отдела",
        income=Decimal(income),
    )
    rows = [official]
    for index in range(relatives):
        rows.append(
            DisclosureRow.objects.create(
                campaign=campaign,
                official=official,
                sort_order=order,
                relation=Relation.SPOUSE if index == 0 else Relation.CHILD,
                income=Decimal("350000") if index == 0 else None,
            )
        )
    for row in rows:
        for index in range(estates):
            RealEstateItem.objects.create(
                row=row,
                sort_order=index,
                use=PropertyUse.OWNED if index % 2 == 0 else PropertyUse.USED,
                object_type="квартира",
                ownership_type="общая долевая" if index % 2 == 0 else "",
                share="1/2",
                area=Decimal("54.30"),
                country="Россия",
            )
        for index in range(vehicles if row is official else 0):
            VehicleItem.objects.create(row=row, sort_order=index, kind="автомобиль легковой", make_model="Лада Веста")
    return official


@pytest.fixture
def campaign(db):
    campaign = DisclosureCampaign.objects.create(year=2025)
    add_official(campaign, 0, "Берёзкин Алексей Петрович")
    add_official(campaign, 1, "Соснина Марина Викторовна", relatives=1)
    return campaign


def local_datetime(year, month, day, hour=0, minute=0):
    from zoneinfo import ZoneInfo

    return datetime.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Asia/Barnaul"))


@pytest.fixture
def draft(section):
    today = datetime.date.today()
    page = ExpertiseDraftPage(
        title="Проект постановления о регламенте",
        slug="proekt-reglamenta",
        expertise_start=today - datetime.timedelta(days=30),
        expertise_end=today + datetime.timedelta(days=30),
        developer="Отдел архитектуры",
    )
    section["antikorruptsionnaya-ekspertiza"].add_child(instance=page)
    page.save_revision().publish()
    return ExpertiseDraftPage.objects.get(pk=page.pk)
