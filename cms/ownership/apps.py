from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OwnershipConfig(AppConfig):
    name = "cms.ownership"
    label = "ownership"
    verbose_name = _("Ownership and review deadlines")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.ownership.signal_handlers import register_signal_handlers

        register_signal_handlers()
