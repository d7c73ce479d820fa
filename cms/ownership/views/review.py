"""«Отметить как проверенную»: confirm (GET), record (POST). Only someone who may edit the page may do it."""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from cms.ownership.services import is_owned, mark_reviewed


@require_http_methods(["GET", "POST"])
def mark_reviewed_view(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    # A plain 403 rather than PermissionDenied, which the admin turns into a redirect to the dashboard.
    if not is_owned(page) or not page.permissions_for_user(request.user).can_edit():
        return HttpResponseForbidden(_("You may not mark this page as reviewed: you cannot edit it."))
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        mark_reviewed(page, request.user)
        messages.success(
            request, _("Page “%(title)s” is marked as reviewed.") % {"title": page.get_admin_display_title()}
        )
        return redirect(next_url)
    return TemplateResponse(request, "ownership/mark_reviewed_confirm.html", {"page": page, "next_url": next_url})
