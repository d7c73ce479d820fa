"""Broken-link sets of the ground truth, LinkChecker's CSV output and the project checker's findings, made comparable.

A link is identified by (page path, target) where the target is the full URL for the external test hosts and the
site path (with any #fragment) for the site itself, whatever host name each tool put in front of it.
"""

import csv
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

SITE_KINDS = ("page", "page_fragment", "fragment", "document", "missing_fragment", "missing_page", "missing_document")


def normalise(url: str, base: str, site_netloc: str) -> str:
    """``url`` resolved against ``base``; site URLs lose their scheme and host."""
    absolute = urljoin(base, url)
    parts = urlsplit(absolute)
    if parts.netloc in (site_netloc, "localhost", "testserver", "") or parts.netloc.startswith("localhost:"):
        return (
            parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        )
    return absolute


def load_ground_truth(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def truth_sets(rows: list[dict], site: str) -> tuple[set, set, dict]:
    """(all links, broken links, kind by target) as (page path, normalised target) pairs."""
    netloc = urlsplit(site).netloc
    links, broken, kinds = set(), set(), {}
    for row in rows:
        key = (row["source"], normalise(row["href"], site + row["source"], netloc))
        links.add(key)
        kinds[key[1]] = row["kind"]
        if row["broken"]:
            broken.add(key)
    return links, broken, kinds


def linkchecker_broken(csv_path: Path, site: str) -> tuple[set, int]:
    """Pairs LinkChecker reported invalid, or whose #anchor it found missing (AnchorCheck only warns); rows seen."""
    netloc = urlsplit(site).netloc
    lines = [line for line in csv_path.read_text(encoding="utf-8", errors="replace").splitlines() if line]
    rows = list(csv.DictReader([line for line in lines if not line.startswith("#")], delimiter=";"))
    broken = set()
    for row in rows:
        parent = row.get("parentname") or ""
        anchor_missing = "anchor" in (row.get("warningstring") or "").lower()
        if row.get("valid") == "False" or anchor_missing:
            target = row.get("urlname") or row.get("url") or ""
            # LinkChecker names the parent as it first reached it, sometimes through a link with a #fragment.
            source = normalise(parent, site, netloc).split("#")[0] if parent else ""
            broken.add((source, normalise(target, parent or site, netloc)))
    return broken, len(rows)


def project_broken(findings: list[dict], site: str) -> set:
    """Open broken-link findings of the project checker: dicts with page_url and url."""
    netloc = urlsplit(site).netloc
    return {
        (normalise(f["page_url"], site, netloc), normalise(f["url"], site + f["page_url"], netloc)) for f in findings
    }


def compare(found: set, truth: set, kinds: dict) -> dict:
    """Missed and extra links, overall and by kind, plus the same at the level of distinct targets."""
    missed, extra = truth - found, found - truth

    def by_kind(pairs):
        counts = {}
        for _source, target in pairs:
            kind = kinds.get(target, "other")
            counts[kind] = counts.get(kind, 0) + 1
        return dict(sorted(counts.items()))

    truth_targets = {target for _s, target in truth}
    found_targets = {target for _s, target in found}
    return {
        "found": len(found),
        "truth": len(truth),
        "missed": len(missed),
        "extra": len(extra),
        "missed_by_kind": by_kind(missed),
        "extra_by_kind": by_kind(extra),
        "targets_found": len(found_targets),
        "targets_truth": len(truth_targets),
        "targets_missed": len(truth_targets - found_targets),
        "targets_extra": len(found_targets - truth_targets),
        "targets_exact": truth_targets == found_targets,
        "exact": not missed and not extra,
        "missed_sample": sorted(missed)[:5],
        "extra_sample": sorted(extra)[:5],
    }
