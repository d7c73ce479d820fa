"""Push: a signed notice per feed change, retried with backoff, each delivery recorded with its status."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from cms.api.models import WebhookDelivery
from tests.api.conftest import make_news

pytestmark = pytest.mark.django_db


class Receiver(BaseHTTPRequestHandler):
    failures_left = 0
    received: list = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        type(self).received.append((dict(self.headers), body))
        if type(self).failures_left > 0:
            type(self).failures_left -= 1
            self.send_response(503)
        else:
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver(settings):
    Receiver.received = []
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.API_WEBHOOK_URL = f"http://127.0.0.1:{server.server_port}/hook"
    settings.API_WEBHOOK_SECRET = "shared-secret"
    settings.API_WEBHOOK_BACKOFF = 0
    yield Receiver
    server.shutdown()


def test_publish_change_and_withdrawal_are_pushed_signed(receiver, news_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_news(news_index, "Новость для газеты")
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Исправленная"
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    events = [json.loads(body)["event"] for _, body in receiver.received]
    assert events == ["published", "changed", "withdrawn"]
    headers, body = receiver.received[-1]
    assert json.loads(body)["reason"] == "unpublished"
    message = f"{headers['X-Timestamp']}.{headers['X-Delivery-Id']}.{body}".encode()
    expected = "sha256=" + hmac.new(b"shared-secret", message, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Signature"], expected)
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"delivered"}


def test_a_failing_receiver_gets_retries_and_nothing_is_lost(
    receiver, settings, news_index, django_capture_on_commit_callbacks
):
    receiver.failures_left = 2
    with django_capture_on_commit_callbacks(execute=True):
        make_news(news_index)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "delivered" and delivery.attempts == 3
    assert len(receiver.received) == 3


def test_a_dead_receiver_ends_as_failed_with_the_reason(settings, news_index, django_capture_on_commit_callbacks):
    settings.API_WEBHOOK_URL = "http://127.0.0.1:9/unreachable"
    settings.API_WEBHOOK_BACKOFF = 0
    settings.API_WEBHOOK_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        make_news(news_index)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed" and delivery.attempts == 3
    assert delivery.last_error


def test_no_url_no_push(news_index):
    make_news(news_index)
    assert not WebhookDelivery.objects.exists()
