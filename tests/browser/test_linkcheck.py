"""In Chromium: Wagtail's content checker (axe) marks the page's link problems, as many as the edit banner counts."""

import re

import pytest
from django.conf import settings
from django.test import Client

from cms.linkcheck.runner import run_check
from cms.pages.models import RubricPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE_HTML = (
    '<p><a href="/gone/">Положение о совете</a> и снова <a href="/gone/">Положение о совете</a>,'
    ' <a href="/">здесь</a>, <a href="mailto:not-an-address">Почта</a>, <a href="/">Главная страница</a></p>'
)
LINK_TITLES = ("Битая ссылка", "Неоднозначный текст ссылки")


def logged_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_the_checks_count_the_link_problems_the_banner_counts(
    home_page, live_server, chromium_browser, django_user_model
):
    page = RubricPage(title="Совет", slug="council", intro=PAGE_HTML)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    run_check(external=False)
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    logged_in(context, live_server, admin)
    tab = context.new_page()
    errors, console = [], []  # uncaught script errors: a configuration axe refused would show here
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: console.append(f"{message.type}: {message.text}"))

    tab.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    banner = re.search(r"нашла на этой странице (\d+) проблем", tab.content())
    assert banner, "no link banner in the editor"

    tab.goto(f"{live_server.url}/council/")
    tab.wait_for_function(
        "() => { const bar = document.querySelector('wagtail-userbar');"
        " const count = bar && bar.shadowRoot && bar.shadowRoot.querySelector('[data-content-checker-count]');"
        " return count && count.textContent !== ''; }",
        timeout=60000,
    )
    assert errors == [], (errors, console)
    count = tab.locator("wagtail-userbar [data-w-userbar-axe-count]")
    names = tab.locator("wagtail-userbar [data-content-checker-name]").all_text_contents()
    link_rows = [name for name in names if name.startswith(LINK_TITLES)]
    assert link_rows, (names, console)
    assert len(link_rows) == int(banner.group(1)) >= 4  # /gone/ twice, «здесь», the bad address
    assert any("страница не найдена или не опубликована" in name for name in link_rows)
    assert int(count.get_attribute("data-w-userbar-axe-count")) >= len(link_rows)
    context.close()
