"""The registries behind the council pages: members with their terms, statutes, plans, meetings, notices.

Every entry belongs to one council page; the council page and the rubric's subsection pages render the same rows,
so nothing is entered twice. Changes start review deadlines (``cms.councils.deadlines``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.search import index

from .people import name_key, overlapping

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def _document_fk(verbose_name, **kwargs):
    return models.ForeignKey(
        get_document_model_string(),
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **kwargs,
    )


def _fmt(day) -> str:
    # An open term's end reads «по настоящее время».
    return formats.date_format(day, "d.m.Y") if day else str(_("the present"))


class CouncilEntry(index.Indexed, models.Model):
    """Fields every registry entry shares: its council and when it was last changed (the feed's DTSTAMP)."""

    council = models.ForeignKey("councils.CouncilPage", verbose_name=_("council"), on_delete=models.CASCADE)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class CouncilRole(models.IntegerChoices):
    # The numbers order a composition: chair first, ordinary members last.
    CHAIR = 10, _("chair")
    DEPUTY_CHAIR = 20, _("deputy chair")
    SECRETARY = 30, _("secretary")
    MEMBER = 40, _("member")


class CouncilMember(CouncilEntry):
    """One term of one person in one council; a person's later terms are further rows, so history is kept."""

    full_name = models.CharField(_("full name"), max_length=255)
    person_key = models.CharField(max_length=255, editable=False, db_index=True)
    role = models.PositiveSmallIntegerField(_("role"), choices=CouncilRole.choices, default=CouncilRole.MEMBER)
    organisation = models.CharField(
        _("organisation"), max_length=255, blank=True, help_text=_("The organisation or group the member represents.")
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(
        _("term end"), null=True, blank=True, help_text=_("The last day of the term; empty while it lasts.")
    )

    panels = [
        FieldPanel("council"),
        FieldPanel("full_name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
    ]
    search_fields = [index.SearchField("full_name"), index.SearchField("organisation")]

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["role", "full_name", "term_start"]
        indexes = [models.Index(fields=["council", "term_start", "term_end"], name="councils_member_term_idx")]

    def __str__(self):
        return f"{self.full_name} ({self.get_role_display()}, {_fmt(self.term_start)}–{_fmt(self.term_end)})"

    def save(self, *args, **kwargs):
        self.person_key = name_key(self.full_name)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end <= self.term_start:
            raise ValidationError({"term_end": _("The term must end after it starts.")})
        if not self.council_id or not self.term_start:
            return
        others = CouncilMember.objects.filter(council_id=self.council_id).exclude(pk=self.pk)
        errors = {}
        same_person = overlapping(others.filter(person_key=name_key(self.full_name)), self.term_start, self.term_end)
        if same_person:
            errors["term_start"] = _(
                "%(name)s is already a member of this council from %(start)s to %(end)s: terms of one person "
                "must not overlap."
            ) % {
                "name": same_person.full_name,
                "start": _fmt(same_person.term_start),
                "end": _fmt(same_person.term_end),
            }
        if self.role == CouncilRole.CHAIR:
            chair = overlapping(others.filter(role=CouncilRole.CHAIR), self.term_start, self.term_end)
            if chair:
                errors["role"] = _(
                    "The council already has a chair for these dates: %(name)s (%(start)s – %(end)s). "
                    "End that term first: a council has one chair at a time."
                ) % {"name": chair.full_name, "start": _fmt(chair.term_start), "end": _fmt(chair.term_end)}
        if errors:
            raise ValidationError(errors)

    def is_current_on(self, day) -> bool:
        return self.term_start <= day and (self.term_end is None or self.term_end >= day)


class CouncilStatute(CouncilEntry):
    """An edition of the council's statute (Положение); the one approved last is in force."""

    title = models.CharField(_("title"), max_length=255, default=_("Statute of the public council"))
    approval_date = models.DateField(_("approval date"))
    approved_by = models.CharField(
        _("approved by"), max_length=255, blank=True, help_text=_("The act that approved it, e.g. its number and date.")
    )
    document = _document_fk(_("document"))

    panels = [
        FieldPanel("council"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("approval_date"), FieldPanel("approved_by")]),
        FieldPanel("document"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("approved_by")]

    class Meta:
        verbose_name = _("council statute")
        verbose_name_plural = _("council statutes")
        ordering = ["-approval_date", "-pk"]

    def __str__(self):
        return f"{self.title} ({_fmt(self.approval_date)})"


class WorkPlan(CouncilEntry):
    """The council's work plan for a year; an approved plan is due on the site within 3 days (roadmap 5.4)."""

    year = models.PositiveSmallIntegerField(_("year"))
    approval_date = models.DateField(_("approval date"))
    document = _document_fk(_("document"))
    summary = RichTextField(_("summary"), blank=True, features=TEXT_FEATURES)

    panels = [
        FieldPanel("council"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("approval_date")]),
        FieldPanel("document"),
        FieldPanel("summary"),
    ]
    search_fields = [index.SearchField("summary"), index.FilterField("year")]

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year", "-approval_date"]

    def __str__(self):
        return str(_("Work plan for %(year)s") % {"year": self.year})

    def clean(self):
        super().clean()
        if self.year and not 1990 <= self.year <= 2100:
            raise ValidationError({"year": _("Enter a year between 1990 and 2100.")})


class Meeting(CouncilEntry):
    """A meeting: announced before it takes place, then completed with its protocol and decisions."""

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)
    agenda = RichTextField(_("agenda"), features=TEXT_FEATURES)
    protocol = _document_fk(_("protocol"))
    decisions = RichTextField(_("decisions"), blank=True, features=TEXT_FEATURES)
    cancelled = models.BooleanField(_("cancelled"), default=False)

    panels = [
        FieldPanel("council"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("agenda"),
        FieldPanel("cancelled"),
        FieldPanel("protocol"),
        FieldPanel("decisions"),
    ]
    search_fields = [index.SearchField("agenda"), index.SearchField("place"), index.SearchField("decisions")]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["starts_at"], name="councils_meeting_start_idx")]

    def __str__(self):
        return f"{formats.date_format(self.starts_at, 'd.m.Y H:i')}, {self.place}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A meeting must end after it starts.")})
