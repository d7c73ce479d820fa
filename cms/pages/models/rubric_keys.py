"""Which page the rubric data file's entry became, so `bootstrap_site` recognises it after a move or retitle."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RubricKey(models.Model):
    """A stable key from data/rubrics.yaml bound to the page built for it (deleting the page frees the key)."""

    key = models.CharField(_("rubric key"), max_length=255, unique=True)
    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="rubric_key"
    )

    class Meta:
        verbose_name = _("rubric key")
        verbose_name_plural = _("rubric keys")

    def __str__(self):
        return self.key
