from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyBlocksConfig(AppConfig):
    name = "transparency_blocks"
    label = "transparency_blocks"
    verbose_name = _("Transparency blocks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from transparency_blocks.signal_handlers import register_signal_handlers

        register_signal_handlers()
