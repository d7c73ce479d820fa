"""FAQ answers carry their own owner and review deadline: the report, the panel and the digest list them."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cms.ownership import api as ownership
from cms.ownership.models import Ownership
from cms.ownership.reminders import send_review_reminders
from cms.ownership.rules import ReviewRule
from cms.snippets.models import ResponsibleUnit

from .conftest import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned_entry(entries, django_user_model):
    group = Group.objects.create(name="Редакторы: приёмная")
    unit = ResponsibleUnit.objects.create(name="Приёмная", slug="priyomnaya", editors_group=group)
    editor = django_user_model.objects.create_user("priyomnaya", email="priyomnaya@example.org", password="pw")
    editor.groups.add(group)
    entry = entries["deadline"]
    ownership.assign(entry, unit=unit, rule=ReviewRule.QUARTERLY, cadence_text="ежеквартально")
    return {"entry": entry, "unit": unit, "editor": editor}


def test_every_entry_has_its_record_and_publishing_is_its_review(faq_site):
    entry = make_entry("Как получить справку?", live=False)
    record = Ownership.objects.get(content_type__model="faqentry", object_id=entry.pk)
    assert record.page_id is None and record.last_reviewed_at is None
    entry.save_revision().publish()
    record.refresh_from_db()
    assert record.last_reviewed_at is not None


def test_an_overdue_entry_shows_in_the_report_linked_to_its_editor(admin_client, owned_entry):
    entry = owned_entry["entry"]
    Ownership.objects.filter(object_id=entry.pk, content_type__model="faqentry").update(
        review_due=timezone.localdate() - timedelta(days=2)
    )
    response = admin_client.get(reverse("ownership:review_report"), {"status": "overdue"})
    rows = [row for row in response.context["object_list"] if row.page_id is None]
    assert [row.title for row in rows] == [entry.question]
    assert rows[0].unit_name == "Приёмная"
    assert reverse("wagtailsnippets_faq_faqentry:edit", args=[entry.pk]) in response.content.decode()


def test_the_units_editor_gets_the_overdue_entry_in_the_digest(owned_entry):
    entry = owned_entry["entry"]
    Ownership.objects.filter(object_id=entry.pk, content_type__model="faqentry").update(
        review_due=timezone.localdate() - timedelta(days=1)
    )
    send_review_reminders()
    (message,) = [m for m in mail.outbox if m.to == ["priyomnaya@example.org"]]
    assert entry.question in message.body
    assert reverse("wagtailsnippets_faq_faqentry:edit", args=[entry.pk]) in message.body


def test_deleting_an_entry_deletes_its_record(owned_entry):
    entry = owned_entry["entry"]
    entry.delete()
    assert not Ownership.objects.filter(content_type__model="faqentry", object_id=entry.pk).exists()
