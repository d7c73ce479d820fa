"""Text helpers: Latin slugs from Russian questions, plain text from rich text."""

import re

from django.utils.html import strip_tags
from django.utils.text import slugify

# GOST 7.79-2000 system B without diacritics, as the rubric slugs of data/rubrics.yaml are written.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip

SLUG_MAX_WORDS_LENGTH = 80


def latin_slug(text: str, max_length: int = SLUG_MAX_WORDS_LENGTH) -> str:
    """A readable Latin slug of ``text``, cut at a word boundary («Как записаться?» -> kak-zapisatsya)."""
    latin = "".join(_TRANSLIT.get(char, char) for char in text.lower())
    slug = slugify(latin)
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "vopros"


def plain_text(html: str) -> str:
    """Rich text as one line of plain text (for JSON-LD, exports and excerpts)."""
    return re.sub(r"\s+", " ", strip_tags(html or "")).strip()
