"""Members as a registry with history: validation in Russian and the composition on any date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.councils import queries
from cms.councils.models import CouncilMember, CouncilRole

from .conftest import add_member

pytestmark = pytest.mark.django_db


def _errors(member) -> dict:
    with translation.override("ru"), pytest.raises(ValidationError) as caught:
        member.full_clean()
    return {field: " ".join(str(m) for m in messages) for field, messages in caught.value.message_dict.items()}


def test_a_term_must_end_after_it_starts(councils_site):
    member = CouncilMember(
        council=councils_site["education"],
        full_name="Кедров Олег Павлович",
        term_start=date(2025, 3, 1),
        term_end=date(2025, 3, 1),
    )
    assert "Срок полномочий должен заканчиваться позже, чем начинается." in _errors(member)["term_end"]


def test_one_chair_at_a_time(councils_site):
    council = councils_site["education"]
    add_member(council, "Берёзкина Алла Викторовна", date(2024, 1, 1), date(2024, 12, 31), role=CouncilRole.CHAIR)
    rival = CouncilMember(
        council=council, full_name="Кедров Олег Павлович", role=CouncilRole.CHAIR, term_start=date(2024, 12, 1)
    )
    message = _errors(rival)["role"]
    assert "У совета уже есть председатель на эти даты: Берёзкина Алла Викторовна (01.01.2024 – 31.12.2024)" in message
    # The successor from the day after is fine, and a chair of another council is no rival.
    add_member(council, "Кедров Олег Павлович", date(2025, 1, 1), role=CouncilRole.CHAIR)
    add_member(councils_site["housing"], "Соснин Игорь Валерьевич", date(2024, 6, 1), role=CouncilRole.CHAIR)


def test_one_person_cannot_hold_overlapping_terms_in_one_council(councils_site):
    council = councils_site["education"]
    add_member(council, "Ельцова Мария Ивановна", date(2024, 1, 1), date(2024, 12, 31), role=CouncilRole.SECRETARY)
    # Same person written differently (case, «ё», spaces): still the same person.
    again = CouncilMember(council=council, full_name="ельцова  мария ивановна", term_start=date(2024, 6, 1))
    message = _errors(again)["term_start"]
    assert "Ельцова Мария Ивановна уже входит в этот совет с 01.01.2024 по 31.12.2024" in message
    # A new term after the old one, or a seat in another council, is allowed.
    add_member(council, "Ельцова Мария Ивановна", date(2025, 1, 1))
    add_member(councils_site["housing"], "Ельцова Мария Ивановна", date(2024, 6, 1))


def test_an_open_term_overlaps_every_later_one(councils_site):
    council = councils_site["education"]
    add_member(council, "Рябинин Сергей Олегович", date(2023, 1, 1))
    later = CouncilMember(
        council=council, full_name="Рябинин Сергей Олегович", term_start=date(2030, 1, 1), term_end=date(2031, 1, 1)
    )
    assert "term_start" in _errors(later)


def test_composition_on_a_past_date(councils_site):
    council = councils_site["education"]
    add_member(council, "Берёзкина Алла Викторовна", date(2024, 1, 1), date(2024, 12, 31), role=CouncilRole.CHAIR)
    add_member(council, "Кедров Олег Павлович", date(2025, 1, 1), role=CouncilRole.CHAIR)
    add_member(council, "Лиственная Ольга Петровна", date(2024, 1, 1))
    add_member(councils_site["housing"], "Соснин Игорь Валерьевич", date(2024, 1, 1))

    def names(day):
        return [m.full_name for m in queries.members_on(day, council=council)]

    assert names(date(2024, 6, 1)) == ["Берёзкина Алла Викторовна", "Лиственная Ольга Петровна"]
    assert names(date(2024, 12, 31)) == ["Берёзкина Алла Викторовна", "Лиственная Ольга Петровна"]  # last day counts
    assert names(date(2025, 2, 1)) == ["Кедров Олег Павлович", "Лиственная Ольга Петровна"]
    assert names(date(2023, 12, 31)) == []
