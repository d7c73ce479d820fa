from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SnippetsConfig(AppConfig):
    name = "cms.snippets"
    label = "snippets"
    verbose_name = _("Registries")
    default_auto_field = "django.db.models.BigAutoField"
