"""The moderation inbox of proposals (wagtail-modeladmin, through cms.submissions' inbox base).

A moderator sees the proposals on pages they answer for (their unit's pages, or pages naming them as the
official); superusers and members of the inbox group see all. The moderator records the decision and its
reason, and may reword the text for the public summary; name and e-mail never leave the inbox.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList

from cms.declarations.models.proposals import Proposal
from cms.submissions.admin import InboxForm, InboxPermissionHelper, SubmissionInboxAdmin


def sees_all(user) -> bool:
    """Superusers and members of the inbox group (central moderators) see every proposal."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=Proposal.inbox_group_name).exists())


def answered_page_ids(user):
    from cms.ownership import api as ownership

    return ownership.pages_answered_by(user).values("pk")


class ProposalPermissionHelper(InboxPermissionHelper):
    """The inbox group's permissions, or answering for a page: the owner unit moderates its own proposals."""

    def _answers(self, user) -> bool:
        return user.is_active and Proposal.objects.filter(page_id__in=answered_page_ids(user)).exists()

    def user_can_list(self, user):
        return super().user_can_list(user) or self._answers(user)

    def user_can_inspect_obj(self, user, obj):
        return sees_all(user) or self._owns(user, obj)

    def user_can_edit_obj(self, user, obj):
        return sees_all(user) or self._owns(user, obj)

    def _owns(self, user, obj) -> bool:
        return user.is_active and Proposal.objects.filter(pk=obj.pk, page_id__in=answered_page_ids(user)).exists()


class ProposalInbox(SubmissionInboxAdmin):
    model = Proposal
    menu_label = _("Proposals on drafts and plans")
    menu_icon = "comment"
    permission_helper_class = ProposalPermissionHelper
    list_display = ("registration_number", "received_at", "page_title", "decision", "status", "responsible")
    list_filter = ("decision", "status")
    inspect_view_fields = [
        "registration_number",
        "received_at",
        "page",
        "name",
        "email",
        "text",
        "decision",
        "decision_reason",
        "public_text",
        "status",
        "responsible",
        "internal_notes",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("decision"), FieldPanel("decision_reason"), FieldPanel("public_text")],
                heading=_("Decision (published in the summary)"),
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("responsible"), FieldPanel("internal_notes")],
                heading=_("Handling (never published)"),
            ),
        ],
        base_form_class=InboxForm,
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("page")
        if sees_all(request.user):
            return queryset
        return queryset.filter(page_id__in=answered_page_ids(request.user))

    def page_title(self, obj):
        return obj.page.title

    page_title.short_description = _("draft act or declaration")
