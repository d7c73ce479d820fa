"""External addresses visible in the pages' stored content, so fetching can start before rendering does.

Rendering 2,000 pages takes a while; the slowest external URLs (timeouts) would otherwise only start when the
page holding them is rendered, adding a tail after the last page. The stored rich text and StreamField data
already hold most `href="https://..."` values, so they are handed to the fetcher first. The rendered page stays
the truth: addresses found only there are fetched when it is rendered, and an address seen here but not in any
rendered page is fetched (once) but reported nowhere.
"""

import html
import re

from django.db import models
from wagtail.fields import StreamField

from transparency_blocks.stored import stored_strings

HREF = re.compile(r"""href\s*=\s*["'](https?://[^"'\s<>]+)["']""", re.IGNORECASE)


def stored_texts(page):
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            value = getattr(page, field.attname, None)
            raw = getattr(value, "raw_data", None)
            if raw is not None:
                yield from stored_strings(list(raw))
        elif isinstance(field, models.TextField):
            value = getattr(page, field.attname, None)
            if value:
                yield value


def external_hrefs(page):
    """The http(s) hrefs in the page's stored text, unescaped as a parser would, without fragments."""
    for text in stored_texts(page):
        if "href" not in text:
            continue
        for match in HREF.finditer(text):
            yield html.unescape(match.group(1)).split("#", 1)[0]
