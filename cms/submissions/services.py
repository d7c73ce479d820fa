"""The request handling every submission form shares: rate limit, honeypot, save, notify, receipt.

Usage from a page's ``serve()`` or a view::

    outcome = handle_submission(request, ReportForm, scope="anticorruption-report")
    if outcome.redirect:
        return outcome.redirect              # success: Post/Redirect/Get; the receipt is in the session
    context["form"] = outcome.form           # GET, or the bound form with errors and what was typed
    context["receipt"] = pop_receipt(request, "anticorruption-report")
    return TemplateResponse(request, template, context, status=outcome.status)
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.forms import ValidationError
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import ratelimit
from .notifications import notify_new_submission

logger = logging.getLogger(__name__)

_RECEIPT_KEY = "submissions:receipt:{scope}"


@dataclass
class Outcome:
    form: object
    submission: object = None
    redirect: HttpResponseRedirect | None = None
    status: int = 200


def handle_submission(request, form_class, *, scope: str, instance=None, form_kwargs=None, success_url=None):
    """Process GET (an empty form) or POST (validate, protect, save) of ``form_class``.

    ``instance`` pre-fills fields the sender does not choose (e.g. the draft a conclusion is about). On a
    validation error the bound form comes back with everything typed (file inputs excepted, which browsers never
    refill) and status 400; over the rate limit, status 429 with the same form.
    """
    form_kwargs = dict(form_kwargs or {})
    if instance is not None:
        form_kwargs["instance"] = instance
    if request.method != "POST":
        return Outcome(form=form_class(**form_kwargs))
    form = form_class(request.POST, request.FILES, **form_kwargs)
    if ratelimit.is_limited(request, scope):
        form.is_valid()  # show field errors too, but save nothing
        form.add_error(None, ValidationError(_("Too many messages from your address. Please try again later.")))
        return Outcome(form=form, status=429)
    if form.is_spam():
        ratelimit.record(request, scope)
        logger.info("submission %s: honeypot filled, discarded", scope)
        form.add_error(None, ValidationError(_("The message could not be accepted.")))
        return Outcome(form=form, status=400)
    if not form.is_valid():
        return Outcome(form=form, status=400)
    with transaction.atomic():
        submission = form.save()
        transaction.on_commit(lambda: notify_new_submission(submission))
    ratelimit.record(request, scope)
    logger.info("submission %s received", submission.registration_number)
    store_receipt(request, scope, submission)
    return Outcome(
        form=form,
        submission=submission,
        redirect=HttpResponseRedirect(success_url or request.path + "?sent=1"),
        status=302,
    )


def store_receipt(request, scope: str, submission) -> None:
    received = timezone.localtime(submission.received_at)
    request.session[_RECEIPT_KEY.format(scope=scope)] = {
        "number": submission.registration_number,
        "received": received.isoformat(),
    }


def pop_receipt(request, scope: str) -> dict | None:
    """The number and local date/time of the sender's last submission of ``scope``, shown once after the redirect."""
    receipt = request.session.pop(_RECEIPT_KEY.format(scope=scope), None) if hasattr(request, "session") else None
    if receipt:
        from datetime import datetime

        receipt = {"number": receipt["number"], "received": datetime.fromisoformat(receipt["received"])}
    return receipt
