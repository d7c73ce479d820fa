"""Anti-corruption expertise of drafts (roadmap 8.1): drafts open for independent experts and their conclusions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.submissions.models import Submission, SubmissionAttachmentMixin

from .pages import RICH_FEATURES, SECTION_PARENTS, SectionPage

CONCLUSION_SCOPE = "anticorruption-expertise"
CONCLUSIONS_GROUP = "Антикоррупционная экспертиза"


class ExpertisePage(SectionPage):
    """The expertise subsection: the procedure and the drafts (child pages), those in expertise first."""

    subpage_types = ["anticorruption.ExpertiseDraftPage"]
    parent_page_types = SECTION_PARENTS
    template = "anticorruption/expertise_page.html"

    class Meta:
        verbose_name = _("anti-corruption expertise")
        verbose_name_plural = _("anti-corruption expertise pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        drafts = list(ExpertiseDraftPage.objects.child_of(self).live().public().order_by("-expertise_start", "-pk"))
        today = timezone.localdate()
        context["open_drafts"] = [d for d in drafts if d.window_state(today) == "open"]
        context["other_drafts"] = [d for d in drafts if d.window_state(today) != "open"]
        return context


class ExpertiseDraftPage(SectionPage):
    """A draft act placed for independent anti-corruption expertise, with its period and the conclusions."""

    draft_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("draft document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    developer = models.CharField(_("developer of the draft"), max_length=300, blank=True)
    expertise_start = models.DateField(_("expertise starts"), help_text=_("First day conclusions are accepted."))
    expertise_end = models.DateField(_("expertise ends"), help_text=_("Last day conclusions are accepted (inclusive)."))
    contact_email = models.EmailField(_("e-mail for conclusions on paper or by mail"), blank=True)
    outcome = RichTextField(_("outcome"), blank=True, features=RICH_FEATURES, help_text=_("E.g. the act adopted."))

    content_panels = SectionPage.content_panels + [
        FieldPanel("draft_document"),
        FieldPanel("developer"),
        MultiFieldPanel(
            [FieldPanel("expertise_start"), FieldPanel("expertise_end"), FieldPanel("contact_email")],
            heading=_("Expertise period (local time, Asia/Barnaul)"),
        ),
        FieldPanel("outcome"),
    ]
    search_fields = SectionPage.search_fields + [index.SearchField("developer")]
    parent_page_types = ["anticorruption.ExpertisePage"]
    subpage_types = []
    template = "anticorruption/draft_act_page.html"

    class Meta:
        verbose_name = _("draft act in expertise")
        verbose_name_plural = _("drafts in expertise")

    def clean(self):
        super().clean()
        if self.expertise_start and self.expertise_end and self.expertise_end < self.expertise_start:
            raise ValidationError({"expertise_end": _("The period cannot end before it starts.")})

    def window_state(self, today=None) -> str:
        """«upcoming», «open» or «closed» on the local date ``today`` (the site's time zone, Asia/Barnaul)."""
        today = today or timezone.localdate()
        if today < self.expertise_start:
            return "upcoming"
        if today > self.expertise_end:
            return "closed"
        return "open"

    def accepts_conclusions(self, now=None) -> bool:
        return self.window_state(timezone.localdate(now or timezone.now())) == "open"

    def published_conclusions(self):
        return ExpertConclusion.objects.filter(draft=self, is_published=True).order_by("received_at")

    def serve(self, request, *args, **kwargs):
        from cms.submissions.services import Outcome, handle_submission, pop_receipt

        from ..forms import ExpertConclusionForm

        if self.accepts_conclusions():
            outcome = handle_submission(
                request, ExpertConclusionForm, scope=CONCLUSION_SCOPE, instance=ExpertConclusion(draft=self)
            )
            if outcome.redirect:
                return outcome.redirect
        else:
            # Outside the period nothing is accepted, whatever is posted.
            outcome = Outcome(form=None, status=403 if request.method == "POST" else 200)
        context = self.get_context(request, *args, **kwargs)
        context.update(
            form=outcome.form,
            receipt=pop_receipt(request, CONCLUSION_SCOPE),
            window=self.window_state(),
            conclusions=self.published_conclusions(),
        )
        return TemplateResponse(request, self.get_template(request), context, status=outcome.status)


class ExpertConclusion(SubmissionAttachmentMixin, Submission):
    """An independent expert's conclusion on a draft. Private until an editor publishes it with the answer."""

    registration_prefix = "АЭ"
    inbox_group_name = CONCLUSIONS_GROUP

    draft = models.ForeignKey(
        ExpertiseDraftPage,
        verbose_name=pgettext_lazy("draft act", "draft"),
        on_delete=models.PROTECT,
        related_name="conclusions",
    )
    expert_name = models.CharField(_("expert (full name or organisation)"), max_length=300)
    accreditation = models.CharField(
        _("accreditation by the Ministry of Justice"), max_length=200, help_text=_("Number and date of the order.")
    )
    email = models.EmailField(_("e-mail for the answer"))
    text = models.TextField(_("conclusion"), max_length=50000)
    is_published = models.BooleanField(
        _("published on the draft's page"), default=False, help_text=_("With the expert's name and the answer only.")
    )
    answer = models.TextField(_("administration's answer"), blank=True)
    answered_on = models.DateField(_("answer date"), null=True, blank=True)

    class Meta(Submission.Meta):
        verbose_name = _("expert conclusion")
        verbose_name_plural = _("expert conclusions")

    def clean(self):
        if self.is_published and not self.answer.strip():
            raise ValidationError({"answer": _("Publish a conclusion together with the administration's answer.")})
