"""Citizen forms of the section, on the shared submissions mechanism."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.submissions.forms import SubmissionForm

from .models import CorruptionReport, ExpertConclusion


class CorruptionReportForm(SubmissionForm):
    class Meta:
        model = CorruptionReport
        fields = ["name", "contact", "text", "attachment"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "text": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {"attachment": _("Optional: PDF, DOC, DOCX, ODT, RTF, TXT, JPG or PNG, at most 10 MB.")}


class ExpertConclusionForm(SubmissionForm):
    class Meta:
        model = ExpertConclusion
        fields = ["expert_name", "accreditation", "email", "text", "attachment"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "text": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {"attachment": _("The signed conclusion: PDF, DOC, DOCX, ODT or RTF, at most 10 MB.")}
