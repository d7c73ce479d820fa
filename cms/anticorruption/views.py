"""Admin views of the section: the disclosure import (all-or-nothing) and its templates."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from . import deadlines
from .disclosures import export, importer
from .models import DisclosureCampaign

MAX_IMPORT_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    campaign = forms.ModelChoiceField(
        label=_("Reporting year"), queryset=DisclosureCampaign.objects.all(), empty_label=None
    )
    file = forms.FileField(
        label=_("File (XLSX or CSV)"),
        help_text=_("All rows of the chosen year are replaced by the file's rows, only if the whole file is valid."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


def _check(user):
    if not (user.has_perm("anticorruption.add_disclosurerow") and user.has_perm("anticorruption.delete_disclosurerow")):
        raise PermissionDenied


def import_disclosures(request):
    _check(request.user)
    errors = []
    form = ImportForm(request.POST or None, request.FILES or None, initial={"campaign": request.GET.get("campaign")})
    if request.method == "POST" and form.is_valid():
        campaign = form.cleaned_data["campaign"]
        try:
            count = importer.import_file(campaign, form.cleaned_data["file"])
        except importer.ImportFailed as failure:
            errors = failure.errors
        else:
            deadlines.disclosures_changed(campaign.year, _("rows imported"))
            messages.success(
                request, _("%(count)s rows imported into %(year)s.") % {"count": count, "year": campaign.year}
            )
            return redirect("anticorruption_import")
    counts = dict(DisclosureCampaign.objects.annotate(n=Count("rows")).order_by("-year").values_list("year", "n"))
    status = 400 if errors or form.errors else 200
    return TemplateResponse(
        request,
        "anticorruption/admin/import.html",
        {
            "form": form,
            "errors": errors,
            "counts": counts,
            "page_title": _("Import disclosures"),
            "header_title": _("Import disclosures"),
            "header_icon": "upload",
        },
        status=status,
    )


def import_template(request, fmt):
    _check(request.user)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return export.template_response(fmt)
