"""Search rows for documents uploaded before the search app existed (new ones get theirs from a signal)."""

from django.db import migrations


def create_rows(apps, schema_editor):
    from search.documents import sync_document_text

    document_model = apps.get_model("wagtaildocs", "Document")
    row_model = apps.get_model("search", "DocumentText")
    for document in document_model.objects.exclude(search_text__isnull=False).iterator():
        sync_document_text(document, model=row_model)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial"), ("wagtaildocs", "0014_alter_document_file_size")]
    operations = [migrations.RunPython(create_rows, migrations.RunPython.noop)]
