"""Expertise of drafts: the conclusion form is open only within the period (Asia/Barnaul days), answers published."""

import datetime

import pytest
from django.utils import timezone

from cms.anticorruption.models import ExpertConclusion

from .conftest import local_datetime

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def conclusion_data(**overrides):
    data = {
        "expert_name": "Экспертов Эксперт Экспертович",
        "accreditation": "распоряжение № 1234-р от 01.02.2020",
        "email": "expert@example.org",
        "text": "Коррупциогенный фактор в пункте 3.2: широта дискреционных полномочий.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def window(draft):
    draft.expertise_start = datetime.date(2026, 3, 10)
    draft.expertise_end = datetime.date(2026, 3, 19)
    draft.save_revision().publish()
    return draft


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        # 10 March 00:00 in Barnaul is 9 March 17:00 UTC: open from that instant, not from UTC midnight.
        (datetime.datetime(2026, 3, 9, 16, 59, tzinfo=UTC), "upcoming"),
        (datetime.datetime(2026, 3, 9, 17, 0, tzinfo=UTC), "open"),
        (local_datetime(2026, 3, 10, 0, 0), "open"),
        # 19 March 23:59 in Barnaul is still open (16:59 UTC); 20 March 00:00 Barnaul (19 March 17:00 UTC) is closed.
        (datetime.datetime(2026, 3, 19, 16, 59, tzinfo=UTC), "open"),
        (datetime.datetime(2026, 3, 19, 17, 0, tzinfo=UTC), "closed"),
        (local_datetime(2026, 3, 19, 23, 59), "open"),
        (local_datetime(2026, 3, 20, 0, 0), "closed"),
    ],
)
def test_window_edges_in_barnaul_time(window, monkeypatch, moment, state):
    at(monkeypatch, moment)
    assert window.window_state() == state
    assert window.accepts_conclusions() == (state == "open")


def test_form_accepts_within_the_period(client, window, monkeypatch):
    at(monkeypatch, local_datetime(2026, 3, 19, 23, 30))
    page = client.get(window.url).content.decode()
    assert 'name="expert_name"' in page
    assert "с 10 марта 2026 по 19 марта 2026 включительно" in page
    response = client.post(window.url, conclusion_data())
    assert response.status_code == 302
    conclusion = ExpertConclusion.objects.get()
    assert conclusion.draft_id == window.pk
    assert conclusion.registration_number.startswith("АЭ-2026-")
    assert not conclusion.is_published
    assert conclusion.registration_number in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("moment", "message"),
    [
        (local_datetime(2026, 3, 9, 23, 59), "Приём заключений начнётся 10 марта 2026"),
        (local_datetime(2026, 3, 20, 0, 0), "Срок экспертизы истёк 19 марта 2026"),
    ],
)
def test_form_closed_outside_the_period_with_dates(client, window, monkeypatch, moment, message):
    at(monkeypatch, moment)
    page = client.get(window.url).content.decode()
    assert message in page
    assert 'name="expert_name"' not in page
    response = client.post(window.url, conclusion_data())
    assert response.status_code == 403
    assert not ExpertConclusion.objects.exists()


def test_only_published_conclusions_with_answers_are_shown(client, window):
    hidden = ExpertConclusion.objects.create(
        draft=window,
        expert_name="Скрытый Эксперт",
        accreditation="x",
        email="hidden@example.org",
        text="Черновой текст",
    )
    shown = ExpertConclusion.objects.create(
        draft=window,
        expert_name="Открытов Эксперт",
        accreditation="x",
        email="shown@example.org",
        text="Замечание к пункту 2",
        answer="Замечание учтено",
        answered_on=datetime.date(2026, 3, 25),
        is_published=True,
    )
    page = client.get(window.url).content.decode()
    assert "Открытов Эксперт" in page and "Замечание к пункту 2" in page and "Замечание учтено" in page
    assert shown.registration_number in page
    assert "Скрытый Эксперт" not in page and "Черновой текст" not in page and hidden.registration_number not in page
    assert "shown@example.org" not in page  # the expert's e-mail is never published


def test_publishing_requires_an_answer(window):
    from django.core.exceptions import ValidationError

    conclusion = ExpertConclusion(
        draft=window, expert_name="a", accreditation="b", email="c@example.org", text="d", is_published=True
    )
    with pytest.raises(ValidationError):
        conclusion.full_clean()


def test_expertise_page_lists_open_drafts_first(client, section, draft):
    page = client.get(section["antikorruptsionnaya-ekspertiza"].url).content.decode()
    assert "Проекты, открытые для независимой экспертизы" in page
    assert draft.title in page


def test_period_end_before_start_is_refused(draft):
    from django.core.exceptions import ValidationError

    draft.expertise_end = draft.expertise_start - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        draft.full_clean()
