"""Income disclosures as data: a campaign per reporting year, one row per official or relative, property items."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from ..disclosures.exclusions import no_private_data


class Relation(models.TextChoices):
    """Who a row is about. Relatives are shown by their relation only, never by name."""

    OFFICIAL = "official", _("official")
    SPOUSE = "spouse", _("spouse")
    CHILD = "child", _("minor child")


class DisclosureCampaign(ClusterableModel):
    """The disclosures of one reporting year (income of 1 January – 31 December of ``year``)."""

    year = models.PositiveIntegerField(
        _("reporting year"), unique=True, validators=[MinValueValidator(2009), MaxValueValidator(2100)]
    )
    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty for the standard title with the reporting period."),
    )
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Untick when publication is suspended: citizens then see the legal basis instead of the table."),
    )
    legal_basis = models.TextField(
        _("legal basis for not publishing"),
        blank=True,
        help_text=_("Shown to citizens instead of the table, e.g. the decree that suspends publication."),
    )
    note = models.TextField(_("note under the table"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("year"),
        FieldPanel("title"),
        FieldPanel("is_published"),
        FieldPanel("legal_basis"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("disclosure campaign")
        verbose_name_plural = _("disclosure campaigns")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        return str(
            _(
                "Information on income, expenses, property and property obligations "
                "for the period from 1 January to 31 December %(year)s"
            )
            % {"year": self.year}
        )

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.is_published and not self.legal_basis.strip():
            raise ValidationError({"legal_basis": _("State the legal basis for not publishing the disclosures.")})


class DisclosureRow(ClusterableModel):
    """One row of the table: an official, or the spouse or a minor child who follows the official's row."""

    campaign = models.ForeignKey(
        DisclosureCampaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="rows"
    )
    official = models.ForeignKey(
        "self",
        verbose_name=_("official (for a relative's row)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="relatives",
        limit_choices_to={"relation": Relation.OFFICIAL},
    )
    relation = models.CharField(_("whose row"), max_length=16, choices=Relation.choices, default=Relation.OFFICIAL)
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    name = models.CharField(
        _("full name"),
        max_length=200,
        blank=True,
        validators=[no_private_data],
        help_text=_("Only for the official; relatives' rows never carry a name."),
    )
    position = models.CharField(_("position"), max_length=400, blank=True, validators=[no_private_data])
    income = models.DecimalField(
        _("declared annual income (roubles)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    deal_sources = models.TextField(
        _("sources of funds for deals"),
        blank=True,
        validators=[no_private_data],
        help_text=_("Filled only when a deal exceeded the family's income for the three previous years."),
    )

    panels = [
        FieldPanel("campaign"),
        FieldPanel("relation"),
        FieldPanel("official"),
        FieldPanel("sort_order"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("income"),
        InlinePanel("real_estate", label=_("real estate")),
        InlinePanel("vehicles", label=_("vehicles")),
        FieldPanel("deal_sources"),
    ]

    class Meta:
        ordering = ["campaign", "sort_order", "pk"]
        verbose_name = _("disclosure row")
        verbose_name_plural = _("disclosure rows")

    def __str__(self):
        if self.relation == Relation.OFFICIAL:
            return f"{self.campaign.year}: {self.name}"
        return f"{self.campaign.year}: {self.get_relation_display()} ({self.official.name if self.official else '—'})"

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.relation == Relation.OFFICIAL:
            if not self.name.strip():
                errors["name"] = _("Enter the official's full name.")
            if self.official_id:
                errors["official"] = _("An official's row does not belong to another official.")
        else:
            if self.name.strip():
                errors["name"] = _("A relative's row must not carry a name: the relation is shown instead.")
            if not self.official_id:
                errors["official"] = _("Choose the official whose relative this is.")
            elif self.official.campaign_id != self.campaign_id:
                errors["official"] = _("The official belongs to another reporting year.")
        if errors:
            raise ValidationError(errors)


class PropertyUse(models.TextChoices):
    OWNED = "owned", _("owned")
    USED = "used", _("in use")


class RealEstateItem(Orderable):
    row = ParentalKey(DisclosureRow, on_delete=models.CASCADE, related_name="real_estate")
    use = models.CharField(_("owned or in use"), max_length=8, choices=PropertyUse.choices, default=PropertyUse.OWNED)
    object_type = models.CharField(
        _("kind of object"),
        max_length=200,
        validators=[no_private_data],
        help_text=_("E.g. «квартира», «земельный участок»."),
    )
    ownership_type = models.CharField(
        _("type of ownership"),
        max_length=200,
        blank=True,
        validators=[no_private_data],
        help_text=_("For owned objects: «индивидуальная», «общая долевая», «общая совместная»."),
    )
    share = models.CharField(
        _("share"), max_length=32, blank=True, help_text=_("E.g. «1/2»."), validators=[no_private_data]
    )
    area = models.DecimalField(_("area, sq. m"), max_digits=12, decimal_places=2, null=True, blank=True)
    country = models.CharField(_("country"), max_length=100, default="Россия", validators=[no_private_data])

    panels = [
        FieldPanel("use"),
        FieldPanel("object_type"),
        FieldPanel("ownership_type"),
        FieldPanel("share"),
        FieldPanel("area"),
        FieldPanel("country"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("real estate item")
        verbose_name_plural = _("real estate")

    def __str__(self):
        return self.object_type


class VehicleItem(Orderable):
    row = ParentalKey(DisclosureRow, on_delete=models.CASCADE, related_name="vehicles")
    kind = models.CharField(
        _("kind of vehicle"), max_length=200, validators=[no_private_data], help_text=_("E.g. «автомобиль легковой».")
    )
    make_model = models.CharField(_("make and model"), max_length=200, blank=True, validators=[no_private_data])

    panels = [FieldPanel("kind"), FieldPanel("make_model")]

    class Meta(Orderable.Meta):
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")

    def __str__(self):
        return f"{self.kind} {self.make_model}".strip()
