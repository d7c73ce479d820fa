"""The group that reads one submission type's inbox, with exactly the permissions it needs."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

INBOX_CODENAMES = ("view", "change")


def ensure_inbox_group(model, group_name: str | None = None) -> Group:
    """Create (or complete) the group that reads ``model``'s inbox: admin access, view and change (no add/delete).

    Call it from the area's post_migrate receiver (signal_handlers.py) so a fresh database has the group.
    """
    group, _created = Group.objects.get_or_create(name=group_name or model.inbox_group_name)
    # Wagtail's admin permission is created by wagtailadmin's own post_migrate receiver, which may run after this
    # one (e.g. a test database flush): the next migrate completes the group.
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if access_admin is not None:
        group.permissions.add(access_admin)
    content_type = ContentType.objects.get_for_model(model)
    for action in INBOX_CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model._meta.model_name}",
            defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
        )
        group.permissions.add(permission)
    return group
