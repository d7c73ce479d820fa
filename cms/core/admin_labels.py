"""Labels Wagtail 8.0.1 leaves English whatever the language (issue 15.10), given their Russian here.

Wagtail builds them once, at import: columns named by their field without a label («Port»), form fields without a
label («Page», «Collection»), and strings translated with eager ``gettext`` while no language is active (the image
and collection permission columns). Each is replaced by a lazy, translated label. An upgrade should re-check these
screens (the browser walk of the admin does) and drop what Wagtail has fixed.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy

# Wagtail's own strings, translated by Wagtail's catalogue: named apart so they are not extracted into ours.
wagtail_string = gettext_lazy


def translate_wagtail_labels() -> None:
    from wagtail.admin.forms.collections import GroupCollectionManagementPermissionFormSet
    from wagtail.documents.forms import GroupDocumentPermissionFormSet
    from wagtail.images.forms import GroupImagePermissionFormSet
    from wagtail.models import Site
    from wagtail.sites.views import IndexView as SiteIndexView
    from wagtail.users.forms import PagePermissionsForm

    for column in SiteIndexView.columns:
        if column.name in ("port", "site_name", "root_page"):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)
    PagePermissionsForm.base_fields["page"].label = wagtail_string("Page")
    for formset in (
        GroupCollectionManagementPermissionFormSet,
        GroupDocumentPermissionFormSet,
        GroupImagePermissionFormSet,
    ):
        formset.form.base_fields["collection"].label = wagtail_string("Collection")
        # The same list the formset's checkbox labels read: replaced in place.
        formset.permission_types[:] = [
            (codename, wagtail_string(str(short)), wagtail_string(str(long)))
            for codename, short, long in formset.permission_types
        ]
