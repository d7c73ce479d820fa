from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnticorruptionConfig(AppConfig):
    name = "cms.anticorruption"
    label = "anticorruption"
    verbose_name = _("Anti-corruption")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect(self)
