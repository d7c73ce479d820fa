"""The benchmark tables in Markdown, and their place in bench/README.md (between marker comments)."""

import datetime
import os
import platform
from pathlib import Path


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}×" if a and b else "–"


def _broken(side: dict) -> str:
    c = side["comparison"]
    verdict = "exact" if c["exact"] else f"missed {c['missed']}, extra {c['extra']}"
    return f"{c['found']} / {c['truth']} ({verdict})"


def _targets(side: dict) -> str:
    c = side["comparison"]
    verdict = "exact" if c["targets_exact"] else f"missed {c['targets_missed']}, extra {c['targets_extra']}"
    return f"{c['targets_found']} / {c['targets_truth']} ({verdict})"


def _load(side: dict | None) -> str:
    load = (side or {}).get("load")
    return f"{load[0]:.1f} / {load[1]:.1f}" if load else "–"


def _peak_per_host(side: dict) -> int:
    return max(side["hosts"].get("peak_connections", {}).values(), default=0)


def render_table(results: dict) -> str:
    truth = results["truth"]
    links = truth["links"]
    lc, pr = results.get("linkchecker"), results["project"]
    cfg = results["config"]
    started = results.get("started") or f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M}"
    lines = [
        f"Run {started} UTC on {platform.machine()}, "
        f"{_cpu_count()} CPUs: {cfg['pages']} pages, {links} links ({truth['distinct_links']} distinct page/target "
        f"pairs, {truth['distinct_external_urls']} distinct external URLs on {cfg['hosts']} hosts), "
        f"{truth['broken']} broken pairs in the ground truth; timeout {cfg['timeout']} s for both. "
        f"Site generated in {results['generate_seconds']:.1f} s.",
        "",
        "| | LinkChecker | project `check_links` | project vs LinkChecker |",
        "|---|---|---|---|",
    ]
    lc_s = lc["seconds"] if lc else 0
    lc_rate = links / lc_s if lc_s else 0
    pr_rate = links / pr["seconds"] if pr["seconds"] else 0
    lines += [
        f"| wall time | {lc_s:.1f} s | {pr['seconds']:.1f} s | {_ratio(lc_s, pr['seconds'])} faster |",
        f"| links per second | {lc_rate:.0f} | {pr_rate:.0f} | {_ratio(pr_rate, lc_rate)} |",
        f"| peak memory (RSS, process tree) | {lc['peak_mb'] if lc else 0:.0f} MB"
        f" (+ {lc['server_peak_mb'] if lc else 0:.0f} MB gunicorn serving the site) | {pr['peak_mb']:.0f} MB | |",
        f"| broken links (page, target) found / ground truth | {_broken(lc) if lc else '–'} | {_broken(pr)} | |",
        f"| broken targets (distinct URLs) found / ground truth | {_targets(lc) if lc else '–'} | {_targets(pr)} | |",
        f"| peak connections to one host | {_peak_per_host(lc) if lc else '–'} | {_peak_per_host(pr)} | |",
        f"| 1-min load average before / after (other work on the machine) | {_load(lc)} | {_load(pr)} | |",
        f"| incremental re-run, unchanged site | – | {pr['incremental_seconds']:.1f} s "
        f"({100 * pr['incremental_seconds'] / pr['seconds']:.1f} % of full; "
        f"{pr['incremental_requests']} HTTP requests) | |",
    ]
    for name, side in (("LinkChecker", lc), ("check_links", pr)):
        if side and not side["comparison"]["exact"]:
            c = side["comparison"]
            lines.append(
                f"\n{name} missed by kind: {c['missed_by_kind'] or '-'}; extra by kind: {c['extra_by_kind'] or '-'}"
            )
    return "\n".join(lines)


def _cpu_count() -> int:
    return os.cpu_count() or 0


def write_readme(path: Path, section: str, table: str) -> None:
    """Replace the text between <!-- section:start --> and <!-- section:end --> (appended if absent)."""
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{start}\n{table}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = f"{text.rstrip()}\n\n{block}\n"
    path.write_text(text, encoding="utf-8")
