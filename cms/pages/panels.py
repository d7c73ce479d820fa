"""«Основание»: for the editor, which roadmap items and 8-FZ categories a rubric's page serves, with their deadlines.

That bookkeeping used to be printed on the citizen page; citizens see content, editors see here why the page
exists and by when it must be current. It is read from the rubric data file through the page's rubric key.
"""

from functools import lru_cache

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from cms.pages.bootstrap.loader import DataFileError, load_site_data


@lru_cache(maxsize=1)
def _site_data():
    try:
        return load_site_data()
    except DataFileError:
        return None


def roadmap_basis(page, data=None) -> dict | None:
    """The roadmap items (number, text, deadline, units) and 8-FZ categories of the page's rubric, if any.

    ``data``: the parsed rubric data file (default: data/rubrics.yaml).
    """
    from cms.pages.models import RubricKey

    if page is None or page.pk is None:
        return None
    key = RubricKey.objects.filter(page_id=page.pk).values_list("key", flat=True).first()
    data = data or _site_data()
    if key is None or data is None:
        return None
    spec = next((spec for _parent, spec in data.walk() if spec.key == key), None)
    if spec is None or not (spec.roadmap or spec.fz8):
        return None
    items = {item.number: item for item in data.roadmap_items}
    categories = {category.id: category.title for category in data.fz8_categories}
    return {
        "items": [
            {
                "number": number,
                "text": items[number].text,
                "cadence": items[number].cadence,
                "units": [
                    data.unit_by_code[code].short_name or data.unit_by_code[code].name for code in items[number].units
                ],
            }
            for number in spec.roadmap
            if number in items
        ],
        "fz8": [categories[c] for c in spec.fz8 if c in categories],
    }


class RoadmapBasisPanel(Panel):
    """Read-only: the roadmap items and 8-FZ categories behind this page (nothing when it has none)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Basis: the roadmap"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/panels/roadmap_basis.html"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.basis = roadmap_basis(self.instance)

        def is_shown(self):
            return bool(self.basis) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["basis"] = self.basis
            return context
