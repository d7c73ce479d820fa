"""Registrations only: the logic lives in components, views and queries."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import admin_urls
from .components import LinkReportMenuItem, OpenFindingsPanel, use_link_checker_item, warn_about_open_findings
from .pagelinks import RunCachedPageLinkHandler, pages_for_links


@hooks.register("register_admin_urls")
def register_linkcheck_urls():
    return [path("linkcheck/", include(admin_urls, namespace="linkcheck"))]


@hooks.register("register_reports_menu_item")
def register_link_report_menu_item():
    return LinkReportMenuItem(
        _("Link check"), reverse("linkcheck:report"), name="link-check", icon_name="link", order=1060
    )


@hooks.register("construct_homepage_panels")
def add_open_findings_panel(request, panels):
    panels.append(OpenFindingsPanel(request))


@hooks.register("before_edit_page")
def show_open_findings_while_editing(request, page):
    return warn_about_open_findings(request, page)


@hooks.register("construct_wagtail_userbar")
def show_open_findings_in_checks(request, items, page):
    use_link_checker_item(request, items, page)


@hooks.register("batch_render")
def share_page_links_in_batch_render(pages):
    return pages_for_links(pages)


@hooks.register("register_rich_text_features", order=10)  # after Wagtail's own «page» link type
def register_run_cached_page_links(features):
    features.register_link_type(RunCachedPageLinkHandler)
