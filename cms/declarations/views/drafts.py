"""Draft acts: the index by stage, the annual list of socially significant drafts, one draft's page."""

from django import forms
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.declarations.stages import Stage
from cms.declarations.views.discussion import discussion_context


class StageFilterForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", _("All stages"))] + list(Stage.choices)


def draft_index(page, request):
    drafts = list(page.drafts())
    form = StageFilterForm(request.GET or None)
    if form.is_bound and form.is_valid() and form.cleaned_data["stage"]:
        drafts = [d for d in drafts if d.current_stage == form.cleaned_data["stage"]]
    elif form.is_bound and not form.is_valid():
        drafts = []
    open_now = [d for d in drafts if d.discussion_window.is_open()]
    others = [d for d in drafts if not d.discussion_window.is_open()]
    years = significant_years(page)
    return page.render(
        request,
        context_overrides={
            "open_drafts": open_now,
            "other_drafts": others,
            "stage_form": form,
            "significant_years": years,
            "significant_url": page.url + page.reverse_subpage("significant_latest") if years else "",
        },
    )


def significant_years(page) -> list[int]:
    from cms.declarations.models import DraftActPage

    years = (
        DraftActPage.objects.child_of(page)
        .live()
        .public()
        .filter(socially_significant=True, list_year__isnull=False)
        .values_list("list_year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def significant_list(page, request, year=None):
    years = significant_years(page)
    if year is None:
        current = timezone.localdate().year
        year = current if current in years else (years[0] if years else None)
    if year is None or year not in years:
        raise Http404("No list of socially significant drafts for this year")
    drafts = [d for d in page.drafts() if d.socially_significant and d.list_year == year]
    drafts.sort(key=lambda d: d.title)
    year_links = [
        {"year": y, "url": page.url + page.reverse_subpage("significant", kwargs={"year": y}), "current": y == year}
        for y in years
    ]
    return page.render(
        request,
        template="declarations/significant_list.html",
        context_overrides={"list_year": year, "significant_drafts": drafts, "year_links": year_links},
    )


def draft_context(page, request) -> dict:
    return {
        "timeline": page.timeline(),
        "stage_label": page.current_stage_label,
        **discussion_context(page, request),
    }
