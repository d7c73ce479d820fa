"""Citizens' proposals on a draft act or a declaration (roadmap 4.3, 7.2): a submission type of cms.submissions.

Name and e-mail are kept for the owner unit only. The public summary reads the registration number, the date,
the text (or the moderator's public wording of it) and the decision, never the sender.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.submissions.models import Submission


class Decision(models.TextChoices):
    PENDING = "pending", _("Not considered yet")
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    REJECTED = "rejected", _("Rejected")
    WITHHELD = "withheld", _("Not published (off topic or abusive)")


# Decisions whose proposals appear in the published summary.
PUBLISHED_DECISIONS = (Decision.ACCEPTED, Decision.PARTLY, Decision.REJECTED)


class Proposal(Submission):
    registration_prefix = "ПР"
    # Data, not an interface string: the group exists in the database under this name.
    inbox_group_name = "Модераторы предложений по проектам"

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("draft act or declaration"),
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
    )
    name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("e-mail"), help_text=_("For the answer only; never published."))
    text = models.TextField(_("proposal"), max_length=10000)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING, db_index=True
    )
    decision_reason = models.TextField(
        _("reason for the decision"), blank=True, help_text=_("Published in the summary next to the proposal.")
    )
    public_text = models.TextField(
        _("text for the summary"),
        blank=True,
        help_text=_("Leave empty to publish the proposal as sent; rewrite it to remove names, addresses or phones."),
    )

    class Meta(Submission.Meta):
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [models.Index(fields=["page", "decision"], name="declarations_proposal_page_idx")]

    def clean(self):
        super().clean()
        if self.decision in (Decision.PARTLY, Decision.REJECTED) and not self.decision_reason.strip():
            raise ValidationError({"decision_reason": _("Give the reason: it is published with the decision.")})
