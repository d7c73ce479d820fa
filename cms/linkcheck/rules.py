"""The link accessibility rules: each has an id, a severity, an explanation and a fix (Russian via the catalogue).

A rule is a function `check(links, page_url) -> iterable of (link, detail)`; rules are registered in RULES and
can be switched off with LINKCHECK_DISABLED_RULES. Extra ambiguous phrases come from
LINKCHECK_EXTRA_AMBIGUOUS_PHRASES. The findings about where a link leads (broken, unreachable, blocked) are
described in verdicts.py; this module imports nothing else of the app but its settings.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from . import conf


class Severity(TextChoices):
    ERROR = "error", _("error")
    WARNING = "warning", _("warning")
    NOTICE = "notice", _("notice")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str
    explanation: str
    fix: str
    check: object


RULES = {}


def rule(rule_id, severity, title, explanation, fix):
    def register(func):
        RULES[rule_id] = Rule(rule_id, severity, title, explanation, fix, func)
        return func

    return register


def enabled_rules():
    disabled = set(conf.get("LINKCHECK_DISABLED_RULES"))
    return [r for r in RULES.values() if r.id not in disabled]


def normalise_text(value):
    """Lower case, ё as е, punctuation and extra spaces dropped: «Подробнее…» == «подробнее»."""
    value = (value or "").lower().replace("ё", "е")
    value = re.sub(r"[^\w\s]", " ", value)
    return re.sub(r"\s+", " ", value).strip()


AMBIGUOUS_PHRASES = (
    "здесь",
    "тут",
    "там",
    "сюда",
    "подробнее",
    "подробно",
    "далее",
    "читать далее",
    "читать дальше",
    "читать полностью",
    "дальше",
    "ещё",
    "еще",
    "перейти",
    "по ссылке",
    "ссылка",
    "нажмите",
    "нажмите здесь",
    "кликните здесь",
    "скачать",
    "открыть",
    "узнать больше",
    "click here",
    "here",
    "more",
    "read more",
    "learn more",
    "link",
    "this link",
    "download",
)


def ambiguous_phrases():
    return {normalise_text(p) for p in (*AMBIGUOUS_PHRASES, *conf.get("LINKCHECK_EXTRA_AMBIGUOUS_PHRASES"))}


DOCUMENT_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "rtf", "zip", "rar")
# «240 КБ», «1,2 МБ», «3.5 MB», «15 Кбайт», «800 байт», «2 MiB».
_SIZE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:[кkмmгgтt]i?[бb]|[кмгт]?байт\w*|[бb]|bytes?)\b", re.IGNORECASE)
# A scheme or www., or a domain name (its last label letters only, so «ст.5/2» is not one) alone or with a path.
_RAW_URL = re.compile(
    r"^(?:(?:https?|ftp)://|www\.)\S+$|^(?:[\w-]+\.)+(?:[a-z]{2,}|рф|рус)(?:[/:?#]\S*)?$", re.IGNORECASE
)
NEW_WINDOW_WARNINGS = (
    "новом окне",
    "новой вкладке",
    "новое окно",
    "новую вкладку",
    "new window",
    "new tab",
)


def document_extension(href):
    path = unquote(urlsplit(href).path).lower()
    if "." not in path.rsplit("/", 1)[-1]:
        return ""
    ext = path.rsplit(".", 1)[-1]
    return ext if ext in DOCUMENT_EXTENSIONS else ""


def same_target_key(href, page_url):
    """«/a», «/a/», «a/» (from /) and «/a/#part» all lead to one page."""
    target = urljoin(page_url or "/", href.split("#", 1)[0]) or page_url
    return target.rstrip("/") or "/"


def _links(links):
    return [link for link in links if link.kind == "link"]


@rule(
    "no-name",
    Severity.ERROR,
    _("Link without an accessible name"),
    _("A screen reader announces this link only as «link»: it has no text, no aria-label and no image with alt."),
    _("Write link text that says where it leads, or give the image inside the link an alt text."),
)
def check_no_name(links, page_url):
    return [(link, "") for link in _links(links) if not link.name]


@rule(
    "ambiguous-text",
    Severity.WARNING,
    _("Ambiguous link text"),
    _("Text such as «here» or «read more» does not say where the link leads when read on its own."),
    _("Replace it with text naming the target, e.g. «Regulation on the council (PDF, 240 KB)»."),
)
def check_ambiguous(links, page_url):
    phrases = ambiguous_phrases()
    return [(link, "") for link in _links(links) if link.name and normalise_text(link.name) in phrases]


@rule(
    "raw-url",
    Severity.WARNING,
    _("Raw address as link text"),
    _("A screen reader spells out the address character by character; it tells the reader little."),
    _("Use a short description of the target as the link text instead of its address."),
)
def check_raw_url(links, page_url):
    return [(link, "") for link in _links(links) if link.name and _RAW_URL.match(link.name.strip())]


@rule(
    "same-text-different-targets",
    Severity.WARNING,
    _("Same text, different targets"),
    _("Links with the same text lead to different places on this page, so a reader cannot tell them apart."),
    _("Make the texts differ so that each says where its link leads."),
)
def check_same_text(links, page_url):
    groups = defaultdict(list)
    for link in _links(links):
        if link.name and link.href:
            groups[normalise_text(link.name)].append(link)
    found = []
    for group in groups.values():
        targets = {same_target_key(link.href, page_url) for link in group}
        if len(targets) > 1:
            found.extend((link, "") for link in group)
    return found


@rule(
    "document-format-size",
    Severity.WARNING,
    _("Document link without format and size"),
    _("A link to a file should say its format and size, so a reader knows what will download."),
    _("Add the format and size to the link text, e.g. «Regulation (PDF, 240 KB)»."),
)
def check_document(links, page_url):
    found = []
    for link in _links(links):
        ext = document_extension(link.href)
        if not ext:
            continue
        has_format = re.search(rf"\b{ext}\b", link.name, re.IGNORECASE)
        has_size = _SIZE.search(link.name)
        if not has_format and not has_size:
            found.append((link, _("neither the format nor the size is given")))
        elif not has_format:
            found.append((link, _("the format is not given")))
        elif not has_size:
            found.append((link, _("the size is not given")))
    return found


@rule(
    "new-window-no-warning",
    Severity.WARNING,
    _("New window without warning"),
    _("The link opens a new window or tab without saying so, which disorients screen reader users."),
    _("Add «(opens in a new window)» to the link text or its aria-label, or open the link in the same window."),
)
def check_new_window(links, page_url):
    found = []
    for link in _links(links):
        if link.target and link.target.lower() not in ("_self", "_parent", "_top"):
            name = normalise_text(link.name)
            if not any(phrase in name for phrase in NEW_WINDOW_WARNINGS):
                found.append((link, ""))
    return found


@rule(
    "image-no-alt",
    Severity.ERROR,
    _("Image without alt"),
    _("The image has no alt attribute, so a screen reader reads its file name or nothing."),
    _("Describe the image in its alt text, or give it an empty alt if it is purely decorative."),
)
def check_image_alt(links, page_url):
    return [(link, "") for link in links if link.kind == "image" and not link.has_alt]


IMAGE_RULES = frozenset({"image-no-alt"})  # rules about <img> elements; the others are about links


def apply_rules(links, page_url=""):
    """(rule, link, detail) for every enabled rule that fires on these links."""
    for item in enabled_rules():
        for link, detail in item.check(links, page_url):
            yield item, link, detail
