"""«Обратная связь для сообщений о фактах коррупции»: the page with the form and the report it stores."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from cms.submissions.models import Submission, SubmissionAttachmentMixin

from .pages import RICH_FEATURES, SectionPage

REPORT_SCOPE = "anticorruption-report"
REPORTS_GROUP = "Сообщения о коррупции"


class CorruptionReport(SubmissionAttachmentMixin, Submission):
    """A citizen's report of corruption. Private: seen only in the inbox of the group REPORTS_GROUP."""

    registration_prefix = "АК"
    inbox_group_name = REPORTS_GROUP

    name = models.CharField(_("your full name"), max_length=200)
    contact = models.CharField(
        _("how to reply to you"),
        max_length=200,
        help_text=_("An e-mail address, postal address or phone number for the answer."),
    )
    text = models.TextField(
        _("message"),
        max_length=20000,
        help_text=_("What happened, where and when, who was involved; what you know first-hand."),
    )

    class Meta(Submission.Meta):
        verbose_name = _("corruption report")
        verbose_name_plural = _("corruption reports")


class ReportFormPage(SectionPage):
    """The feedback page: how reports are considered, the form, and the receipt with the registration number."""

    after_form = RichTextField(
        _("what happens next"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_("Terms of consideration and other ways to report (hotline, post, reception)."),
    )

    content_panels = SectionPage.content_panels + [FieldPanel("after_form")]
    template = "anticorruption/report_form_page.html"

    class Meta:
        verbose_name = _("corruption report form")
        verbose_name_plural = _("corruption report form pages")

    def serve(self, request, *args, **kwargs):
        from cms.submissions.services import handle_submission, pop_receipt

        from ..forms import CorruptionReportForm

        outcome = handle_submission(request, CorruptionReportForm, scope=REPORT_SCOPE)
        if outcome.redirect:
            return outcome.redirect
        context = self.get_context(request, *args, **kwargs)
        context["form"] = outcome.form
        context["receipt"] = pop_receipt(request, REPORT_SCOPE)
        return TemplateResponse(request, self.get_template(request), context, status=outcome.status)
