"""Playwright driving Debian's Chromium against pytest-django's live server. Browsers are never downloaded."""

import os
from pathlib import Path

import pytest
from django.db import connections

from tests.conftest import add_information_page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def chromium_browser(live_server):
    """A headless Chromium, or a skip with the reason (a failure when CMS_REQUIRE_BROWSER=1, as in CI).

    One browser per test, started after the test database is ready: while Playwright's sync API runs, the ORM
    may see another context, so the database must not be set up or flushed from inside a browser session.
    """
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is not installed (apt-get install chromium); browser tests skipped"
        if os.environ.get("CMS_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + ", but CMS_REQUIRE_BROWSER=1")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread while it is open, which makes Django
    # refuse ORM calls as "async unsafe"; the test's own ORM calls are plain synchronous ones, so allow them
    # for as long as the browser is open, and only then.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            try:
                yield browser
            finally:
                # With Playwright's loop running, Django keeps this thread's connections per context, not per
                # thread: the test's ORM calls opened connections of their own, which nothing else closes (on
                # PostgreSQL they outlived the suite and kept its test database from being dropped).
                connections.close_all()
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_page(chromium_browser):
    """A fresh tab with JavaScript on (axe-core needs it)."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js_page(chromium_browser):
    """A fresh tab with JavaScript off, as a citizen with scripts blocked sees the site."""
    context = chromium_browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def browser_site(demo_site):
    """The demo site plus an information page holding one of every block editors can use (their preview values)."""
    from transparency_blocks.blocks import TransparencyStreamBlock

    blocks = TransparencyStreamBlock().child_blocks.items()
    body = [(name, block.meta.preview_value) for name, block in blocks if block.meta.preview_value]
    add_information_page(demo_site["about"], "Образцы оформления", "obraztsy", body=body)
    demo_site["other_types"] = _add_other_page_types(demo_site["home"])
    return demo_site


def _add_other_page_types(home):
    """One page of each further citizen page type of the suite (with its defaults), so the suite covers new types."""
    from wagtail.models import get_page_models

    from cms.pages.models import HomePage, InformationPage, RubricPage
    from cms.snippets.models import ResponsibleUnit

    ResponsibleUnit.objects.get_or_create(
        name="Отдел по муниципальным информационным ресурсам",
        defaults={
            "head": "Петров Пётр Петрович, начальник отдела",
            "email": "info@example.ru",
            "phone": "+7 (38532) 5-00-02",
        },
    )
    paths = []
    covered = {HomePage, InformationPage, RubricPage}
    for model in get_page_models():
        if model._meta.app_label != "pages" or model in covered or not model.can_create_at(home):
            continue
        page = model(title=str(model._meta.verbose_name).capitalize(), slug=f"type-{model._meta.model_name}")
        home.add_child(instance=page)
        paths.append(page.url)
    return paths
