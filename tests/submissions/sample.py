"""A concrete submission type used only by these tests (its table is created by this package's conftest.py)."""

from django.db import models
from django.urls import include, path

from cms.submissions.admin import SubmissionInboxAdmin
from cms.submissions.forms import SubmissionForm
from cms.submissions.models import Submission, SubmissionAttachmentMixin


class SampleSubmission(SubmissionAttachmentMixin, Submission):
    registration_prefix = "ТС"
    inbox_group_name = "Тест: входящие"

    name = models.CharField("name", max_length=200)
    contact = models.CharField("contact", max_length=200)
    text = models.TextField("text")

    class Meta(Submission.Meta):
        app_label = "submissions"
        # Its table is made by tests/submissions/conftest.py; unmanaged, so no migration, database serialisation
        # (serialized_rollback) or flush ever looks for it before then.
        managed = False


class SampleForm(SubmissionForm):
    class Meta:
        model = SampleSubmission
        fields = ["name", "contact", "text", "attachment"]


class SampleInbox(SubmissionInboxAdmin):
    model = SampleSubmission
    inspect_view_fields = ["registration_number", "received_at", "name", "text", "attachment", "status"]


def sample_view(request):
    from django.http import HttpResponse
    from django.template import engines

    from cms.submissions.services import handle_submission, pop_receipt

    outcome = handle_submission(request, SampleForm, scope="sample")
    if outcome.redirect:
        return outcome.redirect
    context = {"form": outcome.form, "receipt": pop_receipt(request, "sample")}
    template = engines["django"].from_string(
        "{% if receipt %}{% include 'submissions/includes/receipt.html' %}{% endif %}"
        "{% include 'submissions/includes/form.html' %}"
    )
    return HttpResponse(template.render(context, request), status=outcome.status)


def urlpatterns_with_inbox():
    from cms.urls import urlpatterns

    return [
        path("admin/", include(list(SampleInbox().get_admin_urls_for_registration()))),
        path("sample-form/", sample_view, name="sample_form"),
        *urlpatterns,
    ]
