from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeclarationsConfig(AppConfig):
    name = "cms.declarations"
    label = "declarations"
    verbose_name = _("Declarations, plans and public discussion")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.signals import page_published

        from cms.declarations import signal_handlers
        from cms.declarations.models import Indicator

        post_save.connect(signal_handlers.on_indicator_saved, sender=Indicator, dispatch_uid="declarations_ind_save")
        post_delete.connect(
            signal_handlers.on_indicator_deleted, sender=Indicator, dispatch_uid="declarations_ind_delete"
        )
        # After ownership's own receiver (its app is earlier), so publishing does not clear the new deadline.
        page_published.connect(signal_handlers.on_page_published, dispatch_uid="declarations_stage_deadline")
        post_migrate.connect(signal_handlers.create_inbox_group, sender=self, dispatch_uid="declarations_inbox")
