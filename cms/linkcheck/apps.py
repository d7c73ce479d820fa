from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkcheckConfig(AppConfig):
    name = "cms.linkcheck"
    label = "linkcheck"
    verbose_name = _("Link checker")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from cms.ownership.digest import register_digest_section

        from .digest import open_findings_section
        from .tasks import enqueue_after_publish

        page_published.connect(enqueue_after_publish, dispatch_uid="linkcheck_check_after_publish")
        register_digest_section(open_findings_section)
