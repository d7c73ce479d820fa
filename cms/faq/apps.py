from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FaqConfig(AppConfig):
    name = "cms.faq"
    label = "faq"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.faq import signal_handlers

        post_migrate.connect(signal_handlers.create_inbox_group, sender=self)
