"""The rubric file builds the councils' page types, and `bootstrap_site --demo` fills them once."""

from io import StringIO

import pytest
from django.core.management import call_command

from cms.councils.models import (
    CouncilCompositionsPage,
    CouncilDraftActsPage,
    CouncilFormationPage,
    CouncilIndexPage,
    CouncilMeetingsPage,
    CouncilPage,
    CouncilPlansPage,
    CouncilStatutesPage,
)
from cms.ownership import api as ownership
from cms.ownership.rules import ReviewRule

pytestmark = pytest.mark.django_db


def test_bootstrap_demo_builds_the_councils_rubric_and_its_demo(client):
    out = StringIO()
    call_command("bootstrap_site", "--demo", verbosity=2, stdout=out)
    index = CouncilIndexPage.objects.get()
    children = {type(page.specific) for page in index.get_children().live()}
    assert {
        CouncilCompositionsPage,
        CouncilStatutesPage,
        CouncilFormationPage,
        CouncilPlansPage,
        CouncilMeetingsPage,
        CouncilDraftActsPage,
        CouncilPage,
    } == children
    assert CouncilPage.objects.live().count() == 3
    assert "Demo council «Общественный совет по вопросам образования»" in out.getvalue()
    meetings = CouncilMeetingsPage.objects.get()
    assert ownership.ownership_record_of(meetings).review_rule == ReviewRule.ANNUALLY  # 5.5: «ежегодно»
    council = CouncilPage.objects.get(slug="sovet-po-obrazovaniyu")
    record = ownership.ownership_record_of(council)
    assert record.review_rule == ReviewRule.ON_CHANGE and record.review_interval_days == 3 and record.owner_unit
    for page in [index, council, meetings, CouncilCompositionsPage.objects.get()]:
        assert client.get(page.url).status_code == 200
    assert client.get("/councils/meetings.ics").status_code == 200

    again = StringIO()
    call_command("bootstrap_site", "--demo", verbosity=2, stdout=again)
    assert "Demo council" not in again.getvalue()
    assert CouncilPage.objects.count() == 3
