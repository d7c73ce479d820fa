"""Move every owned page's ownership from its page-table columns into one Ownership record each.

The live page row was the authoritative copy (PageReviewState mirrored it), so it is the source. Every concrete
page model of the historical state that has the mixin's columns is found by its fields, not by name, so pages of
every type move. The reverse migration writes the records back onto the columns.
"""

from django.db import migrations

MOVED = (
    "owner_unit_id",
    "official_id",
    "review_rule",
    "review_interval_days",
    "review_interval_months",
    "review_fixed_date",
    "review_cadence_text",
    "last_reviewed_at",
    "review_due",
    "change_pending_since",
)


def owned_page_models(apps):
    for model in apps.get_models():
        names = {field.name for field in model._meta.get_fields()}
        if "page_ptr" in names and {"review_rule", "owner_unit", "change_pending_since"} <= names:
            yield model


def forwards(apps, schema_editor):
    Ownership = apps.get_model("ownership", "Ownership")
    ContentType = apps.get_model("contenttypes", "ContentType")
    records = []
    for model in owned_page_models(apps):
        content_type, _ = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        for values in model.objects.values("pk", *MOVED).iterator():
            pk = values.pop("pk")
            # An on-change rule's running clock: its deadline is the rule's own (start + N days), already review_due.
            records.append(Ownership(page_id=pk, content_type_id=content_type.pk, object_id=pk, **values))
    Ownership.objects.bulk_create(records, batch_size=500, ignore_conflicts=True)


def backwards(apps, schema_editor):
    Ownership = apps.get_model("ownership", "Ownership")
    for model in owned_page_models(apps):
        for record in Ownership.objects.filter(page__isnull=False).values("page_id", *MOVED).iterator():
            page_id = record.pop("page_id")
            model.objects.filter(pk=page_id).update(**record)


class Migration(migrations.Migration):
    dependencies = [
        ("ownership", "0002_ownership"),
        ("pages", "0004_transparency_blocks_body"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
