"""The daily review digest: one e-mail per person listing their due and overdue pages.

A ``ReviewDigestLog`` row per (recipient, day) is written only after the mail went out, so a second run on the
same day sends nothing and a digest that failed is sent by the next run. The whole run costs a fixed number of
queries (states, group members, users, the day's log) plus one insert per digest sent.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cms.ownership.digest import collect_sections
from cms.ownership.models import ReviewDigestLog
from cms.ownership.queries import live_filter, prefetch_owned_objects, responsible_pairs, review_records
from cms.ownership.rules import ReviewStatus

logger = logging.getLogger(__name__)

DUE_STATUSES = (ReviewStatus.OVERDUE, ReviewStatus.DUE_SOON)


@dataclass
class Digest:
    user: object
    pages: list
    due_pages: list
    sections: list


@dataclass
class ReminderRun:
    day: date
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    already_sent: int = 0
    planned: list[Digest] = field(default_factory=list)


def edit_url(record) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + record.admin_edit_url


def _pages_by_person(day: date) -> tuple[dict[int, list], dict[int, object]]:
    """Every live owned object, grouped by the people who answer for it (``queries.RESPONSIBLE_PATHS``)."""
    records_qs = review_records(day).filter(live_filter())
    records = {record.pk: record for record in prefetch_owned_objects(list(records_qs))}
    pages_by_user = defaultdict(list)
    for record_id, user_id in sorted(responsible_pairs(records_qs)):
        pages_by_user[user_id].append(records[record_id])
    order = {record_id: index for index, record_id in enumerate(records)}
    for items in pages_by_user.values():
        items.sort(key=lambda record: order[record.pk])
    for record in records.values():
        record.review_status = record.status
        if record.page_id is not None:
            # Digest sections of other apps read pages with their record attached (cms.ownership.digest).
            record.page.review_state = record
            record.page.review_status = record.status
    User = get_user_model()
    users = {
        user.pk: user for user in User.objects.filter(pk__in=pages_by_user.keys(), is_active=True).exclude(email="")
    }
    return pages_by_user, users


def plan_digests(day: date) -> tuple[list[Digest], int]:
    """The digests due on ``day`` that have not been sent yet, and how many were sent already."""
    pages_by_user, users = _pages_by_person(day)
    sent_today = set(ReviewDigestLog.objects.filter(date=day).values_list("recipient_id", flat=True))
    digests = []
    # Sections are written in the site's language, like the rest of the digest.
    with translation.override(settings.LANGUAGE_CODE):
        for user_id in sorted(users):
            digest = _digest_for(users[user_id], pages_by_user[user_id], sent_today)
            if digest is not None:
                digests.append(digest)
    already = len(sent_today.intersection(users))
    return digests, already


def _digest_for(user, records: list, sent_today: set) -> Digest | None:
    if user.pk in sent_today:
        return None
    due_pages = [record for record in records if record.review_status in DUE_STATUSES]
    pages = [record.page for record in records if record.page_id is not None]
    sections = collect_sections(user, pages)
    return Digest(user, pages, due_pages, sections) if due_pages or sections else None


def render_digest(digest: Digest, day: date) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": digest.user,
            "day": day,
            "overdue": [(p, edit_url(p)) for p in digest.due_pages if p.review_status == ReviewStatus.OVERDUE],
            "due_soon": [(p, edit_url(p)) for p in digest.due_pages if p.review_status == ReviewStatus.DUE_SOON],
            "sections": digest.sections,
            "count": len(digest.due_pages),
            "report_url": getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
            + reverse("ownership:review_report"),
        }
        subject = render_to_string("ownership/email/review_digest_subject.txt", context).strip()
        body = render_to_string("ownership/email/review_digest.txt", context)
    return EmailMessage(subject=subject, body=body, to=[digest.user.email])


def send_review_reminders(day: date | None = None, dry_run: bool = False) -> ReminderRun:
    """Send today's digests; failures are logged and left unsent for the next run."""
    day = day or timezone.localdate()
    digests, already = plan_digests(day)
    run = ReminderRun(day=day, already_sent=already, planned=digests)
    if dry_run:
        return run
    for digest in digests:
        address = digest.user.email
        message = render_digest(digest, day)
        try:
            # A connection per message: an SMTP failure must not poison the next recipient's delivery.
            message.send(fail_silently=False)
        except Exception:  # any transport error: leave this digest for the next run
            logger.exception("Review digest to %s was not sent", address)
            run.failed.append(address)
            continue
        ReviewDigestLog.objects.create(recipient=digest.user, date=day, page_count=len(digest.due_pages))
        run.sent.append(address)
    return run
