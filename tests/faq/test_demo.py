"""Demo entries come through `bootstrap_site --demo`'s hook, across categories, and only once."""

import pytest
from django.core.management import call_command
from wagtail import hooks

from cms.faq import demo
from cms.faq.models import FaqEntry, FaqIndexPage

pytestmark = pytest.mark.django_db


def test_demo_fill_publishes_forty_entries_across_categories_once(faq_site):
    pages = {"obrashcheniya-grazhdan": faq_site["appeals"], "deyatelnost": faq_site["budget"]}
    done = demo.fill(pages)
    assert len(done) >= 40
    assert FaqEntry.objects.public().count() == len(done)
    assert FaqEntry.objects.filter(category=faq_site["appeals"]).exists()
    assert FaqEntry.objects.filter(category=faq_site["budget"]).exists()
    assert demo.fill(pages) == []


def test_the_hook_is_registered():
    assert demo.fill in hooks.get_hooks("bootstrap_demo_content")


def test_bootstrap_site_builds_the_faq_page_with_demo_entries(home_page):
    call_command("bootstrap_site", "--demo", verbosity=0)
    page = FaqIndexPage.objects.get(slug="voprosy-i-otvety")
    assert page.live
    entries = FaqEntry.objects.public()
    assert entries.count() >= 40
    assert entries.values("category").distinct().count() >= 6
    # Each demo answer has its rubric's owner unit, so it appears in the review report.
    from cms.ownership import api as ownership

    assert all(ownership.owner_of(entry) is not None for entry in entries.exclude(category=None))
