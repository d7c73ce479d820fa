"""The derived fields live on the live row: publish reviews, old revisions, copies and moves never rewind."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import override

from cms.ownership.api import start_deadline
from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewRule
from cms.pages.models import InformationPage

pytestmark = pytest.mark.django_db


def test_publishing_counts_as_a_review(make_page, unit):
    page = make_page(owner_unit=unit, review_rule=ReviewRule.CONTINUOUS, review_interval_days=30)
    today = timezone.localdate()
    assert timezone.localdate(page.last_reviewed_at) == today
    assert page.review_due == today + timedelta(days=30)
    state = Ownership.objects.get(page=page)
    assert (state.owner_unit, state.review_due) == (unit, page.review_due)


def test_publishing_an_old_revision_does_not_rewind_review_dates(make_page, unit):
    page = make_page(owner_unit=unit, review_rule=ReviewRule.CONTINUOUS, review_interval_days=10)
    old_revision = page.latest_revision
    assert "last_reviewed_at" not in old_revision.content  # ownership is not part of any revision
    page.title = "Новая редакция"
    page.save_revision().publish()
    page.refresh_from_db()
    reviewed, due = page.last_reviewed_at, page.review_due
    old_revision.publish()
    page.refresh_from_db()
    assert page.title != "Новая редакция"  # the old content is back ...
    assert page.last_reviewed_at >= reviewed  # ... but the review history is not rewound
    assert page.review_due >= due


def test_revision_content_cannot_restore_derived_fields(make_page, unit):
    page = make_page(owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    revision = page.latest_revision
    revision.content["last_reviewed_at"] = "2001-01-01T00:00:00Z"
    revision.content["review_due"] = "2001-03-31"
    revision.content["change_pending_since"] = "2001-01-01T00:00:00Z"
    restored = page.with_content_json(revision.content)
    assert restored.last_reviewed_at == page.last_reviewed_at
    assert restored.review_due == page.review_due
    assert restored.change_pending_since is None


def test_revert_keeps_the_change_clock_running_until_published(make_page, unit):
    page = make_page(owner_unit=unit, review_rule=ReviewRule.ON_CHANGE, review_interval_days=3)
    assert page.review_due is None
    first_revision = page.latest_revision
    start_deadline(page, reason="Изменён реестр", days=3, since=datetime(2026, 5, 10, 3, 0, tzinfo=UTC))
    page.refresh_from_db()
    assert page.review_due == date(2026, 5, 13)
    # Saving a draft from an old revision (revert) is not a review.
    first_revision.as_object().save_revision()
    page.refresh_from_db()
    assert page.review_due == date(2026, 5, 13)
    # Publishing stops the clock.
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.change_pending_since is None
    assert page.review_due is None


def test_copy_starts_without_review_history(make_page, unit, home_page):
    page = make_page(owner_unit=unit, review_rule=ReviewRule.ANNUALLY)
    start_deadline(page, reason="Изменён реестр", days=3)
    page.refresh_from_db()
    copy = page.copy(to=home_page, update_attrs={"slug": "copy", "title": "Копия"}, keep_live=False)
    copy = InformationPage.objects.get(pk=copy.pk)
    assert copy.last_reviewed_at is None
    assert copy.change_pending_since is None
    assert copy.owner_unit == unit
    assert copy.review_due == date(timezone.localdate().year, 12, 31)
    assert Ownership.objects.get(page=copy).last_reviewed_at is None


def test_move_keeps_review_dates(make_page, unit, home_page):
    target = make_page(title="Раздел")
    page = make_page(owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    before = (page.last_reviewed_at, page.review_due)
    page.move(target, pos="last-child")
    page = InformationPage.objects.get(pk=page.pk)
    assert (page.last_reviewed_at, page.review_due) == before


def test_start_deadline_keeps_the_earliest_deadline_and_its_reason(make_page, unit):
    page = make_page(owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    first = datetime(2026, 5, 1, 5, 0, tzinfo=UTC)
    assert start_deadline(page, reason="Изменён состав совета", days=3, since=first) == date(2026, 5, 4)
    # A later change with a later deadline does not push the first one back, nor replace its reason.
    assert start_deadline(page, reason="Утверждён план", days=3, since=first + timedelta(days=2)) == date(2026, 5, 4)
    record = Ownership.objects.get(page=page)
    assert (record.change_pending_since, record.change_due, record.change_reason) == (
        first,
        date(2026, 5, 4),
        "Изменён состав совета",
    )
    # An earlier explicit due date wins, with its reason.
    assert start_deadline(page, reason="Срок процедуры", due=date(2026, 5, 2)) == date(2026, 5, 2)
    assert Ownership.objects.get(page=page).change_reason == "Срок процедуры"


def test_start_deadline_on_a_page_without_a_record_creates_one_without_owner(make_page):
    page = make_page()
    Ownership.objects.filter(page=page).delete()
    assert start_deadline(page, reason="Изменён реестр", due=date(2026, 3, 1)) == date(2026, 3, 1)
    record = Ownership.objects.get(page=page)
    assert not record.has_owner and record.pending_reason == "Изменён реестр"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"review_rule": ReviewRule.ON_CHANGE}, "review_interval_days", "Для этого правила нужно число дней."),
        ({"review_rule": ReviewRule.CONTINUOUS}, "review_interval_days", "Для этого правила нужно число дней."),
        ({"review_rule": ReviewRule.FIXED_DATE}, "review_fixed_date", "Для этого правила нужна дата."),
    ],
)
def test_rule_without_parameter_fails_validation_in_russian(home_page, fields, field, message):
    page = InformationPage(title="Без параметра", slug="bez", **fields)
    with override("ru"), pytest.raises(ValidationError) as error:
        page.clean()
        raise AssertionError("clean() accepted a rule without its parameter")
    with override("ru"):
        assert [str(m) for m in error.value.message_dict[field]] == [message]


def test_past_one_off_deadline_becomes_annual_once_met(make_page, unit):
    page = make_page(
        publish=False,
        owner_unit=unit,
        review_rule=ReviewRule.FIXED_DATE,
        review_fixed_date=date(2018, 6, 30),
        review_cadence_text="2 квартал 2018 года",
    )
    assert page.review_due == date(2018, 6, 30)  # not met yet: overdue since 2018
    page.save_revision().publish()  # publishing meets it
    page.refresh_from_db()
    assert page.review_due == date(timezone.localdate().year + 1, 12, 31)


def test_start_deadline_accepts_generic_pages(make_page, unit):
    from wagtail.models import Page

    page = make_page(owner_unit=unit, review_rule=ReviewRule.ANNUALLY)
    generic = Page.objects.get(pk=page.pk)
    start_deadline(generic, reason="Изменён реестр", days=5, since=datetime(2026, 1, 30, 1, 0, tzinfo=UTC))
    assert Ownership.objects.get(page=page).review_due == date(2026, 2, 4)


def test_a_publish_reads_and_writes_the_ownership_record_once(make_page, unit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = make_page(owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    page = InformationPage.objects.get(pk=page.pk)
    page.title = "Новая редакция"
    with CaptureQueriesContext(connection) as queries:
        page.save_revision().publish()
    ownership_queries = [q["sql"] for q in queries.captured_queries if "ownership_ownership" in q["sql"]]
    # One locked read and one write (publish = review); no mirror table, no page-table update.
    assert len(ownership_queries) == 2, ownership_queries
    assert not [q for q in queries.captured_queries if q["sql"].startswith('UPDATE "pages_informationpage"')]
