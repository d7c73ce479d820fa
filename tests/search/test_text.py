"""Word normalisation: the same normal form for every case, number and spelling of ё."""

from search.text import normal_form, normalise_text, query_terms


def test_lemmas_join_cases_and_numbers():
    assert normal_form("граждан") == normal_form("гражданина") == "гражданин"
    assert normal_form("доходах") == normal_form("доходы") == "доход"
    assert normal_form("актов") == normal_form("акты")


def test_yo_equals_ye_in_every_method():
    for method in ("lemma", "stem", "fold"):
        assert normal_form("Приём", method) == normal_form("прием", method)


def test_stop_words_and_punctuation_are_not_indexed():
    assert normalise_text("Приём граждан по вторникам, с 9:00 до 12:00!") == "прием гражданин вторник 9 00 12 00"


def test_query_terms_are_distinct_and_keep_stop_words_when_nothing_else_is_left():
    assert query_terms("доходы и доходах") == ["доход"]
    assert query_terms("и или") == ["и", "или"]
    assert query_terms("«»!?—") == []
