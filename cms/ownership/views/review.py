"""«Отметить как проверенную»: confirm (GET), record (POST), for a page or a registry entry.

Allowed to whoever answers for the object (``queries.RESPONSIBLE_PATHS``), to anyone who may edit it, and to
superusers.
"""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.utils import get_valid_next_url_from_request

from cms.ownership.models import Ownership
from cms.ownership.queries import records_answered_by
from cms.ownership.writer import mark_reviewed


def may_mark_reviewed(user, record: Ownership) -> bool:
    if user.is_superuser or records_answered_by(user).filter(pk=record.pk).exists():
        return True
    if record.page_id is not None:
        return record.page.specific.permissions_for_user(user).can_edit()
    model = record.content_type.model_class()
    return model is not None and user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


@require_http_methods(["GET", "POST"])
def mark_reviewed_view(request, record_id: int):
    record = get_object_or_404(Ownership.objects.select_related("page", "content_type"), pk=record_id)
    # A plain 403 rather than PermissionDenied, which the admin turns into a redirect to the dashboard.
    if not may_mark_reviewed(request.user, record):
        return HttpResponseForbidden(_("You may not mark this as reviewed: you neither answer for it nor edit it."))
    obj = record.page.specific if record.page_id is not None else record.owned_object
    next_url = get_valid_next_url_from_request(request) or record.admin_edit_url
    if request.method == "POST":
        mark_reviewed(obj, request.user)
        messages.success(request, _("“%(title)s” is marked as reviewed.") % {"title": record.title})
        return redirect(next_url)
    return TemplateResponse(
        request, "ownership/mark_reviewed_confirm.html", {"record": record, "title": record.title, "next_url": next_url}
    )
