from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeclarationsConfig(AppConfig):
    name = "cms.declarations"
    label = "declarations"
    verbose_name = _("Declarations, plans and public discussion")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.signals import published

        from cms.declarations import signal_handlers
        from cms.declarations.models import Indicator

        post_save.connect(signal_handlers.on_indicator_saved, sender=Indicator, dispatch_uid="declarations_ind_save")
        post_delete.connect(
            signal_handlers.on_indicator_deleted, sender=Indicator, dispatch_uid="declarations_ind_delete"
        )
        # ``published`` (sent after ``page_published``), connected after ownership's receiver (its app comes
        # earlier), which counts the publication as a review: the stage deadline is set after that, not cleared.
        published.connect(signal_handlers.on_page_published, dispatch_uid="declarations_stage_deadline")
        post_migrate.connect(signal_handlers.create_inbox_group, sender=self, dispatch_uid="declarations_inbox")
