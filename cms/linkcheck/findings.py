"""Keep findings in step with the latest check of a page: new -> still there (last_seen) -> resolved."""

import hashlib
from dataclasses import dataclass

from django.utils import timezone

from .models import LinkFinding


@dataclass
class Found:
    """A problem seen in this run, before it is matched with what the database already holds."""

    rule: str
    severity: str
    url: str
    link_text: str
    message: str = ""
    occurrences: int = 1  # elements of the content area the checks panel marks for it (see components.py)

    @property
    def key(self):
        raw = f"{self.rule}\x00{self.url}\x00{self.link_text}"
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def sync_findings(pages_found, owners, unknown_urls=None, now=None, dry_run=False):
    """Apply one run's results for a batch of pages; returns (new, resolved) counts.

    pages_found: {page_id: [Found, ...]} for every page checked (an empty list resolves all its findings).
    owners: {page_id: owner_unit_id or None} — routing is denormalised at check time.
    unknown_urls: {page_id: URLs} whose state this run does not know (budget ran out, external checks off): their
    findings about the target (broken, unreachable, blocked) are neither refreshed nor resolved.
    """
    now = now or timezone.now()
    unknown_urls = unknown_urls or {}
    existing = {}
    for finding in LinkFinding.objects.open().filter(page_id__in=list(pages_found)):
        existing[(finding.page_id, finding.key)] = finding
    to_create, to_update, to_resolve, still_there = [], [], [], []
    for page_id, found_list in pages_found.items():
        seen = set()
        for found in found_list:
            key = found.key
            if key in seen:
                continue
            seen.add(key)
            count = found.occurrences
            finding = existing.pop((page_id, key), None)
            if finding is None:
                to_create.append(
                    LinkFinding(
                        page_id=page_id,
                        owner_unit_id=owners.get(page_id),
                        key=key,
                        url=found.url,
                        link_text=found.link_text[:500],
                        rule=found.rule,
                        severity=found.severity,
                        message=found.message,
                        occurrences=count,
                        first_seen=now,
                        last_seen=now,
                    )
                )
            else:
                still_there.append(finding.id)
                changed = (finding.owner_unit_id, finding.message, finding.occurrences) != (
                    owners.get(page_id),
                    found.message,
                    count,
                )
                if changed:
                    finding.owner_unit_id, finding.message, finding.occurrences = (
                        owners.get(page_id),
                        found.message,
                        count,
                    )
                    to_update.append(finding)
    for (page_id, _key), finding in existing.items():
        if finding.rule in LinkFinding.TARGET_KINDS and finding.url in unknown_urls.get(page_id, ()):
            continue
        finding.resolved_at = now
        to_resolve.append(finding)
    if not dry_run:
        LinkFinding.objects.bulk_create(to_create, batch_size=500)
        for start in range(0, len(still_there), 500):
            LinkFinding.objects.filter(id__in=still_there[start : start + 500]).update(last_seen=now)
        LinkFinding.objects.bulk_update(to_update, ["owner_unit", "message", "occurrences"], batch_size=500)
        resolved_ids = [finding.id for finding in to_resolve]
        for start in range(0, len(resolved_ids), 500):
            LinkFinding.objects.filter(id__in=resolved_ids[start : start + 500]).update(resolved_at=now)
    return len(to_create), len(to_resolve)
