import logging
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cms.submissions.access import ensure_inbox_group
from cms.submissions.numbering import next_number
from cms.submissions.storage import PrivateStorage

from .sample import SampleSubmission

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample_urls")]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SECRET = "Начальник отдела Сидоров берёт взятки"


@pytest.fixture(autouse=True)
def _clear_cache():
    # The sample model's content type is created inside rolled-back test transactions: never reuse a cached one.
    ContentType.objects.clear_cache()
    cache.clear()
    yield
    cache.clear()


def post(client, headers=None, **overrides):
    data = {"name": "Иван Петров", "contact": "ivan@example.org", "text": SECRET, "consent": "on", "website": ""}
    data.update(overrides)
    return client.post("/sample-form/", data, **(headers or {}))


@pytest.fixture
def inbox_reader():
    group = ensure_inbox_group(SampleSubmission)
    user = User.objects.create_user("reader", email="reader@zato-sibirsky.ru", password="x")
    user.groups.add(group)
    return user


def test_success_registers_number_and_shows_it_once_with_date(client):
    response = post(client)
    assert response.status_code == 302
    submission = SampleSubmission.objects.get()
    assert re.fullmatch(r"ТС-\d{4}-000001", submission.registration_number)
    page = client.get(response["Location"]).content.decode()
    assert submission.registration_number in page
    assert "Дата поступления" in page or "Date of receipt" in page
    # A reload does not show the receipt again (and the POST was not repeated).
    assert submission.registration_number not in client.get("/sample-form/").content.decode()


def test_numbers_are_sequential_per_prefix_and_year():
    first, second = next_number("ТС"), next_number("ТС")
    other = next_number("АК")
    assert int(second[-6:]) == int(first[-6:]) + 1
    assert other.endswith("-000001")


def test_validation_error_keeps_what_was_typed(client):
    response = post(client, contact="", text="Мой длинный текст сообщения")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Мой длинный текст сообщения" in page
    assert 'value="Иван Петров"' in page
    assert "Требуется заполнить это поле" in page
    assert SampleSubmission.objects.count() == 0


def test_missing_consent_is_refused_in_russian(client):
    response = post(client, consent="")
    assert response.status_code == 400
    assert SampleSubmission.objects.count() == 0


def test_csrf_is_enforced():
    client = Client(enforce_csrf_checks=True)
    response = post(client)
    assert response.status_code == 403
    assert SampleSubmission.objects.count() == 0
    page = client.get("/sample-form/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in page


def test_honeypot_discards(client):
    response = post(client, website="http://spam.example")
    assert response.status_code == 400
    assert SampleSubmission.objects.count() == 0


def test_rate_limit_per_address(client, settings):
    settings.SUBMISSIONS_RATE_LIMIT = (2, 3600)
    assert post(client, {"REMOTE_ADDR": "10.0.0.1"}).status_code == 302
    assert post(client, {"REMOTE_ADDR": "10.0.0.1"}).status_code == 302
    refused = post(client, {"REMOTE_ADDR": "10.0.0.1"}, text="третье сообщение")
    assert refused.status_code == 429
    assert "третье сообщение" in refused.content.decode()  # kept what was typed
    assert post(client, {"REMOTE_ADDR": "10.0.0.2"}).status_code == 302  # another address is not affected
    # X-Forwarded-For is not trusted: a bot cannot pick a fresh address per post.
    assert post(client, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}).status_code == 429
    assert SampleSubmission.objects.count() == 3


def test_attachment_stored_outside_media_root_with_random_name(client):
    upload = SimpleUploadedFile("жалоба.pdf", PDF, content_type="application/pdf")
    assert post(client, attachment=upload).status_code == 302
    submission = SampleSubmission.objects.get()
    path = Path(submission.attachment.path)
    assert path.is_file()
    assert Path(settings.PRIVATE_MEDIA_ROOT).resolve() in path.resolve().parents
    assert Path(settings.MEDIA_ROOT).resolve() not in path.resolve().parents
    assert "жалоба" not in submission.attachment.name
    assert submission.attachment_name == "жалоба.pdf"
    with pytest.raises(ValueError):
        submission.attachment.url  # noqa: B018 — no public URL exists


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Файлы этого типа нельзя приложить"),
        ("fake.pdf", b"<html><script>alert(1)</script>", "не соответствует"),
        ("empty.txt", b"", "пуст"),
    ],
)
def test_attachment_type_is_checked(client, name, content, message):
    response = post(client, attachment=SimpleUploadedFile(name, content), text="текст остаётся")
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "текст остаётся" in page
    assert SampleSubmission.objects.count() == 0


def test_attachment_size_is_limited(client, settings):
    settings.SUBMISSIONS_MAX_ATTACHMENT_BYTES = 100
    response = post(client, attachment=SimpleUploadedFile("big.pdf", PDF + b"0" * 200))
    assert response.status_code == 400
    assert "слишком большой" in response.content.decode()


def test_attachment_served_only_to_the_inbox_group(client, inbox_reader):
    post(client, attachment=SimpleUploadedFile("doc.pdf", PDF))
    submission = SampleSubmission.objects.get()
    url = reverse(
        "submissions_attachment",
        kwargs={"app_label": "submissions", "model_name": "samplesubmission", "pk": submission.pk},
    )
    anonymous = Client().get(url)
    assert anonymous.status_code in (302, 403) and PDF not in anonymous.content
    editor = User.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get_or_create(name="Редакторы")[0])
    editor_client = Client()
    editor_client.force_login(editor)
    assert editor_client.get(url).status_code in (302, 403)
    reader = Client()
    reader.force_login(inbox_reader)
    response = reader.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "attachment" in response["Content-Disposition"]


def test_private_storage_follows_the_setting(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    assert PrivateStorage().path("x.pdf") == str(tmp_path / "x.pdf")


def test_notification_carries_only_number_and_link(client, inbox_reader, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client)
    submission = SampleSubmission.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reader@zato-sibirsky.ru"]
    assert submission.registration_number in message.subject
    assert submission.registration_number in message.body
    assert f"/admin/submissions/samplesubmission/inspect/{submission.pk}/" in message.body
    for private in (SECRET, "Иван Петров", "ivan@example.org"):
        assert private not in message.body and private not in message.subject


def test_info_log_has_the_number_never_the_content(client, caplog):
    with caplog.at_level(logging.DEBUG, logger="cms"):
        post(client, attachment=SimpleUploadedFile("doc.pdf", PDF))
    submission = SampleSubmission.objects.get()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert submission.registration_number in logged
    for private in (SECRET, "Иван Петров", "ivan@example.org", "doc.pdf"):
        assert private not in logged


def test_inbox_readable_only_by_its_group(inbox_reader):
    submission = SampleSubmission.objects.create(name="А", contact="б", text=SECRET)
    index = reverse("submissions_samplesubmission_modeladmin_index")
    inspect = reverse("submissions_samplesubmission_modeladmin_inspect", args=[submission.pk])
    outsider = User.objects.create_user("outsider", password="x")
    outsider_client = Client()
    outsider_client.force_login(outsider)
    for url in (index, inspect):
        response = outsider_client.get(url)
        assert SECRET.encode() not in response.content
    reader = Client()
    reader.force_login(inbox_reader)
    assert submission.registration_number in reader.get(index).content.decode()
    assert SECRET in reader.get(inspect).content.decode()


def test_inbox_edits_only_status_responsible_notes(inbox_reader):
    from .sample import SampleInbox

    form_class = SampleInbox().get_edit_handler().bind_to_model(SampleSubmission).get_form_class()
    assert set(form_class.base_fields) == {"status", "responsible", "internal_notes"}
    outsider = User.objects.create_user("outsider", password="x")
    form = form_class(instance=SampleSubmission(name="a", contact="b", text="c"))
    choices = set(form.fields["responsible"].queryset)
    assert inbox_reader in choices and outsider not in choices
    assert not SampleInbox().permission_helper.user_can_create(inbox_reader)
