import pytest

from cms.faq.models import FaqEntry, FaqIndexPage
from tests.conftest import add_rubric


def make_entry(question, *, answer=None, category=None, tags=(), live=True, **fields):
    """An entry saved as an editor would: a revision, published when ``live``."""
    entry = FaqEntry(question=question, answer=answer or f"<p>Ответ: {question}</p>", category=category, live=False)
    for name, value in fields.items():
        setattr(entry, name, value)
    if tags:
        entry.tags.add(*tags)
    entry.save()
    revision = entry.save_revision()
    if live:
        revision.publish()
        entry.refresh_from_db()
    return entry


@pytest.fixture
def faq_site(home_page, site_settings):
    """A FAQ page under «Обращения граждан» and two rubrics to use as categories."""
    appeals = add_rubric(home_page, "Обращения граждан", "obrashcheniya-grazhdan")
    budget = add_rubric(home_page, "Бюджет", "byudzhet")
    faq = FaqIndexPage(title="Ответы на часто задаваемые вопросы", slug="voprosy-i-otvety")
    appeals.add_child(instance=faq)
    return {"home": home_page, "appeals": appeals, "budget": budget, "faq": faq}


@pytest.fixture
def entries(faq_site):
    """Published entries in two categories, with tags, plus a draft that must never show."""
    appeals, budget = faq_site["appeals"], faq_site["budget"]
    return {
        "reception": make_entry(
            "Как записаться на личный приём?",
            answer="<p>Запись на приём граждан по телефону.</p>",
            category=appeals,
            tags=["приём граждан"],
        ),
        "deadline": make_entry(
            "В какой срок рассматривается обращение?",
            answer="<p>В течение 30 дней.</p>",
            category=appeals,
            tags=["обращения", "сроки"],
        ),
        "budget": make_entry(
            "Где посмотреть бюджет на текущий год?",
            answer="<p>В подразделе «Бюджет» опубликованы доходы и расходы.</p>",
            category=budget,
            tags=["бюджет"],
        ),
        "draft": make_entry(
            "Секретный черновик про бюджет", answer="<p>Черновик ответа.</p>", category=budget, live=False
        ),
    }
