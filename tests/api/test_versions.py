"""The content stamp the registries' ETags are made of (cms/api/versions.py): every write changes the ETag.

A registry's 304 is decided from the stamp alone, so any change that can alter an answer must bump it: the
endpoint's own rows, rows of other tables the answer reads (a linked page's URL), and writes that send no signal
(QuerySet.update()).
"""

import pytest
from django.db import transaction

from cms.api.models import ContentVersion, FeedSequence
from cms.api.versions import content_version, written_table
from cms.snippets.models import ResponsibleUnit
from tests.conftest import add_information_page

UNITS = "/api/v2/units/"


@pytest.fixture
def unit(db):
    return ResponsibleUnit.objects.create(name="Главный юрисконсульт", slug="jurist")


def conditional(client, path, etag):
    return client.get(path, HTTP_IF_NONE_MATCH=etag)


@pytest.mark.django_db
def test_a_304_is_decided_from_the_stamp_alone(client, unit, django_assert_max_num_queries):
    etag = client.get(UNITS)["ETag"]
    detail = client.get(f"{UNITS}{unit.pk}/")["ETag"]
    with django_assert_max_num_queries(1):  # the stamp; no queryset, serialiser or pagination
        answer = conditional(client, UNITS, etag)
    assert answer.status_code == 304 and answer["ETag"] == etag and "max-age=" in answer["Cache-Control"]
    assert conditional(client, f"{UNITS}{unit.pk}/", detail).status_code == 304
    # Another URL, host or format is another answer.
    assert conditional(client, f"{UNITS}?limit=1", etag).status_code == 200
    assert client.get(UNITS, HTTP_IF_NONE_MATCH=etag, HTTP_HOST="example.org").status_code == 200
    assert client.get(UNITS, HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT="text/html").status_code == 200


@pytest.mark.django_db
def test_a_change_to_another_table_the_answer_reads_changes_the_etag(client, unit, home_page):
    page = add_information_page(home_page, "Приём граждан", "priyom")
    unit.duties = f'<p>Ведёт <a linktype="page" id="{page.pk}">приём граждан</a>.</p>'
    unit.save()
    first = client.get(UNITS)
    assert "/priyom/" in first.json()["results"][0]["duties"]
    page.slug = "priyom-grazhdan"
    page.save()  # the unit's row is untouched; the link in its duties now leads elsewhere
    changed = conditional(client, UNITS, first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "/priyom-grazhdan/" in changed.json()["results"][0]["duties"]
    assert conditional(client, UNITS, changed["ETag"]).status_code == 304


@pytest.mark.django_db
def test_writes_that_send_no_signal_change_the_etag(client, unit, home_page):
    etag = client.get(UNITS)["ETag"]
    ResponsibleUnit.objects.filter(pk=unit.pk).update(head="Иванов Иван Иванович")
    second = conditional(client, UNITS, etag)
    assert second.status_code == 200 and second["ETag"] != etag
    ResponsibleUnit.objects.bulk_create([ResponsibleUnit(name="Финансовое управление", slug="finance")])
    third = conditional(client, UNITS, second["ETag"])
    assert third.status_code == 200 and third.json()["count"] == 2
    ResponsibleUnit.objects.filter(slug="finance").delete()
    assert conditional(client, UNITS, third["ETag"]).status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committed_transaction_bumps_the_stamp_once(client):
    start = ContentVersion.objects.get(pk=1).value if ContentVersion.objects.filter(pk=1).exists() else 0
    etag = client.get(UNITS)["ETag"]
    with transaction.atomic():
        first = ResponsibleUnit.objects.create(name="Отдел кадров", slug="kadry")
        ResponsibleUnit.objects.filter(pk=first.pk).update(phone="+7 (38532) 5-00-01")
        ResponsibleUnit.objects.create(name="Архивный отдел", slug="arhiv")
        assert ContentVersion.objects.get(pk=1).value == start  # bumped when the transaction commits
    assert ContentVersion.objects.get(pk=1).value == start + 1
    assert content_version() == str(start + 1)
    assert conditional(client, UNITS, etag).status_code == 200
    with transaction.atomic():
        FeedSequence.objects.update_or_create(pk=1, defaults={"value": 7})  # the feed's bookkeeping only
    assert ContentVersion.objects.get(pk=1).value == start + 1
    with pytest.raises(RuntimeError), transaction.atomic():
        ResponsibleUnit.objects.create(name="Несостоявшийся отдел", slug="net")
        raise RuntimeError
    assert ContentVersion.objects.get(pk=1).value == start + 1  # a rolled-back write changed nothing


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ('UPDATE "snippets_responsibleunit" SET "phone" = %s WHERE "id" = %s', "snippets_responsibleunit"),
        ('INSERT INTO "wagtailcore_page" ("path") VALUES (%s)', "wagtailcore_page"),
        ('INSERT OR IGNORE INTO "taggit_tag" ("name") VALUES (%s)', "taggit_tag"),
        ('  delete from "faq_faqentry" WHERE "id" IN (%s)', "faq_faqentry"),
        ("REPLACE INTO `x` VALUES (1)", "x"),
        ('SELECT "value" FROM "api_contentversion" WHERE "id" = %s', None),
        ('SAVEPOINT "s1"', None),
        ("", None),
    ],
)
def test_the_written_table_is_read_from_the_statement(sql, table):
    assert written_table(sql) == table


def test_a_citizens_search_does_not_expire_the_registry_etags(client, unit, site_settings):
    first = client.get("/api/v2/units/")
    client.get("/search/", {"q": "администрация"})  # writes the search statistics
    again = client.get("/api/v2/units/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
