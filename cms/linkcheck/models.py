"""What the checker remembers: runs, the external URL cache, per-page state and the findings routed to owners."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import verdicts
from .rules import Severity
from .status import PROBLEM_STATUSES, UrlResult, UrlStatus

__all__ = ["PROBLEM_STATUSES", "CheckRun", "LinkFinding", "PageCheckState", "Severity", "UrlCheck", "UrlStatus"]


class CheckRun(models.Model):
    """One run of the checker, with the figures of its summary."""

    class Mode(models.TextChoices):
        FULL = "full", _("full")
        INCREMENTAL = "incremental", _("incremental")
        PAGES = "pages", _("selected pages")

    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.FULL)
    external = models.BooleanField(_("external links checked"), default=True)
    started_at = models.DateTimeField(pgettext_lazy("link check run", "started at"), auto_now_add=True)
    finished_at = models.DateTimeField(pgettext_lazy("link check run", "finished at"), null=True, blank=True)
    pages_checked = models.PositiveIntegerField(_("pages checked"), default=0)
    links_checked = models.PositiveIntegerField(_("links checked"), default=0)
    urls_fetched = models.PositiveIntegerField(_("URLs fetched"), default=0)
    broken_links = models.PositiveIntegerField(_("broken links"), default=0)
    unchecked_urls = models.PositiveIntegerField(_("URLs not checked"), default=0)
    findings_new = models.PositiveIntegerField(_("new findings"), default=0)
    findings_resolved = models.PositiveIntegerField(_("resolved findings"), default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("link check run")
        verbose_name_plural = _("link check runs")

    def __str__(self):
        return f"{self.get_mode_display()} {self.started_at:%Y-%m-%d %H:%M}"


class UrlCheck(models.Model):
    """The cached result of fetching one external URL; reused until it expires."""

    url_hash = models.CharField(max_length=64, unique=True)
    url = models.TextField(pgettext_lazy("web address", "URL"))
    status = models.CharField(_("status"), max_length=20, choices=verdicts.status_choices)
    http_status = models.PositiveIntegerField(_("HTTP status"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=30, blank=True)
    detail = models.TextField(_("technical detail"), blank=True)
    final_url = models.TextField(_("final URL"), blank=True)
    checked_at = models.DateTimeField(_("checked at"))
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("checked URL")
        verbose_name_plural = _("checked URLs")

    def __str__(self):
        return f"{self.url} ({self.status})"

    def as_result(self):
        return UrlResult(self.url, self.status, self.http_status, self.reason, self.final_url, self.detail)


class PageCheckState(models.Model):
    """When a page was last checked and which external URLs it held, so incremental runs can skip it."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+")
    checked_at = models.DateTimeField(_("checked at"))
    external_urls = models.JSONField(_("external URLs"), default=list, blank=True)
    internal_links = models.JSONField(
        _("internal links"), default=list, blank=True, help_text="[[path, ok, basis], ...]"
    )

    class Meta:
        verbose_name = _("page check state")
        verbose_name_plural = _("page check states")

    def __str__(self):
        return f"{self.page_id} @ {self.checked_at}"


class LinkFindingQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def resolved(self):
        return self.filter(resolved_at__isnull=False)


class LinkFinding(models.Model):
    """One problem of one link (or image) on one page, routed to the page's owner unit."""

    BROKEN_LINK = verdicts.BROKEN_LINK
    TARGET_KINDS = verdicts.TARGET_KINDS

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="link_findings"
    )
    owner_unit = models.ForeignKey(
        "snippets.ResponsibleUnit",
        verbose_name=_("owner unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="link_findings",
    )
    key = models.CharField(max_length=64, help_text="Identifies the same problem across runs.")
    url = models.TextField(_("link"), blank=True)
    link_text = models.CharField(_("link text"), max_length=500, blank=True)
    rule = models.CharField(_("rule"), max_length=50, db_index=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, db_index=True)
    message = models.TextField(_("message"), blank=True)
    occurrences = models.PositiveIntegerField(_("occurrences"), default=1, help_text="How often the page shows it.")
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True, db_index=True)

    objects = LinkFindingQuerySet.as_manager()

    class Meta:
        ordering = ["-last_seen", "id"]
        indexes = [models.Index(fields=["page", "resolved_at"]), models.Index(fields=["owner_unit", "resolved_at"])]
        verbose_name = _("link finding")
        verbose_name_plural = _("link findings")

    def __str__(self):
        return f"{self.rule}: {self.url}"

    @property
    def is_open(self):
        return self.resolved_at is None

    @property
    def rule_title(self):
        return verdicts.kind_title(self.rule)

    @property
    def explanation(self):
        rule = verdicts.describe(self.rule)
        return rule.explanation if rule else ""

    @property
    def fix(self):
        rule = verdicts.describe(self.rule)
        return rule.fix if rule else ""

    @property
    def unit_name(self):
        return str(self.owner_unit) if self.owner_unit_id else "—"

    @property
    def status_label(self):
        return _("resolved") if self.resolved_at else _("open")
