"""Editor groups of the responsible units and what they may do: admin access, media, edit rights on their rubrics."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from cms.snippets.models import ResponsibleUnit

# Page permissions a unit's editors get on the rubrics it owns (inherited by the pages below them).
PAGE_PERMISSIONS = ("add", "change", "publish")
# Editors attach documents and images to their pages: the Wagtail "Editors" group's media rights.
MEDIA_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)


def create_editors_group(unit: ResponsibleUnit, name: str) -> Group:
    """Give ``unit`` an editors group (reusing a group of that name) that can log into the admin and add media."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    root_collection = Collection.get_first_root_node()
    for app_label, codename in MEDIA_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root_collection, permission=permission)
    unit.editors_group = group
    unit.save(update_fields=["editors_group"])
    return group


def grant_page_permissions(group: Group, page: Page) -> int:
    """Let ``group`` add, edit and publish ``page`` and its subpages; returns how many rights were added."""
    page_type = ContentType.objects.get_for_model(Page)
    codenames = [f"{action}_page" for action in PAGE_PERMISSIONS]
    added = 0
    for permission in Permission.objects.filter(content_type=page_type, codename__in=codenames):
        _, created = GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        added += created
    return added
