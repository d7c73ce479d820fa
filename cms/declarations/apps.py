from django.apps import AppConfig


class DeclarationsConfig(AppConfig):
    name = "cms.declarations"
    label = "declarations"
    default_auto_field = "django.db.models.BigAutoField"
