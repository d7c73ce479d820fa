import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
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
    settings.LINKCHECK_SUBPROCESS_MIN_PAGES = 1  # the small test sites still exercise the fetching process
    return settings


@pytest.fixture
def document(db):
    """A stored PDF document, «polozhenie.pdf»."""
    doc = get_document_model()(title="Положение")
    doc.file.save("polozhenie.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    doc.save()
    return doc


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


@pytest.fixture
def make_unit(db):
    """A responsible unit with its own editors group."""
    from django.contrib.auth.models import Group

    from cms.snippets.models import ResponsibleUnit

    def make(name, slug=None):
        slug = slug or f"unit{ResponsibleUnit.objects.count() + 1}"
        group = Group.objects.create(name=f"Редакторы: {name}")
        return ResponsibleUnit.objects.create(name=name, slug=slug, editors_group=group)

    return make


@pytest.fixture
def make_editor(django_user_model, home_page):
    """A user in the unit's editors group who may reach the admin and edit the pages under the home page."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    def make(unit, username, root=None):
        user = django_user_model.objects.create_user(username=username, password="pw")
        group = unit.editors_group
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root or home_page, permission=Permission.objects.get(codename=codename)
            )
        user.groups.add(group)
        return user

    return make


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
