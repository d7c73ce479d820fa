"""The inbox of citizens' FAQ questions (wagtail-modeladmin, as cms/submissions asks: one module per app).

Readers of the inbox group see every question; editors of a unit see the questions routed to their unit.
«Make a draft entry» turns a question into a draft FAQ entry in one step (its text only, never the sender).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import ButtonHelper

from cms.faq.models import FaqQuestion
from cms.submissions.admin import InboxPermissionHelper, SubmissionInboxAdmin


def units_of(user):
    from cms.snippets.models import ResponsibleUnit

    return ResponsibleUnit.objects.filter(editors_group__in=user.groups.all())


def reads_all(user) -> bool:
    return user.is_active and user.has_perm("faq.view_faqquestion")


class FaqQuestionPermissionHelper(InboxPermissionHelper):
    """The inbox permission, or membership of an editors group of the unit the question was routed to."""

    def user_can_list(self, user):
        return reads_all(user) or (user.is_active and units_of(user).exists())

    def user_can_inspect_obj(self, user, obj):
        return reads_all(user) or (user.is_active and units_of(user).filter(pk=obj.owner_unit_id).exists())

    def user_can_edit_obj(self, user, obj):
        if user.has_perm("faq.change_faqquestion"):
            return True
        return self.user_can_inspect_obj(user, obj)


class FaqQuestionButtonHelper(ButtonHelper):
    def make_entry_button(self, obj):
        return {
            "url": reverse("faq_admin:question_to_entry", args=[obj.pk]),
            "label": _("Make a draft entry") if not obj.entry_id else _("Open the entry"),
            "classname": "button button-small",
            "title": _("Create a draft FAQ entry from this question"),
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if self.permission_helper.user_can_edit_obj(self.request.user, obj):
            buttons.append(self.make_entry_button(obj))
        return buttons


class FaqQuestionInbox(SubmissionInboxAdmin):
    model = FaqQuestion
    menu_label = _("Citizens' questions")
    menu_icon = "help"
    permission_helper_class = FaqQuestionPermissionHelper
    button_helper_class = FaqQuestionButtonHelper
    list_display = ("registration_number", "received_at", "text_start", "owner_unit", "status", "entry")
    list_filter = ("status", "owner_unit")
    inspect_view_fields = [
        "registration_number",
        "received_at",
        "name",
        "email",
        "category",
        "text",
        "owner_unit",
        "entry",
        "status",
        "responsible",
        "internal_notes",
    ]

    def text_start(self, obj):
        return obj.text[:120]

    text_start.short_description = _("question")

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("owner_unit", "entry")
        if reads_all(request.user):
            return queryset
        return queryset.filter(owner_unit__in=units_of(request.user))
