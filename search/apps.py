from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Citizen search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import signal_handlers  # noqa: F401 - registers the receivers
