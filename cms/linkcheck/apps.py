from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkcheckConfig(AppConfig):
    name = "cms.linkcheck"
    label = "linkcheck"
    verbose_name = _("Link checker")
    default_auto_field = "django.db.models.BigAutoField"
