"""A link's target, classified once per run: the one value the run's later phases read."""

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    INTERNAL = "internal"  # a page, document or file of this installation: resolved without HTTP
    EXTERNAL = "external"  # another server: fetched over HTTP
    MAILTO = "mailto"
    TEL = "tel"
    SKIP = "skip"  # javascript:, data:, ftp: ... are not checked


@dataclass(frozen=True, slots=True)
class Target:
    kind: Kind
    address: str  # internal: site-relative path («//host:port/path» on another site); external: URL, no fragment
    fragment: str = ""


@dataclass(frozen=True, slots=True)
class PageLink:
    """One link of a rendered page with its target: what resolve, judge and store read."""

    link: object  # extract.Link
    target: Target
