"""The daily digest: one Russian e-mail per person, never twice a day, failures retried by the next run."""

import smtplib
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.utils import timezone

from cms.ownership.digest import DigestSection, register_digest_section, unregister_digest_section
from cms.ownership.models import Ownership, ReviewDigestLog
from cms.ownership.reminders import send_review_reminders
from cms.ownership.rules import ReviewRule
from cms.ownership.tasks import send_review_reminders_task

from . import smtp_sink

pytestmark = pytest.mark.django_db

FAILING_ADDRESS = "broken@example.org"


class FailingForOneAddressBackend(EmailBackend):
    """Locmem, except that mail to one address fails as an SMTP server would refuse it."""

    def send_messages(self, messages):
        for message in messages:
            if FAILING_ADDRESS in message.to:
                raise smtplib.SMTPRecipientsRefused({FAILING_ADDRESS: (550, b"mailbox unavailable")})
        return super().send_messages(messages)


def set_due(page, days_from_today):
    due = timezone.localdate() + timedelta(days=days_from_today)
    Ownership.objects.filter(page=page).update(review_due=due)


@pytest.fixture
def people(make_page, make_unit, make_editor, django_user_model):
    council, lawyer = make_unit("Совет"), make_unit("Юрисконсульт")
    council_editor = make_editor(council, email="council@example.org")
    second_council_editor = make_editor(council, email=FAILING_ADDRESS)
    lawyer_editor = make_editor(lawyer, email="lawyer@example.org")
    official = django_user_model.objects.create_user("official", email="official@example.org")
    overdue = make_page(title="Состав совета", owner_unit=council, review_rule=ReviewRule.QUARTERLY)
    soon = make_page(title="Приём граждан", owner_unit=lawyer, official=official, review_rule=ReviewRule.QUARTERLY)
    later = make_page(title="Устав", owner_unit=lawyer, review_rule=ReviewRule.ANNUALLY)
    set_due(overdue, -2)
    set_due(soon, 3)
    set_due(later, 100)
    return {
        "council": council_editor,
        "broken": second_council_editor,
        "lawyer": lawyer_editor,
        "official": official,
        "overdue": overdue,
        "soon": soon,
    }


def sent_to():
    return sorted(address for message in mail.outbox for address in message.to)


def test_one_russian_digest_per_person_with_edit_links(people):
    run = send_review_reminders()
    assert not run.failed
    assert sent_to() == sorted(["council@example.org", FAILING_ADDRESS, "lawyer@example.org", "official@example.org"])
    council_mail = next(m for m in mail.outbox if m.to == ["council@example.org"])
    assert council_mail.subject == "Сроки актуализации: 1 страница требует проверки"
    assert "Просрочено" in council_mail.body
    assert "Состав совета" in council_mail.body
    assert f"http://testserver/admin/pages/{people['overdue'].pk}/edit/" in council_mail.body
    assert "Приём граждан" not in council_mail.body
    lawyer_mail = next(m for m in mail.outbox if m.to == ["lawyer@example.org"])
    assert "Срок в ближайшие 14 дней" in lawyer_mail.body
    assert "Приём граждан" in lawyer_mail.body
    assert "Устав" not in lawyer_mail.body  # not due yet


def test_second_run_on_the_same_day_sends_nothing(people):
    call_command("send_review_reminders")
    first = len(mail.outbox)
    assert first == 4
    call_command("send_review_reminders")
    assert len(mail.outbox) == first
    assert ReviewDigestLog.objects.filter(date=timezone.localdate()).count() == 4


def test_next_day_sends_again(people):
    today = timezone.localdate()
    call_command("send_review_reminders", "--date", today.isoformat())
    call_command("send_review_reminders", "--date", (today + timedelta(days=1)).isoformat())
    assert len(mail.outbox) == 8


def test_mail_failure_is_logged_retried_and_exits_non_zero(people, settings, caplog):
    settings.EMAIL_BACKEND = "tests.ownership.test_reminders.FailingForOneAddressBackend"
    with pytest.raises(CommandError, match=FAILING_ADDRESS):
        call_command("send_review_reminders")
    # The others were still sent; the failed digest is not recorded as sent.
    assert sent_to() == sorted(["council@example.org", "lawyer@example.org", "official@example.org"])
    assert not ReviewDigestLog.objects.filter(recipient=people["broken"]).exists()
    assert f"Review digest to {FAILING_ADDRESS} was not sent" in caplog.text
    # The mail server recovers: the next run sends only the missing digest.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    call_command("send_review_reminders")
    assert sent_to() == [FAILING_ADDRESS]


def test_mail_server_down_loses_no_digest_and_sends_none_twice(people, settings, caplog):
    """The real SMTP backend: a server that refuses connections, then one that accepts mail again."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_sink.closed_port()
    settings.EMAIL_TIMEOUT = 5
    with pytest.raises(CommandError, match="Could not send 4 digests"):
        call_command("send_review_reminders")
    assert not ReviewDigestLog.objects.exists()
    assert "Connection refused" in caplog.text

    sink = smtp_sink.start()
    try:
        settings.EMAIL_PORT = sink.port
        call_command("send_review_reminders")
        call_command("send_review_reminders")  # the next scheduled run of the day: nothing left to send
        everyone = sorted(["council@example.org", FAILING_ADDRESS, "lawyer@example.org", "official@example.org"])
        assert sink.recipients() == everyone
        council = next(message for to, message in sink.messages if to == ["council@example.org"])
        assert council["Subject"].strip() == "Сроки актуализации: 1 страница требует проверки"
        assert "Состав совета" in council.get_content()
    finally:
        smtp_sink.stop(sink)
    assert ReviewDigestLog.objects.filter(date=timezone.localdate()).count() == 4


def test_dry_run_sends_and_records_nothing(people, capsys):
    call_command("send_review_reminders", "--dry-run")
    assert mail.outbox == []
    assert not ReviewDigestLog.objects.exists()
    assert "council@example.org: 1 pages" in capsys.readouterr().out


def test_bad_date_is_refused_in_one_line(people):
    with pytest.raises(CommandError, match="--date must be YYYY-MM-DD"):
        call_command("send_review_reminders", "--date", "25.11.2026")


def test_date_option_decides_what_is_due(people):
    # A month earlier every due date here lay more than 14 days ahead.
    earlier = timezone.localdate() - timedelta(days=30)
    call_command("send_review_reminders", "--date", earlier.isoformat())
    assert mail.outbox == []


def test_task_does_the_same(people):
    result = send_review_reminders_task.enqueue()
    assert result.return_value["sent"] == 4
    send_review_reminders_task.enqueue()
    assert len(mail.outbox) == 4


def test_other_apps_add_sections_and_get_the_persons_pages(people):
    seen = {}

    def broken_links(user, pages):
        seen[user.email] = sorted(page.title for page in pages)
        if user.email == "lawyer@example.org":
            return DigestSection("Неработающие ссылки", [f"{pages[0].title}: 2 ссылки"])
        return None

    register_digest_section(broken_links)
    try:
        send_review_reminders()
    finally:
        unregister_digest_section(broken_links)
    assert seen["lawyer@example.org"] == ["Приём граждан", "Устав"]
    lawyer_mail = next(m for m in mail.outbox if m.to == ["lawyer@example.org"])
    assert "Неработающие ссылки" in lawyer_mail.body


def test_a_section_alone_is_enough_for_a_digest(make_page, make_unit, make_editor):
    unit = make_unit("Экономист")
    make_editor(unit, email="economist@example.org")
    make_page(title="Показатели", owner_unit=unit, review_rule=ReviewRule.AS_NEEDED)

    def findings(user, pages):
        return DigestSection("Ссылки", ["Показатели: пустой текст ссылки"])

    register_digest_section(findings)
    try:
        send_review_reminders(day=date(2026, 6, 1))
    finally:
        unregister_digest_section(findings)
    assert [m.subject for m in mail.outbox] == ["Сроки актуализации: замечания по вашим страницам"]
