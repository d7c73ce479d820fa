"""cms/core/wagtail_locale: Russian for strings Wagtail ships untranslated, and only for those."""

from pathlib import Path

import polib
import wagtail

ROOT = Path(__file__).resolve().parents[2]
GAPS = ROOT / "cms" / "core" / "wagtail_locale" / "ru" / "LC_MESSAGES" / "django.po"


def wagtail_translations() -> dict[str, str]:
    found = {}
    for po_path in Path(wagtail.__file__).parent.rglob("locale/ru/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(po_path)):
            if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags:
                found[entry.msgid] = entry.msgstr
    return found


def test_each_gap_is_translated_compiled_and_still_a_gap_in_wagtail():
    entries = [e for e in polib.pofile(str(GAPS)) if e.msgid]
    assert entries and all(e.msgstr for e in entries)
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(GAPS.with_suffix(".mo")))}
    assert compiled == {e.msgid: e.msgstr for e in entries}
    translated_by_wagtail = wagtail_translations()
    stale = [e.msgid for e in entries if e.msgid in translated_by_wagtail]
    assert not stale, f"Wagtail translates these now; drop them from {GAPS.name}: {stale}"


def test_the_gap_catalogue_is_used(settings):
    from django.utils import translation

    with translation.override("ru"):
        assert translation.gettext("Actions (footer)") == "Действия (внизу страницы)"
