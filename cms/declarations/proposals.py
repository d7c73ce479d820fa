"""Receiving proposals during a discussion period and publishing their summary (roadmap 4.3, 7.2)."""

import logging
from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from cms.declarations.models.proposals import PUBLISHED_DECISIONS, Decision, Proposal
from cms.declarations.stages import SUMMARY_DAYS_AFTER_DISCUSSION
from cms.submissions.forms import SubmissionForm
from cms.submissions.services import handle_submission, pop_receipt

logger = logging.getLogger(__name__)


class ProposalForm(SubmissionForm):
    class Meta:
        model = Proposal
        fields = ["name", "email", "text"]
        error_messages = {
            "name": {"required": _("Give your name.")},
            "email": {"required": _("Give your e-mail."), "invalid": _("Enter a valid e-mail address.")},
            "text": {"required": _("Write the proposal.")},
        }


def scope(page) -> str:
    # One rate limit and one receipt per page: a receipt never shows on another draft's page.
    return f"declarations-proposal-{page.pk}"


def empty_form(page):
    return ProposalForm()


def pop_receipt_for(request, page):
    return pop_receipt(request, scope(page))


def receive(page, request):
    """Handle a POST of the proposal form on ``page`` (the caller checked the period is open)."""
    outcome = handle_submission(
        request,
        ProposalForm,
        scope=scope(page),
        instance=Proposal(page_id=page.pk),
        success_url=page.url + "?sent=1#proposal",
    )
    if outcome.submission is not None:
        summary_deadline(page)
    return outcome


def summary_deadline(page) -> None:
    """Proposals oblige the owner unit to publish a summary soon after the period ends (docs/declarations.md)."""
    from cms.ownership import api as ownership

    end = page.discussion_end
    if end is None:
        return
    ownership.start_deadline(
        page,
        reason=str(_("Publish the summary of proposals")),
        due=end + timedelta(days=SUMMARY_DAYS_AFTER_DISCUSSION),
    )


def published_summary(page) -> dict:
    """The moderated proposals of ``page`` as the public sees them: number, date, text, decision, reason."""
    return {"items": summaries_for([page.pk])[page.pk]}


def summaries_for(page_ids) -> dict:
    """Published summary items of several pages in one query: {page id: [item, ...]}."""
    page_ids = list(page_ids)
    found = {pk: [] for pk in page_ids}
    rows = (
        Proposal.objects.filter(page_id__in=page_ids, decision__in=PUBLISHED_DECISIONS)
        # Only what the public may read: name and e-mail are not even loaded.
        .only("page_id", "registration_number", "received_at", "text", "public_text", "decision", "decision_reason")
        .order_by("received_at", "pk")
    )
    for row in rows:
        found[row.page_id].append(
            {
                "number": row.registration_number,
                "received": row.received_local,
                "text": row.public_text.strip() or row.text,
                "decision": Decision(row.decision).label,
                "decision_value": row.decision,
                "reason": row.decision_reason,
            }
        )
    return found
