from django.apps import AppConfig


class AnticorruptionConfig(AppConfig):
    name = "cms.anticorruption"
    label = "anticorruption"
    default_auto_field = "django.db.models.BigAutoField"
