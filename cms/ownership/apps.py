from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OwnershipConfig(AppConfig):
    name = "cms.ownership"
    label = "ownership"
    verbose_name = _("Ownership and review deadlines")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from cms.ownership.services import on_page_published

        page_published.connect(on_page_published, dispatch_uid="ownership_publish_is_review")
