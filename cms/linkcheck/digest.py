"""The link checker's section of the ownership review digest: the open findings of the person's pages."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import LinkFinding
from .queries import SEVERITY_RANK

DIGEST_LIMIT = 50


def describe(finding):
    """«Page title: rule title — «link text» (url)» as one plain-text line."""
    target = f"«{finding.link_text}» ({finding.url})" if finding.link_text else finding.url
    return f"{finding.page.title}: {finding.rule_title} — {target}"


def open_findings_section(user, pages):
    """DigestSection of the open findings on `pages` (errors first), or None when there are none."""
    from cms.ownership.digest import DigestSection

    page_ids = [page.pk for page in pages]
    if not page_ids:
        return None
    findings = (
        LinkFinding.objects.open()
        .filter(page_id__in=page_ids)
        .select_related("page")
        .annotate(severity_rank=SEVERITY_RANK)
        .order_by("severity_rank", "page__path", "id")
    )
    rows = list(findings[: DIGEST_LIMIT + 1])
    if not rows:
        return None
    total = findings.count() if len(rows) > DIGEST_LIMIT else len(rows)
    lines = [describe(finding) for finding in rows[:DIGEST_LIMIT]]
    if total > DIGEST_LIMIT:
        lines.append(_("… and %(count)s more in the link checker report.") % {"count": total - DIGEST_LIMIT})
    title = ngettext("%(count)s link problem on your pages", "%(count)s link problems on your pages", total) % {
        "count": total
    }
    return DigestSection(title=title, lines=lines)
