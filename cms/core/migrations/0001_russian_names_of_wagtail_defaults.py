"""Wagtail's migrations create the «Moderators» and «Editors» groups and the «Moderators approval» workflow and
task with English names, which editors then read in the admin. Named in Russian here (and back on reverse).

An upgrade must check that no new Wagtail migration looks these up by their English names (0001–0098 did so
only when creating them); it would then have to run before this one.
"""

from django.db import migrations

NAMES = {"Moderators": "Модераторы", "Editors": "Редакторы"}
WORKFLOW = {"Moderators approval": "Утверждение модераторами"}


def rename(apps, names, workflow):
    Group = apps.get_model("auth", "Group")
    for old, new in names.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    for model in ("Workflow", "Task"):
        for old, new in workflow.items():
            apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, NAMES, WORKFLOW)


def backwards(apps, schema_editor):
    rename(apps, {v: k for k, v in NAMES.items()}, {v: k for k, v in WORKFLOW.items()})


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(forwards, backwards)]
