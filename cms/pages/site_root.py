"""The one HomePage of the site and the default Site pointing at it."""

from django.db import transaction
from wagtail.models import Page, Site

from cms.pages.models import HomePage

DEFAULT_HOME_TITLE = "Администрация ЗАТО Сибирский"


@transaction.atomic
def ensure_home_page(title: str = DEFAULT_HOME_TITLE, hostname: str = "localhost", port: int = 80) -> HomePage:
    """Return the HomePage, creating it (and replacing Wagtail's placeholder "Welcome" page) on first use."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's initial migration leaves a bare "Welcome" page at the site root: replace it.
    placeholders = root.get_children().filter(content_type__app_label="wagtailcore", content_type__model="page")
    for placeholder in placeholders:
        if not placeholder.get_children().exists():
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
    home = root.add_child(instance=HomePage(title=title, slug="home"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=title)
    else:
        site.root_page = home
        site.save(update_fields=["root_page"])
    return home
