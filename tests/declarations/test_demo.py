"""The demo site: the area's rubrics get its page types; two years of declarations, three drafts; idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command

from cms.declarations.models import (
    DeclarationIndexPage,
    DeclarationPage,
    DraftActIndexPage,
    DraftActPage,
    Indicator,
    PlanDiscussionPage,
    PlansArchivePage,
)
from cms.declarations.models.proposals import Decision, Proposal

pytestmark = pytest.mark.django_db


def _bootstrap():
    out = StringIO()
    call_command("bootstrap_site", demo=True, verbosity=2, stdout=out)
    return out.getvalue()


def test_bootstrap_builds_the_area_and_fills_demo_data_once(client):
    first = _bootstrap()
    assert "declarations: declaration for" in first
    for model in (DeclarationIndexPage, PlanDiscussionPage, PlansArchivePage, DraftActIndexPage):
        assert model.objects.live().count() == 1, model
    declarations = list(DeclarationPage.objects.live().order_by("year"))
    assert len(declarations) == 2 and declarations[1].year == declarations[0].year + 1
    for declaration in declarations:
        assert Indicator.objects.filter(declaration=declaration).exclude(actual_q1=None).exists()
        assert declaration.reports.count() >= 3
    indicators = Indicator.objects.all()
    assert any(all(i.target(p) is None for p in ("q1", "q2", "q3", "q4", "year")) for i in indicators)  # no target
    assert any(i.actual_q1 == 0 for i in indicators)  # an actual at zero
    drafts = list(DraftActPage.objects.live())
    assert len({d.current_stage for d in drafts}) == 3
    moderated = Proposal.objects.exclude(decision=Decision.PENDING)
    assert moderated.count() == 3 and len({p.page_id for p in moderated}) == 1
    # Every page of the area renders for a citizen.
    for page in [*declarations, *drafts, *PlansArchivePage.objects.all(), *PlanDiscussionPage.objects.all()]:
        assert client.get(page.url).status_code == 200, page.url
    second = _bootstrap()
    assert "declarations:" not in second
