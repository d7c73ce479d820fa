"""The shape of a synthetic site: its rubric tree and the links of every page, decided before any write.

Everything here is pure and seeded, so the same arguments always give the same site and the same ground truth
(which links are broken) for the link-checker benchmark.
"""

import math
import random
from dataclasses import dataclass, field

MIN_FANOUT = 10
MAX_FANOUT = 30
AVERAGE_CHILDREN = 20

# Endpoints of the benchmark's test-host server (bench/hosts.py): kind -> (weight, distinct N values, broken?).
# Few distinct "hang" and "slow" URLs: each costs a whole timeout (or a second) per checker, whatever its speed.
EXTERNAL_KINDS = {
    "ok": (60, 60, False),
    "redirect": (10, 20, False),
    "slow": (3, 5, False),
    "missing": (12, 40, True),
    "error": (8, 20, True),
    "hang": (2, 3, True),
    "loop": (5, 10, True),
}

# Kinds of links inside the site: kind -> (weight, broken?). "external" covers EXTERNAL_KINDS above.
LINK_KINDS = {
    "page": (30, False),  # Wagtail page link <a linktype="page">
    "page_fragment": (2, False),  # another page's existing anchor (#main, in base.html)
    "fragment": (3, False),  # this page's existing anchor
    "document": (5, False),  # Wagtail document link <a linktype="document">
    "missing_fragment": (1, True),  # an anchor that exists nowhere
    "missing_page": (1.5, True),  # a site path that no page serves
    "missing_document": (0.5, True),  # a document URL that no document serves
    "external": (57, None),
}
EXISTING_ANCHOR = "main"


@dataclass
class PlannedPage:
    """One page to create; ``parent`` is an index into the plan, or None for the generated root."""

    index: int
    kind: str  # "rubric" or "information"
    parent: int | None
    position: int  # 1-based position among its parent's children (the treebeard path step)
    children: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class PlannedLink:
    """A link of an InformationPage; ``target`` is a plan index, document number, or external (host, kind, n)."""

    kind: str
    target: object
    broken: bool


def plan_tree(pages: int, rng: random.Random) -> list[PlannedPage]:
    """Rubrics fan out ~10-30 breadth-first; information pages are spread evenly over the leaf rubrics."""
    rubric_count = max(1, round(pages / (AVERAGE_CHILDREN + 1)))
    plan = [PlannedPage(index=0, kind="rubric", parent=None, position=1)]
    frontier = 0
    while len(plan) < rubric_count:
        parent = plan[frontier]
        for _ in range(min(rng.randint(MIN_FANOUT, MAX_FANOUT), rubric_count - len(plan))):
            _add_child(plan, parent, "rubric")
        frontier += 1
    leaves = [page for page in plan if not page.children]
    information_count = pages - len(plan)
    per_leaf = math.ceil(information_count / len(leaves)) if information_count else 0
    for leaf in leaves:
        for _ in range(min(per_leaf, pages - len(plan))):
            _add_child(plan, leaf, "information")
    return plan


def _add_child(plan: list[PlannedPage], parent: PlannedPage, kind: str) -> None:
    child = PlannedPage(index=len(plan), kind=kind, parent=parent.index, position=len(parent.children) + 1)
    parent.children.append(child.index)
    plan.append(child)


def plan_links(
    page_count: int, links_per_page: int, external_hosts: int, document_count: int, rng: random.Random
) -> list[PlannedLink]:
    """The links of one information page, drawn by weight from LINK_KINDS and EXTERNAL_KINDS."""
    kinds = [kind for kind in LINK_KINDS if kind != "document" or document_count]
    weights = [LINK_KINDS[kind][0] for kind in kinds]
    external_names = list(EXTERNAL_KINDS)
    external_weights = [EXTERNAL_KINDS[name][0] for name in external_names]
    links = []
    for kind in rng.choices(kinds, weights, k=links_per_page):
        if kind == "external" and external_hosts:
            name = rng.choices(external_names, external_weights)[0]
            _weight, distinct, broken = EXTERNAL_KINDS[name]
            target = (rng.randrange(external_hosts), name, rng.randrange(distinct))
            links.append(PlannedLink(kind="external", target=target, broken=broken))
        elif kind in ("page", "page_fragment"):
            links.append(PlannedLink(kind=kind, target=rng.randrange(page_count), broken=False))
        elif kind == "document":
            links.append(PlannedLink(kind=kind, target=rng.randrange(document_count), broken=False))
        elif kind == "external":  # no hosts asked for: an internal link instead
            links.append(PlannedLink(kind="page", target=rng.randrange(page_count), broken=False))
        else:
            links.append(PlannedLink(kind=kind, target=rng.randrange(1_000_000), broken=LINK_KINDS[kind][1]))
    return links
