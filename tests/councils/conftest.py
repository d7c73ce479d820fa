from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from cms.councils.models import (
    CouncilCompositionsPage,
    CouncilDraftActsPage,
    CouncilFormationPage,
    CouncilIndexPage,
    CouncilMeetingsPage,
    CouncilMember,
    CouncilPage,
    CouncilPlansPage,
    CouncilRole,
    CouncilStatutesPage,
    Meeting,
)

SECTIONS = [
    (CouncilCompositionsPage, "Составы общественных советов", "sostav"),
    (CouncilStatutesPage, "Положения об общественных советах", "polozheniya"),
    (CouncilFormationPage, "Формирование новых составов", "formirovanie-sostavov"),
    (CouncilPlansPage, "Планы работы общественных советов", "plany-raboty"),
    (CouncilMeetingsPage, "Заседания и отчёты", "zasedaniya-i-otchety"),
    (CouncilDraftActsPage, "Проекты актов", "proekty-na-rassmotrenii"),
]


def add_council(index, title, slug, sector="Образование"):
    council = CouncilPage(title=title, slug=slug, sector=sector)
    index.add_child(instance=council)
    council.save_revision().publish()
    return council


def add_member(council, name, start, end=None, role=CouncilRole.MEMBER, organisation=""):
    member = CouncilMember(
        council=council, full_name=name, role=role, organisation=organisation, term_start=start, term_end=end
    )
    member.full_clean()
    member.save()
    return member


def add_meeting(council, starts_at, place="ул. Кедровая, 1, зал заседаний", agenda="<p>О плане работы.</p>", **kw):
    return Meeting.objects.create(council=council, starts_at=starts_at, place=place, agenda=agenda, **kw)


def local(year, month, day, hour=15, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=timezone.get_default_timezone())


@pytest.fixture
def councils_site(home_page, site_settings):
    """The «Общественные советы» rubric: the index, its six subsections and two councils."""
    index = CouncilIndexPage(title="Общественные советы", slug="obshchestvennye-sovety")
    home_page.add_child(instance=index)
    sections = {}
    for model, title, slug in SECTIONS:
        page = model(title=title, slug=slug)
        index.add_child(instance=page)
        sections[model] = page
    education = add_council(index, "Совет по образованию", "sovet-po-obrazovaniyu")
    housing = add_council(index, "Совет по ЖКХ", "sovet-po-zhkh", sector="ЖКХ")
    return {"index": index, "sections": sections, "education": education, "housing": housing}


@pytest.fixture
def today():
    return timezone.localdate()


def days(n: int) -> timedelta:
    return timedelta(days=n)


__all__ = ["add_council", "add_meeting", "add_member", "date", "days", "local"]
