"""What the checker's verdicts say to an editor: the kinds of link-target findings and a Russian reason for each.

A link's target is fine, broken (the server answers with an error), unreachable (no such host, no connection, no
answer) or blocked (the network guard refused the address): three kinds of finding, each with its own title,
explanation and fix. The reason beside each is built here from plain values (status.py), so no English exception
text reaches an editor; the technical detail goes to the log only.
"""

from collections import Counter
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .rules import IMAGE_RULES, RULES, Rule, Severity
from .status import Reason, UrlStatus

STATUS_LABELS = {
    UrlStatus.OK: gettext_lazy("works"),
    UrlStatus.BROKEN: gettext_lazy("broken"),
    UrlStatus.UNREACHABLE: gettext_lazy("unreachable"),
    UrlStatus.BLOCKED: gettext_lazy("blocked by the network guard"),
    UrlStatus.INVALID: gettext_lazy("invalid address"),
    UrlStatus.UNCHECKED: gettext_lazy("not checked"),
}

BROKEN_LINK, UNREACHABLE_LINK, BLOCKED_LINK, RENDER_ERROR = (
    "broken-link",
    "unreachable-link",
    "blocked-link",
    ("render-error"),
)
# The findings about where a link leads (as opposed to how it is written): their state depends on the target.
TARGET_KINDS = (BROKEN_LINK, UNREACHABLE_LINK, BLOCKED_LINK)
KIND_OF_STATUS = {
    UrlStatus.BROKEN: BROKEN_LINK,
    UrlStatus.INVALID: BROKEN_LINK,
    UrlStatus.UNREACHABLE: UNREACHABLE_LINK,
    UrlStatus.BLOCKED: BLOCKED_LINK,
}

FINDING_KINDS = {
    BROKEN_LINK: Rule(
        BROKEN_LINK,
        Severity.ERROR,
        gettext_lazy("Broken link"),
        gettext_lazy("The link leads to a page, file or address that does not exist: the site answers with an error."),
        gettext_lazy("Correct the address, link to the new location of the material, or remove the link."),
        None,
    ),
    UNREACHABLE_LINK: Rule(
        UNREACHABLE_LINK,
        Severity.ERROR,
        gettext_lazy("Site unreachable"),
        gettext_lazy(
            "The linked site could not be reached: its name is unknown, it refuses connections or does not answer. "
            "It may be down for a while or gone for good."
        ),
        gettext_lazy(
            "Open the link yourself; if the site is gone, link to where the material is now or remove the link. "
            "If it is only down for a while, the next check clears the finding."
        ),
        None,
    ),
    BLOCKED_LINK: Rule(
        BLOCKED_LINK,
        Severity.ERROR,
        gettext_lazy("Link into an internal network"),
        gettext_lazy(
            "The address leads to a private or internal network address. The checker does not connect there, for "
            "safety, and readers outside that network cannot open it either."
        ),
        gettext_lazy("Link to the public address of the material, or remove the link."),
        None,
    ),
    RENDER_ERROR: Rule(
        RENDER_ERROR,
        Severity.ERROR,
        gettext_lazy("Page could not be rendered"),
        gettext_lazy("The page failed to display, so its links could not be checked; citizens may see an error too."),
        gettext_lazy("Open the page preview and correct its content, or ask the site administrator."),
        None,
    ),
}


def describe(kind):
    """The Rule (title, explanation, fix) behind a finding's kind, or None for an unknown one."""
    return FINDING_KINDS.get(kind) or RULES.get(kind)


def kind_title(kind):
    rule = describe(kind)
    return rule.title if rule else kind


def kind_choices():
    """(id, title) of every kind of finding, for filters."""
    return [(r.id, r.title) for r in (*FINDING_KINDS.values(), *RULES.values())]


def status_choices():
    return [(status.value, STATUS_LABELS[status]) for status in UrlStatus]


def _http_reason(code):
    if code in (404, 410):
        return _("the site answers that there is no such page (HTTP %(code)s)") % {"code": code}
    if code in (401, 403):
        return _("the site refuses access to the page (HTTP %(code)s)") % {"code": code}
    if code and code >= 500:
        return _("the site's server fails to answer the page (HTTP %(code)s)") % {"code": code}
    return _("the site refuses the request (HTTP %(code)s)") % {"code": code}


def explain(result):
    """A Russian sentence saying why this URL is not fine (in the active language), from plain values only."""
    host = urlsplit(result.url).hostname or result.url
    reason = result.reason
    if reason == Reason.HTTP_ERROR:
        return _http_reason(result.http_status)
    texts = {
        Reason.REDIRECT_LOOP: _("the site redirects in a loop and never shows a page"),
        Reason.TOO_MANY_REDIRECTS: _("the site redirects too many times in a row"),
        Reason.NO_SUCH_HOST: _("there is no site named «%(host)s»: the name does not resolve"),
        Reason.REFUSED: _("the server «%(host)s» refuses connections"),
        Reason.TIMEOUT: _("the site «%(host)s» did not answer in time"),
        Reason.TLS: _("the secure connection to «%(host)s» failed: its certificate is not valid"),
        Reason.FAILED: _("the connection to «%(host)s» failed"),
        Reason.PRIVATE_ADDRESS: _("«%(host)s» is a private or internal network address"),
        Reason.NOT_HTTP: _("this is not a valid web address"),
        Reason.BUDGET: _("not checked: the run's time ran out"),
        Reason.CHECKER_ERROR: _("not checked: the checker failed (see the server log)"),
    }
    text = texts.get(reason)
    if text is None:
        return str(STATUS_LABELS.get(result.status, result.status))
    return text % {"host": host}


def shown_counts(links):
    """shown(kind of finding, href): how many elements of the content area the checks panel marks for it.

    The panel picks elements by address (components.LinkCheckerItem): for a finding about the target every link,
    image or area with that address; for a rule about images the images with that source; for the other rules the
    links with that address. The banner counts the same, so the two agree.
    """
    by_kind = {"link": Counter(), "image": Counter()}
    for link in links:
        by_kind[link.kind][link.href] += 1

    def shown(kind, href):
        if kind in TARGET_KINDS:
            return by_kind["link"][href] + by_kind["image"][href]
        return by_kind["image" if kind in IMAGE_RULES else "link"][href]

    return shown
