"""Admin UI pieces: the dashboard panel, the report menu item and the note shown while editing a page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import BaseItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from .queries import open_findings_for_page, open_findings_for_user


class OpenFindingsPanel(Component):
    """Open link problems routed to the user's units (errors first)."""

    name = "linkcheck_open_findings"
    template_name = "linkcheck/panels/open_findings.html"
    order = 120
    limit = 10

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        findings = open_findings_for_user(self.request.user)
        return {
            "findings": list(findings[: self.limit]),
            "total": findings.count(),
            "report_url": reverse("linkcheck:report") + "?status=open",
            "request": self.request,
        }


class LinkReportMenuItem(MenuItem):
    """«Проверка ссылок» in the Reports menu, for anyone with a page permission."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


def warn_about_open_findings(request, page):
    """before_edit_page: tell the editor (on GET) about the page's current link problems."""
    if request.method != "GET":
        return None
    findings = list(open_findings_for_page(page.pk)[:6])
    if not findings:
        return None
    summary = "; ".join(f"{finding.rule_title}: «{finding.link_text or finding.url}»" for finding in findings[:5]) + (
        "; …" if len(findings) > 5 else ""
    )
    count = open_findings_for_page(page.pk).count() if len(findings) > 5 else len(findings)
    text = ngettext(
        "The link checker found %(count)s problem on this page: %(summary)s.",
        "The link checker found %(count)s problems on this page: %(summary)s.",
        count,
    ) % {"count": count, "summary": summary}
    report_url = reverse("linkcheck:report") + f"?status=open&page={page.pk}"
    messages.warning(request, text, buttons=[messages.button(report_url, _("Details"))])
    return None


class LinkFindingsUserbarItem(BaseItem):
    """«N problems with links on this page» in the userbar of a live page, for those who may edit it."""

    template_name = "linkcheck/userbar/item_findings.html"

    def __init__(self, page):
        self.page = page

    def render_html(self, parent_context):
        request = parent_context.get("request")
        if request is None or getattr(request, "in_preview_panel", False):
            return ""
        if not self.page.permissions_for_user(request.user).can_edit():
            return ""
        self.count = open_findings_for_page(self.page.pk).count()
        return super().render_html(parent_context) if self.count else ""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["count"] = self.count
        context["report_url"] = reverse("linkcheck:report") + f"?status=open&page={self.page.pk}"
        return context


def add_userbar_item(request, items, page):
    """construct_wagtail_userbar: only for saved pages (not snippets or other views)."""
    from wagtail.models import Page

    if isinstance(page, Page) and page.pk:
        items.append(LinkFindingsUserbarItem(page))
