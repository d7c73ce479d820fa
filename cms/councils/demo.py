"""Demo councils for ``bootstrap_site --demo`` (contract 2), read from ``demo_data.yaml`` (fictional, marked demo).

Idempotent: a council whose page already exists under the index is left alone, with everything in it.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from cms.ownership import api as ownership
from cms.ownership.rules import ReviewRule

from .models import (
    CouncilIndexPage,
    CouncilMember,
    CouncilPage,
    CouncilRole,
    CouncilStatute,
    DraftAct,
    FormationNotice,
    Meeting,
    Publication,
    WorkPlan,
)

DEMO_FILE = Path(__file__).with_name("demo_data.yaml")
ON_CHANGE_TEXT = "в течение 3 дней с момента внесения изменений"


def _day(today: date, offset: int) -> date:
    return today + timedelta(days=offset)


def _html(text: str | None) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


def fill(pages: dict) -> list[str]:
    index = next((page for page in pages.values() if isinstance(page, CouncilIndexPage)), None)
    if index is None:
        return []
    data = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    existing = set(CouncilPage.objects.child_of(index).values_list("slug", flat=True))
    done = []
    today = timezone.localdate()
    for spec in data["councils"]:
        if spec["slug"] in existing:
            continue
        with transaction.atomic():
            council = _create_council(index, spec, data["demo_notice"])
            _fill_registries(council, spec, today)
            # The demo is published as a whole: its pages start reviewed, with nothing pending.
            council.save_revision().publish()
        done.append(f"Demo council «{council.title}»: {len(spec.get('members', []))} member terms")
    if done:
        for section in index.get_children().live().not_type(CouncilPage):
            ownership.record_review(section.specific)
    return done


def _create_council(index, spec, notice) -> CouncilPage:
    council = CouncilPage(
        title=spec["title"],
        slug=spec["slug"],
        sector=spec.get("sector", ""),
        intro=_html(notice),
        show_in_menus=False,
    )
    index.add_child(instance=council)
    owner = ownership.owner_of(index)
    if owner is not None and owner.unit is not None:
        ownership.assign(
            council, unit=owner.unit, rule=ReviewRule.ON_CHANGE, interval_days=3, cadence_text=ON_CHANGE_TEXT
        )
    return council


def _fill_registries(council, spec, today) -> None:
    zone = timezone.get_current_timezone()
    for item in spec.get("statutes", []):
        CouncilStatute.objects.create(
            council=council, title=item["title"], approval_date=_day(today, item["approved"]), approved_by=item["by"]
        )
    for item in spec.get("members", []):
        member = CouncilMember(
            council=council,
            full_name=item["name"],
            role=CouncilRole[item["role"].upper()],
            organisation=item.get("org", ""),
            term_start=_day(today, item["start"]),
            term_end=_day(today, item["end"]) if "end" in item else None,
        )
        member.full_clean()  # the demo obeys the same rules as an editor
        member.save()
    for item in spec.get("plans", []):
        WorkPlan.objects.create(
            council=council,
            year=today.year + item["year_offset"],
            approval_date=_day(today, item["approved"]),
            summary=_html(item.get("summary")),
        )
    for item in spec.get("meetings", []):
        hour, minute = (int(part) for part in item["time"].split(":"))
        starts = datetime.combine(_day(today, item["day"]), time(hour, minute), tzinfo=zone)
        Meeting.objects.create(
            council=council,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            place=item["place"],
            agenda=_html(item["agenda"]),
            decisions=_html(item.get("decisions")),
        )
    for item in spec.get("notices", []):
        FormationNotice.objects.create(
            council=council,
            title=item["title"],
            procedure_start=_day(today, item["start"]),
            procedure_end=_day(today, item["end"]),
            eligibility=_html(item["eligibility"]),
            how_to_apply=_html(item["how_to_apply"]),
        )
    for item in spec.get("publications", []):
        Publication.objects.create(
            council=council,
            title=item["title"],
            kind=item["kind"],
            published_on=_day(today, item["day"]),
            url=item["url"],
        )
    for item in spec.get("drafts", []):
        DraftAct.objects.create(
            council=council,
            title=item["title"],
            submitted_on=_day(today, item["day"]),
            opinion_due=_day(today, item["due"]),
            opinion=_html(item.get("opinion")),
        )
