"""Inbox action: a citizen's question becomes a draft FAQ entry (confirm with GET, act with POST)."""

from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.faq.inbox import FaqQuestionPermissionHelper
from cms.faq.models import FaqQuestion
from cms.faq.questions import make_draft_entry


def _edit_url(entry) -> str:
    return reverse("wagtailsnippets_faq_faqentry:edit", args=[entry.pk])


@require_http_methods(["GET", "POST"])
def question_to_entry(request, pk: int):
    question = get_object_or_404(FaqQuestion.objects.select_related("entry"), pk=pk)
    permissions = FaqQuestionPermissionHelper(FaqQuestion)
    if not (permissions.user_can_edit_obj(request.user, question) and request.user.has_perm("faq.add_faqentry")):
        return HttpResponseForbidden(_("You may not make FAQ entries from this question."))
    if question.entry_id:
        return redirect(_edit_url(question.entry))
    if request.method == "POST":
        entry = make_draft_entry(question, user=request.user)
        return redirect(_edit_url(entry))
    return TemplateResponse(request, "faq/admin/question_to_entry.html", {"question": question})
