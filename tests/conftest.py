import pytest
from django.core.cache import cache
from wagtail.models import Site

from cms.pages.models import InformationPage, RubricPage, SiteSettings
from cms.pages.site_root import ensure_home_page
from search import fanout


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: a database rolled back between tests sends no signals to clear it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _search_workers_closed(django_db_setup, django_db_blocker):
    """The search's worker connections (search/fanout.py) are closed before the test database is dropped."""
    yield
    with django_db_blocker.unblock():
        fanout.close_connections()


@pytest.fixture
def home_page(db):
    """The site's HomePage, served as the default site's root."""
    return ensure_home_page()


@pytest.fixture
def site_settings(home_page):
    """Identity and contacts of the default site, as an editor would fill them."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "Администрация ЗАТО Сибирский"
    settings.tagline = "Официальный сайт органов местного самоуправления"
    settings.postal_address = "658076, Алтайский край, ЗАТО Сибирский, ул. Кедровая, 1"
    settings.phone = "+7 (38532) 2-12-34"
    settings.email = "admin@zato-sibirsky.ru"
    settings.working_hours = "пн–пт 8:00–17:00"
    settings.save()
    return settings


def query_plan(queryset) -> str:
    """The database's plan for ``queryset``, one step a line, as a large site would get it.

    A test database holds a few rows, where a sequential scan is cheapest; on a site of thousands the planner takes
    the index by itself (bench/), so on PostgreSQL scans of the whole table are ruled out while planning.
    """
    from django.db import connection, transaction

    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def add_rubric(parent, title, slug, *, in_menu=True, description="", intro=""):
    """A live RubricPage under ``parent``."""
    rubric = RubricPage(title=title, slug=slug, show_in_menus=in_menu, search_description=description, intro=intro)
    parent.add_child(instance=rubric)
    return rubric


def add_information_page(parent, title, slug, *, body=None, description=""):
    """A live InformationPage under ``parent``; ``body`` is a list of (block type, value) pairs."""
    page = InformationPage(title=title, slug=slug, search_description=description)
    page.body = body or [("paragraph", f"<p>{title}: текст страницы.</p>")]
    parent.add_child(instance=page)
    return page


@pytest.fixture
def demo_site(home_page, site_settings):
    """A small site covering every page type: rubrics (one nested), the anti-corruption rubric, information pages."""
    about = add_rubric(home_page, "Об администрации", "ob-administratsii", description="Структура и полномочия.")
    structure = add_rubric(about, "Структура", "struktura", in_menu=False, intro="<p>Подразделения администрации.</p>")
    anticorruption = add_rubric(home_page, "Противодействие коррупции", "protivodeystvie-korruptsii")
    hidden = add_rubric(home_page, "Служебный раздел", "sluzhebnyy", in_menu=False)
    reception = add_information_page(
        structure,
        "Порядок приёма граждан",
        "poryadok-priyoma",
        description="Время и место приёма граждан.",
        body=[
            ("heading", {"text": "Время приёма", "level": "h2"}),
            ("paragraph", "<p>Приём ведётся по вторникам с 9:00 до 12:00.</p>"),
            ("heading", {"text": "Место приёма", "level": "h2"}),
            ("paragraph", "<p>Кабинет 101, <b>ул. Кедровая, 1</b>.</p>"),
        ],
    )
    acts = add_information_page(anticorruption, "Нормативные правовые акты", "normativnye-akty")
    return {
        "home": home_page,
        "about": about,
        "structure": structure,
        "anticorruption": anticorruption,
        "hidden": hidden,
        "reception": reception,
        "acts": acts,
    }


# Known integration failures after merging the areas (issue notes): state shared between live-server browser
# tests (a group name created twice after a flush) and an order-dependent schema snapshot. Still run, reported
# as xfail; remove an entry once fixed.
KNOWN_INTEGRATION_FAILURES: set[str] = set()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid in KNOWN_INTEGRATION_FAILURES or item.nodeid.split("::")[0] in KNOWN_INTEGRATION_FAILURES:
            item.add_marker(pytest.mark.xfail(reason="known integration failure, see the closing note", strict=False))
