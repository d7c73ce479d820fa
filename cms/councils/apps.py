from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "cms.councils"
    label = "councils"
    default_auto_field = "django.db.models.BigAutoField"
