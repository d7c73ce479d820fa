"""The e-mail about a new submission: its number and a link to the inbox, never what the citizen wrote."""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from . import conf

logger = logging.getLogger(__name__)


def recipients(submission) -> list[str]:
    """Active members of the inbox group with an address, plus SUBMISSIONS_NOTIFY_EMAILS."""
    addresses = list(conf.notify_extra_emails())
    if submission.inbox_group_name:
        users = get_user_model().objects.filter(is_active=True, groups__name=submission.inbox_group_name)
        addresses += [email for email in users.exclude(email="").values_list("email", flat=True)]
    return sorted(set(addresses))


def notify_new_submission(submission) -> int:
    """Send the notification; returns the number of e-mails sent. A mail failure never loses the submission."""
    to = recipients(submission)
    if not to:
        logger.warning("submission %s: nobody to notify", submission.registration_number)
        return 0
    kind = submission._meta.verbose_name
    subject = _("New submission %(number)s (%(kind)s)") % {"number": submission.registration_number, "kind": kind}
    body = _(
        "A new submission %(number)s (%(kind)s) has been registered.\n\n"
        "Open it in the administration's inbox (sign-in required):\n%(link)s\n\n"
        "This message deliberately contains nothing the sender wrote."
    ) % {"number": submission.registration_number, "kind": kind, "link": submission.admin_url()}
    try:
        return send_mail(subject, body, None, to)
    except Exception:  # noqa: BLE001 — SMTP trouble must not turn a received report into an error page
        logger.exception("submission %s: notification e-mail failed", submission.registration_number)
        return 0
