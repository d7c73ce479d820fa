import pytest
from wagtail.rich_text import RichText  # noqa: F401  (kept for readers: intro is stored as rich text HTML)

from cms.pages.models import RubricPage

from . import servers


@pytest.fixture
def http_server():
    server = servers.start("127.0.0.1")
    yield server
    servers.stop(server)


@pytest.fixture
def second_loopback_server():
    """A server on 127.0.0.2, to prove that a refused address is never contacted."""
    server = servers.start("127.0.0.2")
    yield server
    servers.stop(server)


@pytest.fixture
def linkcheck_settings(settings):
    """Loopback allow-listed, short timeouts and retries, so the tests run in seconds."""
    settings.LINKCHECK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.LINKCHECK_TIMEOUT = 1.5
    settings.LINKCHECK_CONNECT_TIMEOUT = 1.0
    settings.LINKCHECK_RUN_BUDGET = 20
    settings.LINKCHECK_RETRIES = 2
    settings.LINKCHECK_BACKOFF = 0.1
    settings.LINKCHECK_RETRY_AFTER_MAX = 2
    settings.LINKCHECK_MAX_BODY_BYTES = 64 * 1024
    settings.LINKCHECK_ON_PUBLISH = False
    return settings


@pytest.fixture
def make_page(home_page):
    """A published rubric page whose introduction holds the given HTML."""

    def make(html, title="Страница", slug=None, parent=None, **fields):
        parent = parent or home_page
        page = RubricPage(title=title, slug=slug or f"p{RubricPage.objects.count() + 1}", intro=html, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make
