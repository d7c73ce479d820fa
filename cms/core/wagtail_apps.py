"""Wagtail's app configs without the preview v3 API (docs/architecture.md, "Changes from the design").

In Wagtail 8.0 the ready() of redirects, snippets, documents and images builds the v3 API (django-ninja routers
and pydantic schemas for every snippet, image and document model) whether or not a project routes it. This
project serves the v2 API only (DESIGN.md: "Wagtail's v3 API is a preview in 8.0"), so that work, about half of
every process's start-up (web workers, `manage.py` commands, test runs), bought nothing.

Each config below is Wagtail's own with ready() repeating everything but the v3 part, in Wagtail's order.

Measured again (December 2026, Wagtail 8.0.1, `bench/platform_startup_bench.py`, median CPU time of
`django.setup()` in a fresh process on the shared 2-core machine): 1.31 s with these configs, 2.42 s with
Wagtail's, so 1.1 s (46 %) saved in every web worker, command and test run. Worth keeping.

What an upgrade must check:
- `tests/core/test_wagtail_apps.py` fails when any of the four Wagtail ready() methods changes: re-read the new
  one and copy every non-v3 line here, in the same order;
- re-run `bench/platform_startup_bench.py`: if the saving falls under about 0.2 s (Wagtail may make the v3 API
  lazy), delete this module and name Wagtail's configs in INSTALLED_APPS again;
- routing the v3 API one day means going back to Wagtail's configs.
"""

from django.db.models import ForeignKey
from django.db.models.signals import post_migrate
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig


class RedirectsConfig(WagtailRedirectsAppConfig):
    def ready(self):
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.contrib.redirects.signal_handlers import (
            autocreate_redirects_on_page_move,
            autocreate_redirects_on_slug_change,
        )
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_slug_changed, post_page_move

        register_permission_policy(Redirect)
        post_page_move.connect(autocreate_redirects_on_page_move)
        page_slug_changed.connect(autocreate_redirects_on_slug_change)


class SnippetsConfig(WagtailSnippetsAppConfig):
    def ready(self):
        from wagtail.snippets.models import create_extra_permissions, register_deferred_snippets

        register_deferred_snippets()
        post_migrate.connect(create_extra_permissions, sender=self)


class DocumentsConfig(WagtailDocsAppConfig):
    def ready(self):
        from wagtail.admin.ui.fields import register_display_class
        from wagtail.documents import get_document_model, get_permission_policy
        from wagtail.documents.components import DocumentDisplay
        from wagtail.documents.signal_handlers import register_signal_handlers
        from wagtail.models.reference_index import ReferenceIndex
        from wagtail.permissions import register_permission_policy

        document = get_document_model()
        register_permission_policy(document, get_permission_policy())
        register_signal_handlers()
        register_display_class(ForeignKey, to=document, display_class=DocumentDisplay)
        ReferenceIndex.register_model(document)


class ImagesConfig(WagtailImagesAppConfig):
    def ready(self):
        from wagtail.admin.compare import register_comparison_class
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.ui.fields import register_display_class
        from wagtail.images import get_image_model, get_permission_policy
        from wagtail.images.components import ImageDisplay
        from wagtail.images.edit_handlers import ImageFieldComparison
        from wagtail.images.signal_handlers import register_signal_handlers
        from wagtail.images.widgets import AdminImageChooser
        from wagtail.models.reference_index import ReferenceIndex
        from wagtail.permissions import register_permission_policy

        image = get_image_model()
        register_permission_policy(image, get_permission_policy())
        register_signal_handlers()
        register_form_field_override(ForeignKey, to=image, override={"widget": AdminImageChooser})
        register_comparison_class(ForeignKey, to=image, comparison_class=ImageFieldComparison)
        register_display_class(ForeignKey, to=image, display_class=ImageDisplay)
        ReferenceIndex.register_model(image)
