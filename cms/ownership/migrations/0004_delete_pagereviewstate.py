from django.db import migrations


class Migration(migrations.Migration):
    """The mirror table is gone: the Ownership records are the only copy (0003 moved the data)."""

    dependencies = [
        ("ownership", "0003_move_page_ownership"),
    ]

    operations = [
        migrations.DeleteModel(
            name='PageReviewState',
        ),
    ]
