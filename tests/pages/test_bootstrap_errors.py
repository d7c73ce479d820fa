"""A malformed data file stops bootstrap_site before any write, with one line naming the file, entry and field."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from cms.pages.models import RubricPage
from cms.snippets.models import ResponsibleUnit

from .test_bootstrap import MINI_DATA, snapshot


def broken(tmp_path, old, new, count=1):
    assert old in MINI_DATA, old
    path = tmp_path / "broken.yaml"
    path.write_text(MINI_DATA.replace(old, new, count), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "entry", "field", "problem"),
    [
        (
            "type: InformationPage\n        title: Страница А",
            "type: NewsPage\n        title: Страница А",
            "rubric 'razdel-a/stranitsa-a'",
            "type",
            "unknown page type 'NewsPage'",
        ),
        ("    title: Раздел Б\n", "", "rubric 'razdel-b'", "title", "is missing"),
        (
            "owners: [unit-b]\n    cadence: ежеквартально",
            "owners: [unit-x]\n    cadence: ежеквартально",
            "rubric 'razdel-b'",
            "owners",
            "unknown unit 'unit-x'",
        ),
        (
            "cadence: 2 квартал 2018 года",
            "cadence: когда-нибудь",
            "rubric 'razdel-b/stranitsa-b'",
            "cadence",
            "Unknown review deadline wording 'когда-нибудь'",
        ),
        ("slug: stranitsa-b", "slug: stranitsa-a", None, None, None),  # not siblings: allowed
        ("slug: razdel-b", "slug: razdel-a", "rubric 'razdel-a'", "slug", "'razdel-a' is used by a sibling rubric"),
        ("slug: otvetstvennye", "slug: Ответственные", "rubric 'Ответственные'", "slug", "must be a Latin slug"),
        (
            'roadmap: ["1.2"]\n    children',
            'roadmap: ["7.7"]\n    children',
            "rubric 'razdel-b'",
            "roadmap",
            "unknown roadmap item '7.7'",
        ),
        (
            "email: b@zato-sibirsky.example",
            "email: not-an-address",
            "unit 'unit-b'",
            "email",
            "is not an e-mail address",
        ),
    ],
)
@pytest.mark.django_db
def test_bad_entry_is_reported_in_one_line_and_nothing_is_written(tmp_path, home_page, old, new, entry, field, problem):
    path = broken(tmp_path, old, new)
    before = snapshot()

    if entry is None:
        call_command("bootstrap_site", "--data", str(path), stdout=None)
        assert Page.objects.filter(slug="stranitsa-a").count() == 2
        return
    with pytest.raises(CommandError) as error:
        call_command("bootstrap_site", "--data", str(path))

    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {entry}: field '{field}': ")
    assert problem in message
    assert snapshot() == before


@pytest.mark.django_db
def test_unreadable_or_invalid_yaml_is_one_line(tmp_path):
    with pytest.raises(CommandError, match=r"missing\.yaml: file: .*cannot be read"):
        call_command("bootstrap_site", "--data", str(tmp_path / "missing.yaml"))
    path = tmp_path / "bad.yaml"
    path.write_text("version: 1\nunits: [\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.yaml: file: .*not valid YAML") as error:
        call_command("bootstrap_site", "--data", str(path))
    assert "\n" not in str(error.value)


@pytest.mark.django_db
def test_a_slug_taken_by_another_page_type_stops_the_run_before_any_write(tmp_path, home_page):
    from cms.pages.models import InformationPage

    home_page.add_child(instance=InformationPage(title="Чужая страница", slug="razdel-b"))
    path = tmp_path / "rubrics.yaml"
    path.write_text(MINI_DATA, encoding="utf-8")
    before = snapshot()

    with pytest.raises(CommandError, match="rubric 'razdel-b': the slug 'razdel-b' .* is taken by another page"):
        call_command("bootstrap_site", "--data", str(path))

    assert snapshot() == before
    assert not ResponsibleUnit.objects.exists() and not RubricPage.objects.exists()
