from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po
from django.core.management import CommandError, call_command

from cms.core import translations
from cms.core.translations import Domain, conflicts, domains, problems, update


def make_domain(tmp_path: Path) -> Domain:
    (tmp_path / "views.py").write_text(
        "from django.utils.translation import gettext_lazy as _, ngettext, pgettext_lazy\n"
        'A = _("Overdue pages")\n'
        'B = ngettext("%(n)s page", "%(n)s pages", 3)\n'
        'C = pgettext_lazy("review status", "Current")\n',
        encoding="utf-8",
    )
    (tmp_path / "panel.html").write_text('{% load i18n %}<h2>{% translate "Due soon" %}</h2>', encoding="utf-8")
    return Domain(tmp_path, sources=[tmp_path / "views.py", tmp_path / "panel.html"])


def test_update_then_translate_everything_leaves_no_problem(tmp_path):
    domain = make_domain(tmp_path)
    assert update(domain) == 4
    assert any("untranslated: 'Overdue pages'" in line for line in problems(domain))

    from babel.messages.pofile import read_po

    with domain.po_path.open("rb") as handle:
        catalog = read_po(handle, locale="ru")
    translations = {
        "Overdue pages": "Просроченные страницы",
        "Due soon": "Скоро срок",
        "Current": "Актуальна",
    }
    for message in catalog:
        if isinstance(message.id, tuple):
            message.string = ("%(n)s страница", "%(n)s страницы", "%(n)s страниц")
        elif message.id:
            message.string = translations[message.id]
    assert catalog.get("Current", context="review status") is not None
    with domain.po_path.open("wb") as handle:
        write_po(handle, catalog)
    # Translated in the .po but not compiled yet: only the stale .mo is reported.
    assert [line.split(": ", 1)[1] for line in problems(domain)] == ["out of date with its .po"]
    with domain.mo_path.open("wb") as handle:
        write_mo(handle, catalog)
    assert problems(domain) == []


def test_a_new_string_in_the_source_is_reported(tmp_path):
    domain = make_domain(tmp_path)
    domain.po_path.parent.mkdir(parents=True)
    with domain.po_path.open("wb") as handle:
        write_po(handle, Catalog(locale="ru"))
    found = problems(domain)
    assert any("not in the catalogue: 'Due soon'" in line and "panel.html:1" in line for line in found)


def test_every_app_has_its_own_catalogue():
    roots = {d.root.name for d in domains()}
    assert {"ownership", "pages", "snippets", "linkcheck", "transparency_blocks"} <= roots


@pytest.mark.django_db
def test_the_project_catalogues_are_complete():
    # The same check `make lint` runs; kept in the suite so a PostgreSQL run checks it too.
    try:
        call_command("check_translations")
    except CommandError as error:  # pragma: no cover - shows what is missing
        pytest.fail(str(error))


def test_indented_templates_are_read(tmp_path):
    (tmp_path / "list.html").write_text(
        '{% load i18n %}\n<ul>\n    {% for x in items %}\n        <li>{% translate "Open findings" %}</li>\n'
        "  {% endfor %}\n</ul>\n",
        encoding="utf-8",
    )
    domain = Domain(tmp_path, sources=[tmp_path / "list.html"])
    assert update(domain) == 1
    assert any("untranslated: 'Open findings'" in line for line in problems(domain))


def catalogue(root: Path, entries) -> Domain:
    """A domain at ``root`` with one source and a .po holding ``entries`` of (context, msgid, translation)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "views.py").write_text("", encoding="utf-8")
    domain = Domain(root, sources=[root / "views.py"])
    catalog = Catalog(locale="ru")
    for context, msgid, string in entries:
        catalog.add(msgid, string, context=context)
    domain.po_path.parent.mkdir(parents=True, exist_ok=True)
    with domain.po_path.open("wb") as handle:
        write_po(handle, catalog)
    return domain


def test_a_string_translated_unlike_an_installed_catalogue_is_reported(tmp_path, monkeypatch):
    ours = catalogue(tmp_path / "acts", [(None, "Draft", "Проект"), (None, "Search", "Поиск")])
    vendor = catalogue(tmp_path / "vendor", [(None, "Draft", "Черновик"), (None, "Search", "Поиск")])
    monkeypatch.setattr(translations, "_installed_catalogues", lambda: [vendor.po_path])

    found = conflicts([ours])
    assert len(found) == 1  # «Search» agrees
    assert found[0].startswith("'Draft' is translated differently")
    assert "'Проект'" in found[0] and "'Черновик'" in found[0]

    # A context keeps the draft act apart from the vendor's draft: nothing left to report.
    catalogue(tmp_path / "acts", [("draft act", "Draft", "Проект"), (None, "Search", "Поиск")])
    assert conflicts([ours]) == []


def test_two_of_our_catalogues_disagreeing_are_reported(tmp_path, monkeypatch):
    faq = catalogue(tmp_path / "faq", [(None, "your name", "ваше имя"), ("status", "New", "Новый")])
    reports = catalogue(
        tmp_path / "reports", [(None, "your name", "ваши фамилия, имя, отчество"), ("status", "New", "Новое")]
    )
    monkeypatch.setattr(translations, "_installed_catalogues", lambda: [])

    found = sorted(conflicts([faq, reports]))
    assert len(found) == 2
    assert found[0].startswith("'New' (context 'status') is translated differently")
    assert found[1].startswith("'your name' is translated differently")
    assert "'ваше имя'" in found[1] and "'ваши фамилия, имя, отчество'" in found[1]


def test_update_keeps_marked_overrides_of_wagtails_wording_and_drops_other_strings_gone_from_the_source(tmp_path):
    from babel.messages.pofile import read_po

    domain = make_domain(tmp_path)
    update(domain)
    with domain.po_path.open("rb") as handle:
        catalog = read_po(handle, locale="ru")
    catalog.add("Add %(model_name)s", "Добавить: %(model_name)s", user_comments=["override"])
    catalog.add("A string no source has any more", "Строка, которой больше нет")
    with domain.po_path.open("wb") as handle:
        write_po(handle, catalog)
    update(domain)
    with domain.po_path.open("rb") as handle:
        updated = read_po(handle, locale="ru")
    assert updated.get("Add %(model_name)s").string == "Добавить: %(model_name)s"
    assert updated.get("A string no source has any more") is None
    assert updated.get("Overdue pages") is not None
