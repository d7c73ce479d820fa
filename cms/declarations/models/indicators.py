"""Indicators of a declaration: a registry with targets per period and the actual values reports record."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cms.declarations.progress import HIGHER, LOWER, percent_done


class Direction(models.TextChoices):
    HIGHER = HIGHER, _("Higher is better")
    LOWER = LOWER, _("Lower is better")


class Period(models.TextChoices):
    Q1 = "q1", _("Quarter I")
    Q2 = "q2", _("Quarter II")
    Q3 = "q3", _("Quarter III")
    Q4 = "q4", _("Quarter IV")
    YEAR = "year", _("Year")


PERIODS = [p.value for p in Period]


def _value(verbose_name):
    return models.DecimalField(verbose_name, max_digits=16, decimal_places=3, null=True, blank=True)


class Indicator(models.Model):
    """One indicator of a year's declaration: unit, baseline, target per period, direction and actuals."""

    declaration = models.ForeignKey(
        "declarations.DeclarationPage",
        verbose_name=_("declaration"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    goal = models.CharField(_("goal"), max_length=500, blank=True, help_text=_("The goal this indicator measures."))
    name = models.CharField(_("indicator"), max_length=500)
    unit = models.CharField(
        pgettext_lazy("unit of measurement", "unit"), max_length=100, help_text=_("e.g. «%», «дней», «человек»")
    )
    baseline = _value(_("baseline"))
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    target_q1 = _value(_("target, quarter I"))
    target_q2 = _value(_("target, quarter II"))
    target_q3 = _value(_("target, quarter III"))
    target_q4 = _value(_("target, quarter IV"))
    target_year = _value(_("target, year"))
    actual_q1 = _value(_("actual, quarter I"))
    actual_q2 = _value(_("actual, quarter II"))
    actual_q3 = _value(_("actual, quarter III"))
    actual_q4 = _value(_("actual, quarter IV"))
    actual_year = _value(_("actual, year"))

    panels = [
        FieldPanel("declaration"),
        FieldPanel("goal"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("baseline"), FieldPanel("direction"), FieldPanel("sort_order")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(f"target_{p}") for p in PERIODS])],
            heading=_("Plan"),
            help_text=_("Leave a target empty when none was set for the period."),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(f"actual_{p}") for p in PERIODS])],
            heading=_("Actual values (reports)"),
        ),
    ]

    class Meta:
        ordering = ["declaration", "sort_order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["declaration", "name"], name="declarations_indicator_unique_name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})"

    def clean(self):
        super().clean()
        if self.declaration_id and self.name:
            clash = Indicator.objects.filter(declaration_id=self.declaration_id, name=self.name).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"name": _("This declaration already has an indicator with this name.")})

    def target(self, period: str):
        return getattr(self, f"target_{period}")

    def actual(self, period: str):
        return getattr(self, f"actual_{period}")

    def progress(self, period: str):
        return percent_done(self.target(period), self.actual(period), self.direction)

    def rows(self) -> list[dict]:
        """Plan against actual for every period that has a target or an actual."""
        rows = []
        for period in Period:
            target, actual = self.target(period.value), self.actual(period.value)
            if target is None and actual is None:
                continue
            rows.append({"period": period.value, "label": period.label, "progress": self.progress(period.value)})
        return rows

    def latest(self) -> dict | None:
        """The furthest period with an actual value (the year when reported, else the last quarter)."""
        for period in reversed(list(Period)):
            if self.actual(period.value) is not None:
                return {"period": period.value, "label": period.label, "progress": self.progress(period.value)}
        return None
