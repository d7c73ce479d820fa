from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "api"
    verbose_name = _("Headless API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers, versions

        signal_handlers.connect()
        versions.connect()
