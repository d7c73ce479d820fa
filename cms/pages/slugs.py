"""Latin slugs from Russian titles, transliterated as the rubric data file spells its URLs.

`WAGTAIL_ALLOW_UNICODE_SLUGS = False` keeps URLs Latin, but Wagtail then needs help in two places:
- in the browser, the slug field transliterates with Wagtail's own Russian table (х → x, ц → c, щ → shh, й → j);
  `SLUG_FORMATTERS` (a `SlugInput` option) rewrites the letters where the site's convention differs before
  Wagtail's table runs, so /munitsipalnye-pravovye-akty/ and not /municipalnye-pravovye-akty/;
- on the server, Wagtail's fallback for an empty slug is Django's `slugify`, which drops Cyrillic altogether;
  `slugify_ru` gives the same result as the browser.
The convention is the one of data/rubrics.yaml (close to the passport/BGN style): ё → yo, й → y, х → kh, ц → ts,
щ → shch, ъ and ь dropped.
"""

import re

from django.utils.text import slugify
from wagtail.admin.widgets import SlugInput

TRANSLITERATION = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip

# The letters Wagtail's own Russian table spells differently; the rest it already spells as above.
_WAGTAIL_DIFFERS = {"й": "y", "х": "kh", "ц": "ts", "щ": "shch"}
SLUG_FORMATTERS = [(f"[{letter}{letter.upper()}]", latin, "g") for letter, latin in _WAGTAIL_DIFFERS.items()]

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify_ru(text: str, max_length: int = 255) -> str:
    """«Порядок приёма граждан» → "poryadok-priyoma-grazhdan"; other scripts as Django's slugify does."""
    latin = "".join(TRANSLITERATION.get(char, char) for char in (text or "").lower())
    return _NOT_SLUG.sub("-", slugify(latin)).strip("-")[:max_length].rstrip("-")


def russian_slug_input() -> SlugInput:
    """Wagtail's slug widget, transliterating as `slugify_ru` does."""
    return SlugInput(formatters=SLUG_FORMATTERS, locale="ru")
