"""roadmap_coverage: every roadmap item and 8-FZ category has a live page, or the command fails."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms.pages.models import RubricKey

from .test_bootstrap import mini_data  # noqa: F401  (fixture)


def coverage(data):
    out = StringIO()
    call_command("roadmap_coverage", "--data", str(data), stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_all_live_exits_zero_and_lists_pages_with_owner(mini_data):  # noqa: F811
    call_command("bootstrap_site", "--data", str(mini_data), stdout=StringIO())

    output = coverage(mini_data)

    assert "OK  roadmap 1.1: Размещение информации раздела А." in output
    assert "[live] «Страница А» /razdel-a/stranitsa-a/ — owner: Управление А" in output
    assert "OK  8-FZ 1: Общая информация" in output
    assert "All 3 roadmap items and 8-FZ categories have a live page." in output


@pytest.mark.django_db
def test_unpublished_page_makes_its_item_a_gap_and_the_command_fail(mini_data):  # noqa: F811
    call_command("bootstrap_site", "--data", str(mini_data), stdout=StringIO())
    for key in ("razdel-b", "razdel-b/stranitsa-b"):
        RubricKey.objects.get(key=key).page.specific.unpublish()

    out = StringIO()
    with pytest.raises(CommandError, match=r"1 of 3 items have no live page: roadmap 1\.2$"):
        call_command("roadmap_coverage", "--data", str(mini_data), stdout=out)

    assert "GAP roadmap 1.2" in out.getvalue()
    assert "[not live] «Страница Б»" in out.getvalue()


@pytest.mark.django_db
def test_before_any_bootstrap_every_item_is_missing(mini_data):  # noqa: F811
    out = StringIO()
    with pytest.raises(CommandError, match="3 of 3 items have no live page"):
        call_command("roadmap_coverage", "--data", str(mini_data), stdout=out)
    assert "[missing] «Раздел А» (razdel-a): run bootstrap_site" in out.getvalue()


@pytest.mark.django_db
def test_the_real_data_file_is_fully_covered_after_bootstrap():
    call_command("bootstrap_site", stdout=StringIO())
    out = StringIO()
    call_command("roadmap_coverage", stdout=out)
    assert "GAP" not in out.getvalue()
    assert out.getvalue().count("OK  roadmap ") == 34  # items 1.1 … 10.2
    assert out.getvalue().count("OK  8-FZ ") == 11


@pytest.mark.django_db
def test_coverage_query_count_does_not_grow_with_the_tree(mini_data, django_assert_max_num_queries):  # noqa: F811
    from cms.pages.bootstrap.coverage import coverage as compute
    from cms.pages.bootstrap.loader import load_site_data

    call_command("bootstrap_site", "--data", str(mini_data), stdout=StringIO())
    with django_assert_max_num_queries(8):
        compute(load_site_data(mini_data))
    call_command("bootstrap_site", stdout=StringIO())  # the full tree: ten times the pages
    with django_assert_max_num_queries(8):
        compute(load_site_data())
