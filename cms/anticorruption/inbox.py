"""The restricted inboxes of the section (wagtail-modeladmin; one module, so a swap to ModelViewSet is one file)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList

from cms.submissions.admin import InboxForm, SubmissionInboxAdmin

from .models import CorruptionReport, ExpertConclusion


class CorruptionReportInbox(SubmissionInboxAdmin):
    model = CorruptionReport
    menu_label = _("Corruption reports")
    menu_icon = "warning"
    inspect_view_fields = [
        "registration_number",
        "received_at",
        "name",
        "contact",
        "text",
        "attachment",
        "status",
        "responsible",
        "internal_notes",
    ]


class ExpertConclusionInbox(SubmissionInboxAdmin):
    model = ExpertConclusion
    menu_label = _("Expert conclusions")
    menu_icon = "doc-full"
    list_display = ("registration_number", "draft", "expert_name", "received_at", "status", "is_published")
    list_filter = ("status", "is_published")
    inspect_view_fields = [
        "registration_number",
        "received_at",
        "draft",
        "expert_name",
        "accreditation",
        "email",
        "text",
        "attachment",
        "status",
        "responsible",
        "internal_notes",
        "is_published",
        "answer",
        "answered_on",
    ]
    # Besides the status, the inbox writes the answer and decides publication of the conclusion with it.
    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("responsible"),
            FieldPanel("internal_notes"),
            FieldPanel("answer"),
            FieldPanel("answered_on"),
            FieldPanel("is_published"),
        ],
        base_form_class=InboxForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("draft")
