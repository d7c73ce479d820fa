"""manage.py generate_site: a bulk-written synthetic site that Wagtail serves, searches and keeps a valid tree of."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backend

from cms.ownership.models import Ownership
from cms.pages.models import InformationPage, RubricPage
from cms.snippets.models import ResponsibleUnit


def generate(tmp_path, *args):
    truth = tmp_path / "truth.jsonl"
    out = StringIO()
    call_command("generate_site", *args, "--ground-truth", str(truth), stdout=out)
    rows = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
    return out.getvalue(), rows


@pytest.fixture
def generated(home_page, tmp_path):
    output, truth = generate(tmp_path, "--pages", "50", "--links-per-page", "12", "--seed", "7")
    return {"root": Page.objects.get(slug="generated-1"), "truth": truth, "output": output}


def test_creates_the_requested_number_of_live_pages_under_the_home_page(generated, home_page):
    root = generated["root"]
    assert root.get_parent().pk == home_page.pk
    assert root.get_descendants(inclusive=True).live().count() == 50
    assert RubricPage.objects.descendant_of(root, inclusive=True).count() >= 2
    assert InformationPage.objects.descendant_of(root).count() >= 40
    assert "Created 50 pages" in generated["output"]


def test_the_tree_is_valid_for_treebeard_and_wagtail(generated):
    assert Page.find_problems() == ([], [], [], [], [])
    home = Page.objects.get(pk=generated["root"].get_parent().pk)
    assert home.numchild == home.get_children().count()
    for page in generated["root"].get_descendants(inclusive=True).specific():
        assert page.url_path == f"{page.get_parent().url_path}{page.slug}/"


def test_every_generated_page_is_served(generated, client):
    for page in generated["root"].get_descendants(inclusive=True):
        assert client.get(page.url).status_code == 200, page.url


def test_each_page_has_one_revision_that_is_both_latest_and_live(generated):
    pages = list(generated["root"].get_descendants(inclusive=True))
    assert Revision.page_revisions.filter(object_id__in=[str(p.pk) for p in pages]).count() == len(pages)
    for page in pages:
        assert page.live_revision_id == page.latest_revision_id is not None
        assert page.first_published_at is not None
    page = InformationPage.objects.descendant_of(generated["root"]).first()
    assert page.get_latest_revision_as_object().body.raw_data == page.body.raw_data


def test_served_pages_hold_the_links_of_the_ground_truth(generated, client):
    truth = generated["truth"]
    source = next(row["source"] for row in truth if row["kind"].startswith("external_"))
    html = client.get(source).content.decode()
    for row in truth:
        if row["source"] == source:
            href = row["href"].removeprefix(source) if row["kind"].endswith("fragment") else row["href"]
            assert f'href="{href}"' in html, row


def test_ground_truth_marks_exactly_the_internal_links_that_do_not_resolve(generated, client):
    internal = [row for row in generated["truth"] if row["href"].startswith("/") and "#" not in row["href"]]
    assert {row["kind"] for row in internal} >= {"page", "document", "missing_page", "missing_document"}
    for row in internal:
        assert (client.get(row["href"]).status_code != 200) == row["broken"], row


def test_external_links_point_at_the_test_hosts_with_their_expected_outcome(generated):
    external = [row for row in generated["truth"] if row["kind"].startswith("external_")]
    assert external
    for row in external:
        assert row["href"].startswith("http://127.0.0.")
        assert row["broken"] == (
            row["kind"] in {"external_missing", "external_error", "external_hang", "external_loop"}
        )


def test_generated_pages_are_in_the_search_index(generated):
    page = InformationPage.objects.descendant_of(generated["root"]).first()
    results = get_search_backend().search(page.title, InformationPage.objects.live())
    assert page in list(results)


def test_the_same_seed_gives_the_same_links(home_page, tmp_path):
    _output, first = generate(tmp_path, "--pages", "30", "--seed", "3")
    _output, second = generate(tmp_path, "--pages", "30", "--seed", "3")
    strip = [(r["kind"], r["broken"], r["href"].replace("/generated-2/", "/generated-1/")) for r in second]
    assert [(r["kind"], r["broken"], r["href"]) for r in first] == strip
    assert Page.find_problems() == ([], [], [], [], [])


def test_units_become_owners_and_review_states_are_mirrored(home_page, tmp_path):
    unit = ResponsibleUnit.objects.create(name="Отдел делами", slug="delami")
    generate(tmp_path, "--pages", "20")
    root = Page.objects.get(slug="generated-1")
    ids = list(root.get_descendants(inclusive=True).values_list("pk", flat=True))
    assert set(InformationPage.objects.filter(pk__in=ids).values_list("owner_unit", flat=True)) == {unit.pk}
    states = Ownership.objects.filter(page_id__in=ids)
    assert states.count() == len(ids)
    assert not states.filter(owner_unit__isnull=True).exists()
    assert not states.filter(last_reviewed_at__isnull=True).exists()


def test_dry_run_writes_nothing(home_page):
    pages_before = Page.objects.count()
    out = StringIO()
    call_command("generate_site", "--pages", "40", "--dry-run", stdout=out)
    assert "nothing was written" in out.getvalue()
    assert Page.objects.count() == pages_before
    assert not get_document_model().objects.exists()
    assert not Revision.objects.exists()


@pytest.mark.parametrize("pages", ["0", "-5"])
def test_a_bad_page_count_is_refused(home_page, pages):
    with pytest.raises(CommandError, match="--pages must be between 1"):
        call_command("generate_site", "--pages", pages)
    assert not Page.objects.filter(slug__startswith="generated-").exists()


def test_an_unwritable_ground_truth_path_is_refused_before_writing(home_page, tmp_path):
    with pytest.raises(CommandError, match="Cannot write the ground truth"):
        call_command("generate_site", "--pages", "5", "--ground-truth", str(tmp_path / "missing" / "truth.jsonl"))
    assert not Page.objects.filter(slug__startswith="generated-").exists()
