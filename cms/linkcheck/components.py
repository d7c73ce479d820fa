"""Admin UI pieces: the dashboard panel, the report menu item, the banner while editing and the checks item."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import conf
from .queries import open_findings_for_page, open_findings_for_user
from .rules import IMAGE_RULES
from .verdicts import RENDER_ERROR, TARGET_KINDS


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
    """before_edit_page: tell the editor (on GET) about the page's current link problems.

    The count is of problem links as the page shows them (a link met twice counts twice), which is what the checks
    panel marks on the page: the two agree.
    """
    if request.method != "GET":
        return None
    findings = list(open_findings_for_page(page.pk))
    if not findings:
        return None
    summary = "; ".join(f"{finding.rule_title}: «{finding.link_text or finding.url}»" for finding in findings[:5]) + (
        "; …" if len(findings) > 5 else ""
    )
    count = marked_count(findings)
    text = ngettext(
        "The link checker found %(count)s problem on this page: %(summary)s. It is marked in the checks panel.",
        "The link checker found %(count)s problems on this page: %(summary)s. They are marked in the checks panel.",
        count,
    ) % {"count": count, "summary": summary}
    report_url = reverse("linkcheck:report") + f"?status=open&page={page.pk}"
    messages.warning(
        request, text, buttons=[messages.button(report_url, _("Link problems of this page in the report"))]
    )
    return None


def marked_count(findings):
    """How many elements the checks panel marks for these findings: one axe rule per kind and address."""
    return sum({(f.rule, f.url): f.occurrences for f in findings}.values())


def css_string(value):
    """A CSS string literal: the value in double quotes, escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ").replace("\r", "")
    return f'"{escaped}"'


class LinkCheckerItem(ContentCheckerItem):
    """Wagtail's checks (the userbar's «Checks», the editor's checks panel) plus the page's open link findings.

    The link rules run server-side on the rendered page (a run of the checker); here each open finding becomes an
    axe rule whose selector picks the finding's links in the content area, so axe counts and marks them with
    Wagtail's own checks. One axe rule per kind of finding and address, named by the kind and the reason.
    axe's selectors know no text, so a rule about link text also marks another link with the same address but a
    fine text; the banner counts what is marked (verdicts.shown_counts), so the two agree.
    """

    CHECK_ID = "linkcheck-finding"

    def __init__(self, page, in_editor=False):
        super().__init__(in_editor=in_editor)
        self.page = page
        self._findings = None

    def findings(self):
        if self._findings is None:
            self._findings = list(open_findings_for_page(self.page.pk)) if self.page and self.page.pk else []
        return self._findings

    def link_rules(self):
        """[(axe rule id, selector, title, help)], one per (kind, address) of the open findings."""
        scope = conf.get("LINKCHECK_CONTENT_SELECTOR") or "body"
        rules, seen = [], set()
        for finding in self.findings():
            if (finding.rule, finding.url) in seen:
                continue
            seen.add((finding.rule, finding.url))
            value = css_string(finding.url)
            if finding.rule == RENDER_ERROR:
                selector = scope
            elif finding.rule in TARGET_KINDS:
                selector = f"{scope} a[href={value}], {scope} area[href={value}], {scope} img[src={value}]"
            elif finding.rule in IMAGE_RULES:
                selector = f"{scope} img[src={value}]"
            else:
                selector = f"{scope} a[href={value}], {scope} area[href={value}]"
            title = f"{finding.rule_title}: {finding.message}" if finding.message else str(finding.rule_title)
            rules.append((f"linkcheck-{finding.pk}", selector, title, str(finding.fix)))
        return rules

    def get_axe_run_only(self, request):
        run_only = super().get_axe_run_only(request)
        if not run_only:  # every axe rule runs, ours included
            return run_only
        return [*run_only, *(rule_id for rule_id, *_rest in self.link_rules())]

    def get_axe_custom_rules(self, request):
        rules = [
            {"id": rule_id, "impact": "serious", "selector": selector, "tags": ["linkcheck"], "none": [self.CHECK_ID]}
            for rule_id, selector, _title, _help in self.link_rules()
        ]
        return [*super().get_axe_custom_rules(request), *({**rule, "enabled": True} for rule in rules)]

    def get_axe_custom_checks(self, request):
        # axe's own «matches» check with the universal selector: true on every element the rule's selector picked,
        # and a rule's «none» checks fail when true, so each such element is reported. A named built-in evaluate
        # keeps the configuration free of JavaScript (and of eval under a Content-Security-Policy).
        check = {"id": self.CHECK_ID, "evaluate": "matches-definition-evaluate", "options": {"matcher": "*"}}
        return [*super().get_axe_custom_checks(request), check]

    def get_axe_messages(self, request):
        messages_ = dict(super().get_axe_messages(request))
        for rule_id, _selector, title, help_text in self.link_rules():
            messages_[rule_id] = {"error_name": title, "help_text": help_text}
        return messages_


def use_link_checker_item(request, items, page):
    """construct_wagtail_userbar: Wagtail's checks item becomes one that also shows the page's link findings.

    Only for saved pages, and only for those who may edit the page (the checks panel is theirs).
    """
    from wagtail.models import Page

    if not (isinstance(page, Page) and page.pk) or request is None:
        return
    if not page.permissions_for_user(request.user).can_edit():
        return
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, LinkCheckerItem):
            items[position] = LinkCheckerItem(page, in_editor=item.in_editor)
