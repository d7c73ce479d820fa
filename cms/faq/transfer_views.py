"""Admin views: download the FAQ as XLSX/CSV, upload a file of entries (all-or-nothing)."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cms.faq import transfer
from cms.faq.models import FaqEntry

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _may(user, action: str) -> bool:
    return user.has_perm(f"faq.{action}_faqentry")


def export_view(request, file_format: str):
    if not (_may(request.user, "change") or _may(request.user, "view")):
        return HttpResponseForbidden(_("You may not export the FAQ."))
    entries = FaqEntry.objects.order_by("question")
    body = transfer.export_xlsx(entries) if file_format == "xlsx" else transfer.export_csv(entries)
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="faq-{stamp}.{file_format}"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "XLSX or CSV with the columns of the export. Rows with an existing address update that entry."
        ),
    )
    publish = forms.BooleanField(label=gettext_lazy("Publish the imported entries"), required=False)


@require_http_methods(["GET", "POST"])
def import_view(request):
    user = request.user
    if not (_may(user, "add") and _may(user, "change")):
        return HttpResponseForbidden(_("You may not import FAQ entries."))
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["publish"] and not _may(user, "publish"):
            form.add_error("publish", _("You may not publish FAQ entries."))
        else:
            upload = form.cleaned_data["file"]
            try:
                result = transfer.import_entries(
                    upload.name, upload.read(), user=user, publish=form.cleaned_data["publish"]
                )
            except transfer.ImportFailed as failure:
                errors = failure.errors
            else:
                messages.success(
                    request,
                    _("Import done: %(created)s new, %(updated)s updated, %(published)s published.")
                    % {"created": result.created, "updated": result.updated, "published": result.published},
                )
                return redirect("wagtailsnippets_faq_faqentry:list")
    return TemplateResponse(request, "faq/admin/import.html", {"form": form, "errors": errors})
