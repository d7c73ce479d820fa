"""Rich text for API clients: display HTML whose links and images work from any host (absolute URLs)."""

import re

from wagtail.rich_text import expand_db_html

from transparency_blocks.rich_text import add_file_labels

# A root-relative URL in an href/src attribute (not a protocol-relative //host/...).
_RELATIVE = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"', re.IGNORECASE)


def base_url_of(request) -> str:
    """Scheme and host the request was served on: URLs in answers point back at the same host."""
    return f"{request.scheme}://{request.get_host()}"


def absolutize(html: str, base: str) -> str:
    """Prefix root-relative ``href``/``src`` attributes with ``base`` (scheme://host)."""
    if not html or not base:
        return html
    return _RELATIVE.sub(lambda m: f'{m.group(1)}{base}{m.group(2)}"', html)


def display_html(html: str, base: str, *, expand: bool = False) -> str:
    """HTML as a citizen sees it: document links labelled with format and size, every URL absolute.

    ``expand`` turns database HTML (``<a linktype="page" id="3">``) into display HTML first.
    """
    if expand:
        html = expand_db_html(html)
    return absolutize(add_file_labels(html), base)


def absolutize_tree(value, base: str):
    """Apply ``display_html`` to every HTML string inside a StreamField's API representation."""
    if isinstance(value, str):
        return display_html(value, base) if "<" in value else value
    if isinstance(value, list):
        return [absolutize_tree(item, base) for item in value]
    if isinstance(value, dict):
        return {key: absolutize_tree(item, base) for key, item in value.items()}
    return value
