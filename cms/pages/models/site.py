from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site name, contacts and logo, shown in the header and footer of every citizen page."""

    site_name = models.CharField(_("site name"), max_length=255, default="Администрация ЗАТО Сибирский")
    tagline = models.CharField(_("tagline"), max_length=255, blank=True, default="Официальный сайт")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    postal_address = models.CharField(_("postal address"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    working_hours = models.CharField(_("working hours"), max_length=255, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo")], heading=_("Identity")),
        MultiFieldPanel(
            [FieldPanel("postal_address"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("working_hours")],
            heading=_("Contacts"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
