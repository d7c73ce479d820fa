"""Admin-only views: an attachment, served to those who may read the submission's inbox."""

import logging

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404

from .models import SubmissionAttachmentMixin

logger = logging.getLogger(__name__)


def can_read_inbox(user, model) -> bool:
    """Whether ``user`` may read submissions of ``model`` (the model's view permission; superusers may)."""
    opts = model._meta
    return user.is_active and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def attachment(request, app_label: str, model_name: str, pk: int):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    if not issubclass(model, SubmissionAttachmentMixin):
        raise Http404
    if not can_read_inbox(request.user, model):
        raise PermissionDenied
    submission = model.objects.filter(pk=pk).first()
    if submission is None or not submission.attachment:
        raise Http404
    try:
        handle = submission.attachment.open("rb")
    except FileNotFoundError as exc:
        logger.warning("submission %s: attachment file missing", submission.registration_number)
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=submission.attachment_name or "attachment")
    # Never cached by a proxy or the browser; never rendered inline (an uploaded HTML/SVG could run script).
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    logger.info("submission %s: attachment read by user %s", submission.registration_number, request.user.pk)
    return response
