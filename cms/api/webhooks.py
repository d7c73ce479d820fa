"""Push (optional): a signed notice to the configured webhook on each feed change, sent in the background.

Settings: ``API_WEBHOOK_URL`` (empty = off), ``API_WEBHOOK_SECRET``, ``API_WEBHOOK_MAX_ATTEMPTS``,
``API_WEBHOOK_BACKOFF`` (seconds; attempt n waits backoff * 2**(n-1)). The signature is HMAC-SHA256 over
``"<timestamp>.<delivery id>.<body>"`` with the secret, sent as ``X-Signature: sha256=<hex>`` with
``X-Timestamp`` and ``X-Delivery-Id`` (docs/api.md). Every notice is a ``WebhookDelivery`` row first, so a slow or
failing receiver loses none: the row keeps its status, attempts and last error.
"""

import hashlib
import hmac
import json
import logging
import time
from datetime import timedelta

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import FeedEntry, WebhookDelivery

logger = logging.getLogger(__name__)


def sign(secret: str, timestamp: str, delivery_id: str, body: str) -> str:
    message = f"{timestamp}.{delivery_id}.{body}".encode()
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def event_of(entry: FeedEntry) -> str:
    if entry.state == FeedEntry.State.WITHDRAWN:
        return "withdrawn"
    return "published" if entry.version == 1 else "changed"


def notify(entry: FeedEntry) -> WebhookDelivery | None:
    """Record a notice about ``entry``'s change and send it after the editor's transaction commits."""
    url = getattr(settings, "API_WEBHOOK_URL", "")
    if not url:
        return None
    body = {
        "event": event_of(entry),
        "id": entry.page_id,
        "version": entry.version,
        "sequence": entry.sequence,
        "changed_at": entry.changed_at.isoformat(),
    }
    if entry.state == FeedEntry.State.WITHDRAWN:
        body["reason"] = entry.reason
    else:
        body["url"] = entry.payload.get("url")
    delivery = WebhookDelivery.objects.create(
        url=url,
        page_id=entry.page_id,
        sequence=entry.sequence,
        event=body["event"],
        body=json.dumps(body, ensure_ascii=False, sort_keys=True),
    )
    transaction.on_commit(lambda: enqueue_delivery(delivery.pk))
    return delivery


def enqueue_delivery(delivery_id: int, delay: float = 0) -> None:
    from .tasks import deliver_webhook

    if delay and deliver_webhook.get_backend().supports_defer:
        deliver_webhook.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(delivery_id)
    else:
        deliver_webhook.enqueue(delivery_id)


def attempt(delivery: WebhookDelivery) -> bool:
    """One POST of the notice; records the outcome. True when the receiver answered 2xx."""
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Timestamp": timestamp,
        "X-Delivery-Id": str(delivery.pk),
        "X-Signature": sign(getattr(settings, "API_WEBHOOK_SECRET", ""), timestamp, str(delivery.pk), delivery.body),
    }
    delivery.attempts += 1
    try:
        response = httpx.post(
            delivery.url,
            content=delivery.body.encode(),
            headers=headers,
            timeout=getattr(settings, "API_WEBHOOK_TIMEOUT", 5.0),
        )
        delivery.last_status_code = response.status_code
        delivery.last_error = "" if response.is_success else f"HTTP {response.status_code}"
        ok = response.is_success
    except httpx.HTTPError as exc:
        delivery.last_error = f"{type(exc).__name__}: {exc}"[:500]
        ok = False
    if ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
    elif delivery.attempts >= getattr(settings, "API_WEBHOOK_MAX_ATTEMPTS", 6):
        delivery.status = WebhookDelivery.Status.FAILED
        logger.warning("Webhook delivery %s failed after %s attempts", delivery.pk, delivery.attempts)
    delivery.save(update_fields=["attempts", "last_status_code", "last_error", "status", "delivered_at"])
    return ok


def deliver(delivery_id: int) -> str:
    """Run one attempt; schedule the next with exponential backoff while attempts remain."""
    delivery = WebhookDelivery.objects.filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return "skipped"
    if attempt(delivery):
        return "delivered"
    if delivery.status == WebhookDelivery.Status.PENDING:
        enqueue_delivery(delivery.pk, delay=getattr(settings, "API_WEBHOOK_BACKOFF", 30) * 2 ** (delivery.attempts - 1))
    return delivery.status
