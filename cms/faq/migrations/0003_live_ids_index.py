"""The published entries' ids in an index of their own: the search's privacy join reads it, not the whole table."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("faq", "0002_alter_faqentry_tags")]

    operations = [
        migrations.AddIndex(
            model_name="faqentry",
            index=models.Index(condition=models.Q(("live", True)), fields=["id"], name="faq_entry_live_ids"),
        ),
    ]
