"""bootstrap_site: builds the tree from a data file, adds only what is missing, never overwrites editors' work."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Revision

from cms.ownership.rules import ReviewRule
from cms.pages.models import HomePage, InformationPage, RubricKey, RubricPage, UnitsPage
from cms.snippets.models import ResponsibleUnit

# A small but complete data file: two units, two sections, the units page and an anti-corruption section.
MINI_DATA = """\
version: 1
units:
  - code: unit-a
    name: Управление А
    short_name: Управление А
    head: И. И. Иванов
    email: a@zato-sibirsky.example
    duties: <p>Размещает информацию раздела А.</p>
  - code: unit-b
    name: Управление Б
    email: b@zato-sibirsky.example
fz8_categories:
  - id: "1"
    title: Общая информация
roadmap:
  - number: "1"
    title: Информационная открытость
    items:
      - number: "1.1"
        text: Размещение информации раздела А.
        cadence: в течение года
        units: [unit-a]
      - number: "1.2"
        text: Размещение информации раздела Б.
        cadence: ежеквартально
        units: [unit-b]
rubrics:
  - slug: razdel-a
    type: RubricPage
    title: Раздел А
    owners: [unit-a]
    cadence: в течение года
    roadmap: ["1.1"]
    intro: Всё о разделе А.
    children:
      - slug: stranitsa-a
        type: InformationPage
        title: Страница А
        owners: [unit-a, unit-b]
        cadence: в течение 3 дней с момента внесения изменений
        roadmap: ["1.1"]
        fz8: ["1"]
        demo: [Пример текста страницы А.]
  - slug: razdel-b
    type: RubricPage
    title: Раздел Б
    owners: [unit-b]
    cadence: ежеквартально
    roadmap: ["1.2"]
    children:
      - slug: stranitsa-b
        type: InformationPage
        title: Страница Б
        owners: [unit-b]
        cadence: 2 квартал 2018 года
        roadmap: ["1.2"]
  - slug: otvetstvennye
    type: UnitsPage
    title: Ответственные
    owners: [unit-a]
    cadence: по мере необходимости
  - slug: protivodeystvie-korruptsii
    type: RubricPage
    title: Противодействие коррупции
    owners: [unit-a]
    cadence: ежегодно
    anticorruption: true
"""


@pytest.fixture
def mini_data(tmp_path) -> Path:
    path = tmp_path / "rubrics.yaml"
    path.write_text(MINI_DATA, encoding="utf-8")
    return path


def bootstrap(*args, data=None, verbosity=1) -> str:
    out = StringIO()
    options = ["--data", str(data)] if data else []
    call_command("bootstrap_site", *args, *options, stdout=out, verbosity=verbosity)
    return out.getvalue()


def snapshot():
    """What a rerun must not change: every page with its place and title, and the number of revisions."""
    pages = sorted(Page.objects.values_list("pk", "path", "title", "slug", "live"))
    return pages, Revision.objects.count(), ResponsibleUnit.objects.count(), Group.objects.count()


def page_for(key):
    return RubricKey.objects.get(key=key).page.specific


@pytest.mark.django_db
def test_builds_units_groups_tree_and_review_rules(mini_data):
    output = bootstrap(data=mini_data)

    assert "Done:" in output
    home = HomePage.objects.get()
    section = page_for("razdel-a")
    page = page_for("razdel-a/stranitsa-a")
    assert isinstance(section, RubricPage) and section.get_parent().pk == home.pk
    assert isinstance(page, InformationPage) and page.get_parent().pk == section.pk
    assert isinstance(page_for("otvetstvennye"), UnitsPage)
    assert page.live and page.title == "Страница А" and page.url == "/razdel-a/stranitsa-a/"
    unit_a = ResponsibleUnit.objects.get(slug="unit-a")
    assert page.owner_unit == unit_a  # the first listed unit owns the page
    assert (page.review_rule, page.review_interval_days) == (ReviewRule.ON_CHANGE, 3)
    assert page.review_cadence_text == "в течение 3 дней с момента внесения изменений"
    assert str(page_for("razdel-b/stranitsa-b").review_fixed_date) == "2018-06-30"
    assert unit_a.editors_group.name == "Редакторы: Управление А"
    assert unit_a.editors_group.permissions.filter(codename="access_admin").exists()
    assert home.anticorruption_page_id == page_for("protivodeystvie-korruptsii").pk
    assert section.search_description == "Всё о разделе А."
    assert len(page.body) == 0 and section.intro == ""  # content only with --demo
    assert [p.title for p in home.main_rubrics()] == [
        "Раздел А",
        "Раздел Б",
        "Ответственные",
        "Противодействие коррупции",
    ]


@pytest.mark.django_db
def test_the_output_is_a_summary_not_a_line_per_page(mini_data):
    output = bootstrap("--demo", data=mini_data)
    (line,) = output.strip().splitlines()
    assert line.startswith(
        "Done: 2 unit(s) with their editor groups, 6 edit-rights grant(s), 8 page(s) created, "
        "1 home page created, 3 other change(s)"
    )
    # The content areas' demo data is counted on the same line, never listed item by item.
    assert line.endswith("demo item(s) of the content areas.") or line.endswith("other change(s).")
    dry = bootstrap("--dry-run", data=mini_data)
    assert dry.strip() == "Nothing to do: the site already matches the data file."


@pytest.mark.django_db
def test_every_listed_owner_group_may_edit_the_rubric(mini_data):
    bootstrap(data=mini_data)
    page = page_for("razdel-a/stranitsa-a")
    groups = set(GroupPagePermission.objects.filter(page=page).values_list("group__name", "permission__codename"))
    assert groups == {
        (group, f"{action}_page")
        for group in ("Редакторы: Управление А", "Редакторы: Управление Б")
        for action in ("add", "change", "publish")
    }


@pytest.mark.django_db
def test_second_run_changes_nothing(mini_data):
    bootstrap("--demo", data=mini_data)
    before = snapshot()

    output = bootstrap("--demo", data=mini_data)

    assert "Nothing to do" in output
    assert snapshot() == before


@pytest.mark.django_db
def test_dry_run_prints_the_plan_and_writes_nothing(mini_data):
    before = snapshot()

    output = bootstrap("--dry-run", "--demo", data=mini_data, verbosity=2)

    assert snapshot() == before
    assert "+ unit «Управление А» (unit-a)" in output
    assert "+ RubricPage «Раздел А» (razdel-a)" in output
    assert "nothing written" in output
    assert not RubricKey.objects.exists()


@pytest.mark.django_db
def test_dry_run_after_a_run_reports_nothing_to_do(mini_data):
    bootstrap(data=mini_data)
    assert "Nothing to do" in bootstrap("--dry-run", data=mini_data)


@pytest.mark.django_db
def test_editors_changes_survive_a_rerun_and_missing_rubrics_come_back(mini_data):
    bootstrap(data=mini_data)
    page_a = page_for("razdel-a/stranitsa-a")
    # An editor retitles and fills page A, moves it into section B, and deletes page B.
    page_a.title = "Страница А (обновлено)"
    page_a.body = [{"type": "paragraph", "value": "<p>Текст редактора.</p>"}]
    page_a.save_revision().publish()
    page_a.move(page_for("razdel-b"), pos="last-child")
    deleted_pk = page_for("razdel-b/stranitsa-b").pk
    Page.objects.get(pk=deleted_pk).delete()
    revisions_of_a = Revision.page_revisions.filter(object_id=str(page_a.pk)).count()

    output = bootstrap("--demo", data=mini_data, verbosity=2)

    page_a = InformationPage.objects.get(pk=page_a.pk)
    assert page_a.title == "Страница А (обновлено)"
    assert page_a.get_parent().pk == page_for("razdel-b").pk
    assert page_a.body[0].value.source == "<p>Текст редактора.</p>"
    assert InformationPage.objects.filter(slug="stranitsa-a").count() == 1  # not recreated at its old place
    restored = page_for("razdel-b/stranitsa-b")
    assert restored.pk != deleted_pk and restored.get_parent().pk == page_for("razdel-b").pk
    assert "+ InformationPage «Страница Б» (razdel-b/stranitsa-b)" in output
    assert "razdel-a/stranitsa-a" not in output
    assert Revision.page_revisions.filter(object_id=str(page_a.pk)).count() == revisions_of_a
    assert "Nothing to do" in bootstrap("--demo", data=mini_data)


@pytest.mark.django_db
def test_demo_fills_only_empty_pages_and_settings(mini_data, home_page):
    from wagtail.models import Site

    from cms.pages.models import SiteSettings

    bootstrap(data=mini_data)
    section = page_for("razdel-a")
    section.intro = "<p>Введение редактора.</p>"
    section.save_revision().publish()

    bootstrap("--demo", data=mini_data)

    assert page_for("razdel-a").intro == "<p>Введение редактора.</p>"
    filled = page_for("razdel-a/stranitsa-a")
    assert [block.block_type for block in filled.body][:1] == ["paragraph"]
    assert "Пример текста страницы А." in filled.body[0].value.source
    # Citizens get the page's content; the roadmap item's own words are for editors (the editor's basis panel).
    assert "Размещение информации раздела А." not in str(filled.body)
    assert "Срок исполнения" not in str(filled.body) and "дорожной карты" not in str(filled.body)
    from cms.pages.bootstrap.loader import load_site_data
    from cms.pages.panels import roadmap_basis

    basis = roadmap_basis(filled, load_site_data(mini_data))
    assert [item["text"] for item in basis["items"]] == ["Размещение информации раздела А."]
    assert "Всё о разделе А." not in page_for("razdel-b").intro and page_for("razdel-b").intro
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.postal_address == "658970, Алтайский край, ЗАТО Сибирский, ул. Гоголя, 5"
    assert settings.phone and settings.email and settings.working_hours


@pytest.mark.django_db
def test_unpublished_or_drafted_pages_are_not_filled_by_demo(mini_data):
    bootstrap(data=mini_data)
    draft = page_for("razdel-a/stranitsa-a")
    draft.title = "Черновик"
    draft.save_revision()  # a draft in progress
    taken_down = page_for("razdel-b/stranitsa-b")
    taken_down.unpublish()

    bootstrap("--demo", data=mini_data)

    draft = InformationPage.objects.get(pk=draft.pk)
    assert len(draft.body) == 0 and draft.get_latest_revision_as_object().title == "Черновик"
    assert not InformationPage.objects.get(pk=taken_down.pk).live


@pytest.mark.django_db
def test_an_existing_page_at_the_rubric_slug_is_adopted_not_duplicated(mini_data, home_page):
    existing = home_page.add_child(instance=RubricPage(title="Раздел А, созданный вручную", slug="razdel-a"))

    output = bootstrap(data=mini_data)

    assert "adopt" in output
    assert page_for("razdel-a").pk == existing.pk
    assert page_for("razdel-a").title == "Раздел А, созданный вручную"
    assert RubricPage.objects.filter(slug="razdel-a").count() == 1


@pytest.mark.django_db
def test_the_real_data_file_builds_every_section_and_category(home_page):
    from cms.pages.bootstrap.loader import load_site_data

    data = load_site_data()
    bootstrap()

    live_keys = set(RubricKey.objects.filter(page__live=True).values_list("key", flat=True))
    served_items = {n for _, spec in data.walk() if spec.key in live_keys for n in spec.roadmap}
    served_categories = {c for _, spec in data.walk() if spec.key in live_keys for c in spec.fz8}
    assert {number.split(".")[0] for number in served_items} == {str(n) for n in range(1, 11)}
    assert served_items == {item.number for item in data.roadmap_items}
    assert served_categories == {"1", "2", "3", "4", "5", "6", "7", "8", "9a", "9b", "9c"}
    section = HomePage.objects.get().anticorruption_page
    assert section.slug == "protivodeystvie-korruptsii"
    assert [child.title for child in section.get_children()] == [
        "Нормативные правовые и иные акты в сфере противодействия коррупции",
        "Антикоррупционная экспертиза",
        "Методические материалы",
        "Формы документов, связанных с противодействием коррупции, для заполнения",
        "Сведения о доходах, расходах, об имуществе и обязательствах имущественного характера",
        "Комиссия по соблюдению требований к служебному поведению и урегулированию конфликта интересов",
        "Обратная связь для сообщений о фактах коррупции",
        "Доклады, отчеты, обзоры, статистическая информация по вопросам противодействия коррупции",
    ]
    assert set(ResponsibleUnit.objects.values_list("slug", flat=True)) == {
        "administratsiya",
        "sovet-deputatov",
        "glavnyy-yuriskonsult",
        "glavnyy-ekonomist",
        "upravlenie-informresursov",
        "strukturnye-podrazdeleniya",
    }


@pytest.mark.django_db
def test_the_real_data_file_with_demo_is_idempotent_and_every_page_renders(client):
    bootstrap("--demo")
    before = snapshot()

    assert "Nothing to do" in bootstrap("--demo")
    assert snapshot() == before
    for page in Page.objects.live().filter(depth__gt=2):
        assert client.get(page.url).status_code == 200, page.url
    assert all(len(page.body) > 0 for page in InformationPage.objects.all())
