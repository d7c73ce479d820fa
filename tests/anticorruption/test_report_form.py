"""The corruption report channel: registration, receipt, restricted inbox, and nothing ever leaks."""

import logging
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cms.anticorruption.models import CorruptionReport
from cms.anticorruption.models.feedback import REPORTS_GROUP
from cms.submissions.access import ensure_inbox_group

pytestmark = pytest.mark.django_db

URL = "/protivodeystvie-korruptsii/obratnaya-svyaz/"
SECRET_TEXT = "Заведующий складом Уникальнофамильный требует откат 15 процентов"
SECRET_NAME = "Заявителев Секрет Секретович"
SECRET_CONTACT = "zayavitel-secret@example.org"
PDF = b"%PDF-1.4\nsecret-attachment-bytes\n%%EOF\n"


def send(client, **overrides):
    data = {"name": SECRET_NAME, "contact": SECRET_CONTACT, "text": SECRET_TEXT, "consent": "on", "website": ""}
    data.update(overrides)
    return client.post(URL, data)


@pytest.fixture
def reader():
    user = User.objects.create_user("reader", email="reader@zato-sibirsky.ru", password="x")
    user.groups.add(ensure_inbox_group(CorruptionReport))
    return user


def test_form_renders_with_csrf_honeypot_and_labels(client, section):
    page = client.get(URL).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'name="website"' in page and 'class="submission-trap"' in page
    assert 'enctype="multipart/form-data"' in page
    for label in ("Ваши фамилия, имя, отчество", "Как вам ответить", "Сообщение", "Вложение"):
        assert label in page


def test_report_gets_number_and_date_shown_to_sender(client, section, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, attachment=SimpleUploadedFile("факт.pdf", PDF))
    assert response.status_code == 302
    report = CorruptionReport.objects.get()
    assert re.fullmatch(r"АК-20\d\d-000001", report.registration_number)
    page = client.get(response["Location"]).content.decode()
    assert "Ваше сообщение зарегистрировано" in page
    assert report.registration_number in page
    assert "Дата поступления" in page
    assert SECRET_TEXT not in page  # the receipt never echoes the content


def test_validation_error_keeps_what_was_typed(client, section):
    response = send(client, contact="")
    assert response.status_code == 400
    page = response.content.decode()
    assert SECRET_TEXT in page and SECRET_NAME in page
    assert "Требуется заполнить это поле" in page
    assert not CorruptionReport.objects.exists()


def test_rate_limit_and_honeypot(client, section, settings):
    settings.SUBMISSIONS_RATE_LIMIT = (1, 3600)
    assert send(client, website="bot").status_code == 400
    assert not CorruptionReport.objects.exists()
    assert send(client).status_code == 429  # the bot's attempt counted
    assert send(Client(REMOTE_ADDR="10.1.1.1")).status_code == 302


def test_inbox_only_for_its_group(client, section, reader):
    send(client, attachment=SimpleUploadedFile("факт.pdf", PDF))
    report = CorruptionReport.objects.get()
    index = reverse("anticorruption_corruptionreport_modeladmin_index")
    inspect = reverse("anticorruption_corruptionreport_modeladmin_inspect", args=[report.pk])
    attachment = report.attachment_admin_url()
    editor = User.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get_or_create(name="Редакторы: главный юрисконсульт")[0])
    for user in (None, editor):
        other = Client()
        if user:
            other.force_login(user)
        for url in (index, inspect, attachment):
            response = other.get(url)
            assert response.status_code in (302, 403), url
            assert SECRET_TEXT.encode() not in response.content and PDF not in response.content
    inbox = Client()
    inbox.force_login(reader)
    assert report.registration_number in inbox.get(index).content.decode()
    assert SECRET_TEXT in inbox.get(inspect).content.decode()
    downloaded = inbox.get(attachment)
    assert b"".join(downloaded.streaming_content) == PDF
    assert Group.objects.get(name=REPORTS_GROUP).permissions.filter(codename="add_corruptionreport").count() == 0


def test_notification_mail_and_logs_carry_only_the_number(
    client, section, reader, caplog, django_capture_on_commit_callbacks
):
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        send(client, attachment=SimpleUploadedFile("факт.pdf", PDF))
    report = CorruptionReport.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert report.registration_number in message.body
    assert f"/admin/anticorruption/corruptionreport/inspect/{report.pk}/" in message.body
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert report.registration_number in logged
    for private in (SECRET_TEXT, SECRET_NAME, SECRET_CONTACT, "факт.pdf"):
        assert private not in message.body and private not in message.subject
        assert private not in logged


def test_report_never_reaches_public_urls_search_api_or_sitemap(client, section, campaign):
    send(client, attachment=SimpleUploadedFile("факт.pdf", PDF))
    report = CorruptionReport.objects.get()
    stored_name = report.attachment.name
    public = Client()
    urls = [
        "/",
        URL,
        "/sitemap.xml",
        "/search/?q=Уникальнофамильный",
        "/search/?q=" + report.registration_number,
        "/api/v2/pages/?search=Уникальнофамильный",
        "/api/v2/pages/?type=anticorruption.ReportFormPage&fields=*",
        f"/media/{stored_name}",
        f"/media/private/{stored_name}",
        f"/private/{stored_name}",
    ]
    for url in urls:
        response = public.get(url)
        assert response.status_code != 500, url
        body = response.content
        assert SECRET_TEXT.encode() not in body, url
        assert SECRET_NAME.encode() not in body, url
        assert PDF not in body, url
    # The registered API endpoints expose no submission type.
    from cms.anticorruption.api import ENDPOINTS

    assert all("report" not in prefix for prefix, _ in ENDPOINTS)
    for _prefix, viewset in ENDPOINTS:
        serializer = viewset.serializer_class
        assert serializer.Meta.model is not CorruptionReport


def test_attachment_file_is_outside_media_root(client, section, settings):
    from pathlib import Path

    send(client, attachment=SimpleUploadedFile("факт.pdf", PDF))
    path = Path(CorruptionReport.objects.get().attachment.path).resolve()
    assert Path(settings.PRIVATE_MEDIA_ROOT).resolve() in path.parents
    assert Path(settings.MEDIA_ROOT).resolve() not in path.parents


def test_reports_are_not_indexed_for_search():
    from wagtail.search.index import Indexed

    assert not issubclass(CorruptionReport, Indexed)
