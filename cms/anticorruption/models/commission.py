"""The commission on conduct and conflict of interest: its page, members and meetings (registries)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import DocumentListBlock
from .pages import RICH_FEATURES, SectionPage, newest_first


class CommissionRole(models.TextChoices):
    CHAIR = "chair", pgettext_lazy("commission role", "chair")
    DEPUTY = "deputy", pgettext_lazy("commission role", "deputy chair")
    SECRETARY = "secretary", pgettext_lazy("commission role", "secretary")
    MEMBER = "member", pgettext_lazy("commission role", "member")
    INDEPENDENT = "independent", _("independent member")


ROLE_ORDER = {role: index for index, role in enumerate(CommissionRole.values)}


class CommissionPage(SectionPage):
    """Composition, meetings with their decisions, and how to send a notice to the commission."""

    how_to_notify = RichTextField(
        _("how to send a notice to the commission"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_("Who may send a notice, where and how; the commission secretary's contacts."),
    )
    documents = StreamField(
        DocumentListBlock(),
        verbose_name=_("regulations and notice forms"),
        blank=True,
        help_text=_("The regulation on the commission, the order on its composition, forms of notices."),
    )

    content_panels = SectionPage.content_panels + [FieldPanel("how_to_notify"), FieldPanel("documents")]
    search_fields = SectionPage.search_fields + [index.SearchField("how_to_notify")]
    template = "anticorruption/commission_page.html"

    class Meta:
        verbose_name = _("commission on conduct and conflict of interest")
        verbose_name_plural = _("commission pages")

    def sorted_documents(self):
        return newest_first(self.documents)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = list(CommissionMember.objects.all())
        members.sort(key=lambda member: (ROLE_ORDER.get(member.role, 99), member.sort_order, member.name))
        context["members"] = members
        context["meetings"] = CommissionMeeting.objects.filter(is_published=True).select_related("decision_document")
        return context


class CommissionMember(models.Model):
    name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=16, choices=CommissionRole.choices, default=CommissionRole.MEMBER)
    position = models.CharField(_("position"), max_length=400, blank=True)
    sort_order = models.PositiveIntegerField(_("order within the role"), default=0)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("position"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("commission member")
        verbose_name_plural = _("commission members")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"


class CommissionMeeting(models.Model):
    date = models.DateField(_("date of the meeting"))
    agenda = models.TextField(_("agenda"))
    decision = models.TextField(_("decision (summary)"), blank=True)
    decision_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("decision document (protocol extract)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Untick while the decision is being prepared.")
    )

    panels = [
        FieldPanel("date"),
        FieldPanel("agenda"),
        FieldPanel("decision"),
        FieldPanel("decision_document"),
        FieldPanel("is_published"),
    ]

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("commission meeting")
        verbose_name_plural = _("commission meetings")

    def __str__(self):
        return f"{self.date:%d.%m.%Y}"
