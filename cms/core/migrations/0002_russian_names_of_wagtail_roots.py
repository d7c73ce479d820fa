"""Wagtail's migrations create the page tree's root page and the root collection, both named «Root», which editors
read in the page and document choosers, the group permissions and the upload forms (issue 15.10). Named in
Russian here (and back on reverse); nothing finds either by name (Wagtail finds them by depth).
"""

from django.db import migrations

ROOT_PAGE = ("Root", "Корень дерева страниц")
ROOT_COLLECTION = ("Root", "Общая коллекция")


def rename(apps, page, collection):
    old, new = page
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    old, new = collection
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, ROOT_PAGE, ROOT_COLLECTION)


def backwards(apps, schema_editor):
    rename(apps, ROOT_PAGE[::-1], ROOT_COLLECTION[::-1])


class Migration(migrations.Migration):
    dependencies = [("core", "0001_russian_names_of_wagtail_defaults")]

    operations = [migrations.RunPython(forwards, backwards)]
