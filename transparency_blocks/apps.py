from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyBlocksConfig(AppConfig):
    name = "transparency_blocks"
    label = "transparency_blocks"
    verbose_name = _("Transparency blocks")
    default_auto_field = "django.db.models.BigAutoField"
