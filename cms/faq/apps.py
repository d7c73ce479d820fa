from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "cms.faq"
    label = "faq"
    default_auto_field = "django.db.models.BigAutoField"
