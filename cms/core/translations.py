"""Pure-Python message catalogues (Babel): extract, update and check without GNU gettext.

Every first-party app keeps its own catalogue in ``<app>/locale/ru/``; strings of the project-level
templates and settings live in ``locale/ru/``.
"""

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract as extract_messages
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po
from django.apps import apps
from django.conf import settings
from django.utils.translation.template import templatize

LOCALE = "ru"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
SKIPPED_DIRS = {"migrations", "locale", "__pycache__", "tests", "node_modules", ".venv", "var", "bench", "static"}
TEMPLATE_SUFFIXES = {".html", ".txt", ".xml"}
# A translator comment (``# override``) on an entry of the project catalogue that rewords a string of Django or
# Wagtail: ``update`` keeps it though no source of the project contains the string.
OVERRIDE_MARK = "override"


@dataclass
class Domain:
    """One catalogue: the folder whose sources it covers, and those sources."""

    root: Path
    sources: list[Path] = field(default_factory=list)

    @property
    def po_path(self) -> Path:
        return self.root / "locale" / LOCALE / "LC_MESSAGES" / "django.po"

    @property
    def mo_path(self) -> Path:
        return self.po_path.with_suffix(".mo")


def _first_party_app_roots() -> list[Path]:
    base = Path(settings.BASE_DIR).resolve()
    roots = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and path != base and "site-packages" not in path.parts:
            roots.append(path)
    return roots


def domains() -> list[Domain]:
    base = Path(settings.BASE_DIR).resolve()
    app_roots = _first_party_app_roots()
    project = Domain(base)
    by_root = {root: Domain(root) for root in app_roots}
    for path in sorted(base.rglob("*")):
        rel_parts = path.relative_to(base).parts
        if path.is_dir() or any(part in SKIPPED_DIRS or part.startswith(".") for part in rel_parts):
            continue
        if path.suffix != ".py" and path.suffix not in TEMPLATE_SUFFIXES:
            continue
        owner = next((by_root[r] for r in app_roots if path.is_relative_to(r)), project)
        owner.sources.append(path)
    return [project, *by_root.values()]


def _messages_of(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix in TEMPLATE_SUFFIXES:
        if "{%" not in text:
            return
        # templatize() keeps the template's indentation, which Python's tokenizer may reject; calls are one line each.
        text = "\n".join(line.lstrip() for line in templatize(text, origin=str(path)).splitlines())
    yield from extract_messages("python", io.BytesIO(text.encode("utf-8")), keywords=KEYWORDS, strip_comment_tags=True)


def extract(domain: Domain) -> Catalog:
    """The template catalogue of a domain's sources, as ``makemessages`` would build it."""
    catalog = Catalog(locale=None, project="openness-cms", charset="utf-8")
    for path in domain.sources:
        for lineno, message, _comments, context in _messages_of(path):
            catalog.add(message, locations=[(_display(path), lineno)], context=context)
    return catalog


def _display(path: Path) -> str:
    return os.path.relpath(path, Path(settings.BASE_DIR).resolve())


def _as_dict(messages) -> dict:
    def frozen(value):
        return value if isinstance(value, str) else tuple(value)

    def context(value):  # Babel's read_mo returns contexts as bytes
        return value.decode("utf-8") if isinstance(value, bytes) else value

    return {(context(m.context), frozen(m.id)): frozen(m.string) for m in messages if m.id}


def _translated(string) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def _load(path: Path) -> Catalog | None:
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=LOCALE) if path.suffix == ".po" else read_mo(handle)


def problems(domain: Domain) -> list[str]:
    """Untranslated, fuzzy, missing or stale entries of one catalogue, one readable line each."""
    wanted = extract(domain)
    if not len(wanted):
        return []
    po = _load(domain.po_path)
    rel = _display(domain.po_path)
    if po is None:
        return [f"{rel}: missing ({len(wanted)} strings to translate)"]
    found = []
    for message in wanted:
        if not message.id:
            continue
        entry = po.get(message.id, context=message.context)
        where = message.locations[0] if message.locations else ("?", 0)
        label = message.id[0] if isinstance(message.id, tuple) else message.id
        if entry is None:
            found.append(f"{rel}: not in the catalogue: {label!r} ({where[0]}:{where[1]})")
        elif entry.fuzzy or not _translated(entry.string):
            found.append(f"{rel}: untranslated: {label!r} ({where[0]}:{where[1]})")
    mo = _load(domain.mo_path)
    compiled = _as_dict(m for m in po if not m.fuzzy and _translated(m.string))
    if mo is None or _as_dict(mo) != compiled:
        found.append(f"{_display(domain.mo_path)}: out of date with its .po")
    return found


def update(domain: Domain) -> int:
    """Merge new strings into the domain's .po (keeping translations) and recompile its .mo."""
    template = extract(domain)
    if not len(template):
        return 0
    po = _load(domain.po_path) or Catalog(locale=LOCALE, project="openness-cms", charset="utf-8")
    overrides = [message for message in po if message.id and OVERRIDE_MARK in message.user_comments]
    po.update(template, no_fuzzy_matching=True)
    po.obsolete.clear()
    for message in overrides:  # Django's or Wagtail's wording replaced on purpose: no source of ours has it
        if po.get(message.id, context=message.context) is None:
            po[message.id] = message
    domain.po_path.parent.mkdir(parents=True, exist_ok=True)
    with domain.po_path.open("wb") as handle:
        write_po(handle, po, width=100, omit_header=False, sort_output=False)
    with domain.mo_path.open("wb") as handle:
        write_mo(handle, po)
    return sum(1 for m in po if m.id and not _translated(m.string))


def _installed_catalogues() -> list[Path]:
    """The Russian catalogues of every installed app, first-party or not."""
    paths = (Path(config.path) / "locale" / LOCALE / "LC_MESSAGES" / "django.po" for config in apps.get_app_configs())
    return [path for path in paths if path.exists()]


def conflicts(all_domains: list[Domain]) -> list[str]:
    """Strings an app's catalogue translates unlike another installed catalogue.

    Django merges every app's catalogue into one, so only one of the translations would show, in the other
    app's screens too (a «Draft» of one app renaming Wagtail's page status, say). Such strings need a
    ``pgettext`` context or a more exact msgid. The project catalogue (``locale/ru``) is left out: it is
    where deliberate overrides of Django's and Wagtail's wording live.
    """
    ours = [d.po_path for d in all_domains if d.root != Path(settings.BASE_DIR).resolve() and d.sources]
    translations: dict[tuple, dict[Path, object]] = {}
    for path in dict.fromkeys([*ours, *_installed_catalogues()]):
        po = _load(path)
        for key, string in _as_dict(m for m in po if not m.fuzzy and _translated(m.string)).items():
            translations.setdefault(key, {})[path.resolve()] = string
    found = []
    ours = {path.resolve() for path in ours}
    for (context, msgid), by_path in translations.items():
        if len(set(by_path.values())) < 2 or not ours & by_path.keys():
            continue
        label = msgid[0] if isinstance(msgid, tuple) else msgid
        where = f" (context {context!r})" if context else ""
        variants = "; ".join(f"{string!r} in {_display(path)}" for path, string in by_path.items())
        found.append(f"{label!r}{where} is translated differently: {variants}")
    return found
