"""The income disclosures subsection: one accessible table per reporting year, with downloads."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .disclosures import DisclosureCampaign
from .pages import SectionPage

DOWNLOAD_FORMATS = ("csv", "xlsx", "json")


class DisclosuresPage(RoutablePageMixin, SectionPage):
    """``/`` shows the latest year, ``/<year>/`` any year, ``/<year>/<csv|xlsx|json>/`` downloads it."""

    template = "anticorruption/disclosures_page.html"

    class Meta:
        verbose_name = _("income disclosures")
        verbose_name_plural = _("income disclosures pages")

    def campaigns(self):
        # Every year stays listed; a suspended year shows its legal basis instead of the table.
        return list(DisclosureCampaign.objects.order_by("-year"))

    def _render_year(self, request, campaign, campaigns):
        from ..disclosures.html import render_body
        from ..disclosures.table import build_table
        from .disclosures import Relation

        context = self.get_context(request)
        base = self.get_url(request)
        table = build_table(campaign) if campaign is not None and campaign.is_published else None
        context.update(
            campaign=campaign,
            campaigns=campaigns,
            table=table,
            table_body=render_body(table, dict(Relation.choices)) if table else "",
            downloads=[
                (fmt, base + self.reverse_subpage("download", args=[campaign.year, fmt])) for fmt in DOWNLOAD_FORMATS
            ]
            if campaign is not None and campaign.is_published
            else [],
            year_links=[(c, base + self.reverse_subpage("year", args=[c.year])) for c in campaigns],
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("")
    def latest(self, request):
        campaigns = self.campaigns()
        return self._render_year(request, campaigns[0] if campaigns else None, campaigns)

    @path("<int:year>/")
    def year(self, request, year):
        campaigns = self.campaigns()
        campaign = next((c for c in campaigns if c.year == year), None)
        if campaign is None:
            raise Http404
        return self._render_year(request, campaign, campaigns)

    @path("<int:year>/<str:fmt>/")
    def download(self, request, year, fmt):
        from ..disclosures import export

        if fmt not in DOWNLOAD_FORMATS:
            raise Http404
        campaign = DisclosureCampaign.objects.filter(year=year, is_published=True).first()
        if campaign is None:
            raise Http404
        return export.response(campaign, fmt, page_url=self.full_url or "")
