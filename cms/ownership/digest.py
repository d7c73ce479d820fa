"""Sections other apps add to a person's review digest e-mail, without ownership importing them.

An app registers a provider, typically in its ``AppConfig.ready()`` or ``wagtail_hooks.py``::

    from cms.ownership.digest import DigestSection, register_digest_section

    @register_digest_section
    def broken_links(user, pages):
        lines = [...]  # one line per finding, plain text
        return DigestSection(title="Broken links", lines=lines) if lines else None

``pages`` is every live page the person answers for (as the named official or as an editor of the owner unit),
as ``wagtail.models.Page`` objects (not ``.specific``), soonest due first, each with ``page.review_state`` (its
``cms.ownership.models.Ownership``: owner_unit, official, review_rule, last_reviewed_at, review_due) and
``page.review_status``
(``cms.ownership.rules.ReviewStatus``: ``"overdue"``, ``"due_soon"``, ``"current"`` or ``"no_owner"``) already
loaded, so a provider needs no query per page.
The digest lists the due and overdue ones itself; a provider returns a section, or None when it has nothing
to say. A digest is sent to a person when any section has lines. A provider that raises is logged and skipped,
so one app's bug never blocks the reminders.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass
class DigestSection:
    """A titled block of plain-text lines in the digest e-mail."""

    title: str
    lines: list[str] = field(default_factory=list)


DigestProvider = Callable[[object, list], "DigestSection | None"]

_providers: list[DigestProvider] = []


def register_digest_section(provider: DigestProvider) -> DigestProvider:
    """Add ``provider(user, pages) -> DigestSection | None`` to every digest; usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def unregister_digest_section(provider: DigestProvider) -> None:
    """Remove a provider (for tests and for apps that turn a section off)."""
    if provider in _providers:
        _providers.remove(provider)


def registered_providers() -> list[DigestProvider]:
    return list(_providers)


def collect_sections(user, pages: list) -> list[DigestSection]:
    """The non-empty sections every registered provider contributes for this person."""
    sections = []
    for provider in list(_providers):
        try:
            section = provider(user, pages)
        except Exception:
            logger.exception("Digest section provider %r failed for user %s", provider, getattr(user, "pk", None))
            continue
        if section is not None and section.lines:
            sections.append(section)
    return sections
