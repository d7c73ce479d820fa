"""What a run produces: each rendered page with its classified links, the problem links, the summary."""

from dataclasses import dataclass, field


@dataclass
class RenderedPage:
    page_id: int
    owner_unit_id: int | None
    site: object
    url: str
    links: list = field(default_factory=list)  # [PageLink]
    anchors: frozenset = frozenset()
    error: str = ""


@dataclass(frozen=True)
class Problem:
    """A link whose target is not fine, for the command's listing: kind title, address and the reason."""

    kind: str
    url: str
    reason: str
    page_url: str


@dataclass
class Summary:
    pages: int = 0
    links: int = 0
    urls_fetched: int = 0
    broken: int = 0
    unchecked: int = 0
    findings_new: int = 0
    findings_resolved: int = 0
    render_errors: int = 0
    seconds: float = 0.0
    run_id: int | None = None
    broken_urls: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # [Problem], one per problem target and page
