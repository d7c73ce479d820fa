"""The move from page-table columns to one Ownership record per page loses nothing (from a database built at the
schema before it, with data)."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("ownership", "0001_initial"), ("pages", "0004_transparency_blocks_body")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # later tests find the migrations' data
def test_migration_moves_every_pages_ownership_into_one_record():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    ContentType = old.get_model("contenttypes", "ContentType")
    Unit = old.get_model("snippets", "ResponsibleUnit")
    User = old.get_model("auth", "User")
    Locale = old.get_model("wagtailcore", "Locale")
    locale, _ = Locale.objects.get_or_create(language_code="ru")
    unit = Unit.objects.create(name="Юрисконсульт", slug="yurist")
    official = User.objects.create(username="official")
    reviewed = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)
    changed = datetime(2026, 3, 5, 4, 0, tzinfo=UTC)

    def add(model_name, path, **fields):
        model = old.get_model("pages", model_name)
        content_type, _ = ContentType.objects.get_or_create(app_label="pages", model=model_name.lower())
        return model.objects.create(
            title=f"{model_name} {path}",
            slug=f"p{path}",
            path=path,
            depth=1,
            numchild=0,
            url_path=f"/p{path}/",
            content_type=content_type,
            locale=locale,
            live=True,
            **fields,
        )

    info = add(
        "InformationPage",
        "9001",
        owner_unit=unit,
        official=official,
        review_rule="on_change",
        review_interval_days=3,
        review_cadence_text="в течение 3 дней с момента внесения изменений",
        last_reviewed_at=reviewed,
        review_due=date(2026, 3, 8),
        change_pending_since=changed,
    )
    rubric = add("RubricPage", "9002", owner_unit=unit, review_rule="quarterly", review_due=date(2026, 3, 31))
    bare = add("InformationPage", "9003")  # no owner: still gets a record, shown as «no owner»

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from cms.ownership.models import Ownership

    records = {record.page_id: record for record in Ownership.objects.all()}
    assert set(records) >= {info.pk, rubric.pk, bare.pk}
    moved = records[info.pk]
    assert (moved.owner_unit_id, moved.official_id, moved.review_rule, moved.review_interval_days) == (
        unit.pk,
        official.pk,
        "on_change",
        3,
    )
    assert moved.review_cadence_text == "в течение 3 дней с момента внесения изменений"
    assert (moved.last_reviewed_at, moved.review_due, moved.change_pending_since) == (
        reviewed,
        date(2026, 3, 8),
        changed,
    )
    assert moved.content_type.model == "informationpage" and moved.object_id == info.pk
    assert (records[rubric.pk].review_rule, records[rubric.pk].review_due) == ("quarterly", date(2026, 3, 31))
    assert not records[bare.pk].has_owner
    # The page tables no longer hold the columns.
    columns = {
        column.name
        for column in connection.introspection.get_table_description(connection.cursor(), "pages_informationpage")
    }
    assert not columns & {"owner_unit_id", "review_due", "last_reviewed_at"}
