"""«Задать вопрос»: the citizen's form, routing to the owning unit, and turning a question into a draft entry."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.faq.models import FaqEntry, FaqQuestion
from cms.faq.owners import give_entry_an_owner, unit_of
from cms.submissions.forms import SubmissionForm
from cms.submissions.models import SubmissionStatus

SCOPE = "faq-question"


def topic_choices():
    """The site's live rubrics a question may be about, in the order of the tree."""
    return (
        Page.objects.live()
        .public()
        .filter(content_type__app_label="pages", content_type__model="rubricpage")
        .order_by("path")
    )


class FaqQuestionForm(SubmissionForm):
    category = forms.ModelChoiceField(
        label=_("topic"), queryset=Page.objects.none(), required=False, empty_label=_("— not sure —")
    )

    class Meta:
        model = FaqQuestion
        fields = ["name", "email", "category", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6, "maxlength": 2000})}

    def __init__(self, *args, faq_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.faq_page = faq_page
        self.fields["category"].queryset = topic_choices()
        self.fields["email"].help_text = _("Only to answer you; it is never published.")

    def save(self, commit=True):
        question = super().save(commit=False)
        # The owner of the chosen topic answers; without a topic, the owner of the FAQ page.
        question.owner_unit = unit_of(question.category) or unit_of(self.faq_page)
        if commit:
            question.save()
        return question


def make_draft_entry(question: FaqQuestion, user=None) -> FaqEntry:
    """A draft FAQ entry from a citizen's question: the question text only, never who asked it."""
    if question.entry_id:
        return question.entry
    with transaction.atomic():
        text = " ".join(question.text.split())
        entry = FaqEntry(question=text[:500], answer="", category=question.category, live=False)
        entry.save()
        # The answer is still to be written: the draft is saved unvalidated; the editor's form requires one.
        entry.save_revision(user=user, log_action=True, clean=False)
        give_entry_an_owner(entry, unit=question.owner_unit)
        question.entry = entry
        if question.status == SubmissionStatus.NEW:
            question.status = SubmissionStatus.IN_PROGRESS
        question.save(update_fields=["entry", "status"])
    return entry
