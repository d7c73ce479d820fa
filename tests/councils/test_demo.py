"""The demo councils (contract 2): three councils with changing compositions, plans, meetings, a notice."""

import pytest
from django.utils import timezone

from cms.councils import queries
from cms.councils.demo import fill
from cms.councils.models import (
    CouncilCompositionsPage,
    CouncilIndexPage,
    CouncilMember,
    CouncilPage,
    FormationNotice,
    Meeting,
    WorkPlan,
)
from cms.ownership import api as ownership

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_index(home_page):
    index = CouncilIndexPage(title="Общественные советы", slug="obshchestvennye-sovety")
    home_page.add_child(instance=index)
    index.add_child(instance=CouncilCompositionsPage(title="Составы", slug="sostav"))
    return index


def test_demo_fills_three_councils_once(empty_index):
    pages = {"obshchestvennye-sovety": empty_index, "obshchestvennye-sovety/sostav": empty_index.get_children()[0]}
    done = fill(pages)
    assert len(done) == 3
    demo = CouncilPage.objects.all()
    assert demo.count() == 3 and all(page.live for page in demo)
    assert all("Демонстрационные данные" in page.intro for page in demo)
    today = timezone.localdate()
    for council in demo:
        terms = CouncilMember.objects.filter(council=council)
        # Compositions change over two years: terms started about two years ago and some have ended.
        assert terms.filter(term_start__lte=today - timezone.timedelta(days=680)).exists()
        assert terms.filter(term_end__isnull=False).exists()
        assert WorkPlan.objects.filter(council=council).exists()
        assert Meeting.objects.filter(council=council).exists()
    assert FormationNotice.objects.filter(council__in=demo).count() == 1
    assert Meeting.objects.filter(council__in=demo, starts_at__gt=timezone.now()).exists()
    education = demo.get(slug="sovet-po-obrazovaniyu")
    year_ago = today - timezone.timedelta(days=500)
    assert list(queries.members_on(year_ago, council=education)) != list(queries.members_on(today, council=education))
    # The demo is published as a whole: nothing of it waits for review.
    for page in [*demo, empty_index.get_children()[0]]:
        record = ownership.ownership_record_of(type(page.specific).objects.get(pk=page.pk))
        assert record is None or not record.change_reason
    assert fill(pages) == []  # a second run does nothing


def test_demo_without_the_councils_rubric_does_nothing(home_page):
    assert fill({"": home_page}) == []
