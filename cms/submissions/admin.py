"""The inbox of a submission type (wagtail-modeladmin): one small module per area subclasses it.

    # cms/<area>/inbox.py
    class ReportInbox(SubmissionInboxAdmin):
        model = CorruptionReport
        menu_label = _("Corruption reports")
        inspect_view_fields = ["registration_number", "received_at", "name", "contact", "text", "attachment", ...]

    # cms/<area>/wagtail_hooks.py
    modeladmin_register(ReportInbox)

Only users with the model's view permission see the menu item and the list (see access.ensure_inbox_group);
submissions are never created in the admin, and the inbox edits only status, responsible person and notes.
Moving to Wagtail's ModelViewSet later changes this module only.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin


class InboxPermissionHelper(PermissionHelper):
    """Model permissions, but nobody creates a submission in the admin, and only superusers delete one."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return user.is_superuser

    def user_can_copy_obj(self, user, obj):
        return False


class InboxForm(WagtailAdminModelForm):
    """The inbox's edit form: the responsible person is one of those who can read the inbox."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "responsible" in self.fields:
            group_name = self._meta.model.inbox_group_name
            users = get_user_model().objects.filter(is_active=True)
            if group_name:
                users = users.filter(Q(groups__name=group_name) | Q(is_superuser=True)).distinct()
            self.fields["responsible"].queryset = users.order_by("last_name", "first_name", "username")
            self.fields["responsible"].help_text = _("A member of the group that reads this inbox.")


class SubmissionInboxAdmin(ModelAdmin):
    menu_icon = "mail"
    add_to_admin_menu = True
    menu_order = 900
    inspect_view_enabled = True
    permission_helper_class = InboxPermissionHelper
    list_display = ("registration_number", "received_at", "status", "responsible")
    list_filter = ("status",)
    search_fields = ("registration_number",)
    list_export = ("registration_number", "received_at", "status", "responsible")
    ordering = ("-received_at",)
    list_per_page = 50
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("responsible"), FieldPanel("internal_notes")], base_form_class=InboxForm
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("responsible")
